/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mtop: top with a column for the node each process runs on.
 *
 * As in mosmon, gathering is apart from drawing: gather.c samples every
 * process and works out its share of a CPU, frame.c renders one frame as
 * lines of text, and the frame is printed (batch mode) or shown by
 * screen.c, the only file that knows about curses.
 */
#ifndef MTOP_H
#define MTOP_H

#include <stdbool.h>
#include <stddef.h>

#include "pid.h"

struct task {
	struct hpc_proc p;
	double cpu;		/* percent of one CPU */
};

struct sample {
	struct task *tasks;	/* by pid, then sorted for display */
	size_t count;
	double uptime;		/* seconds, from /proc/uptime; 0 if unknown */
	long long mospe;	/* this node's id, 0 not in a cluster, -1 unknown */
	size_t nodes, up;	/* of /proc/hpc/nodes */
};

/* gather.c: a new sample; %CPU over the time since prev (or since start). */
int sample_take(struct sample *s, const struct sample *prev);
void sample_free(struct sample *s);

/* frame.c: one frame as lines of at most width characters. */
struct frame {
	char **lines;
	size_t count;
};

int frame_render(struct frame *f, const struct sample *s, size_t width);
void frame_free(struct frame *f);

/* screen.c: the interactive view; returns the exit status. */
int screen_run(double interval);

#endif /* MTOP_H */
