/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mosmon: the openMosix cluster monitor.
 *
 * Gathering is apart from drawing: gather.c reads /proc/hpc/nodes into a
 * plain array, draw.c renders one frame of that array into a canvas of
 * characters (canvas.c), and the frame is either printed as plain text
 * (--once) or copied to the terminal by screen.c, the only file that knows
 * about curses.
 */
#ifndef MOSMON_H
#define MOSMON_H

#include <stdbool.h>
#include <stddef.h>

/* One node as read from /proc/hpc/nodes/<id>/; a value of -1 is unknown. */
struct node {
	unsigned id;
	bool up;
	long long cpus, load, speed, mem, rmem, tmem, util;
};

struct cluster {
	struct node *nodes;	/* ascending ids */
	size_t count;
	size_t up;		/* how many of them are up */
};

/* gather.c */
int cluster_gather(struct cluster *c);
void cluster_free(struct cluster *c);
void cluster_warn(void);

enum view { VIEW_LOAD, VIEW_SPEED, VIEW_MEM, VIEW_RMEM, VIEW_UTIL, VIEW_CPUS, VIEW_COUNT };

/* views.c: what each view shows and how it labels it. */
struct view_info {
	const char *name;	/* for --view */
	const char *title;	/* top left of the frame */
	/* the filled part of a column and the whole of it (-1: no whole) */
	long long (*value)(const struct node *n);
	long long (*whole)(const struct node *n);
	/* the top of the scale for the nodes shown */
	double (*scale)(const struct node *const *nodes, size_t count);
	/* a value as an axis label, at most LABEL_WIDTH characters */
	void (*label)(char *buf, size_t size, double v);
	bool whole_units;	/* label only whole numbers (CPUs) */
};

#define LABEL_WIDTH 6

extern const struct view_info views[VIEW_COUNT];
int view_by_name(const char *name);
int view_by_key(int key);

/* canvas.c: a grid of characters, each with an attribute. */
enum attr { ATTR_NONE, ATTR_TITLE, ATTR_AXIS, ATTR_BAR, ATTR_FREE, ATTR_DEAD, ATTR_NOTE };

struct canvas {
	int width, height;
	char *text;
	unsigned char *attr;
};

int canvas_init(struct canvas *cv, int width, int height);
void canvas_free(struct canvas *cv);
void canvas_clear(struct canvas *cv);
void canvas_put(struct canvas *cv, int x, int y, char ch, enum attr a);
void canvas_text(struct canvas *cv, int x, int y, const char *s, enum attr a);
int canvas_print(const struct canvas *cv);

/* draw.c: the state of the display and the rendering of one frame. */
struct display {
	enum view view;
	bool total;		/* show how many nodes are up */
	bool hide_dead;		/* leave out the nodes that are down */
	bool help;		/* the help screen instead of the graph */
	bool hints;		/* a line of key hints at the bottom */
	size_t first;		/* the first node shown (scrolling) */
	size_t columns;		/* set by draw_frame: how many fit */
};

#define MIN_WIDTH 20
#define MIN_HEIGHT 8

void draw_frame(struct canvas *cv, const struct cluster *c, struct display *d);

/* screen.c: the interactive monitor; returns the exit status. */
int screen_run(struct cluster *c, struct display *d, double interval);

#endif /* MOSMON_H */
