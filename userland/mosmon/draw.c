// SPDX-License-Identifier: GPL-2.0-only
/*
 * Render one frame: a vertical bar per node, like the original mosmon.
 *
 *   row 0            title, and "N of M nodes up" when asked for
 *   rows 1..P        the bars, the scale labelled on the left
 *   row P+1          the axis
 *   next D rows      the node ids, written downwards when they do not fit
 *                    side by side (D = digits of the largest id)
 *   last row         key hints (interactive only)
 *
 * Only draws: the data come in a struct cluster, the result is a canvas.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mosmon.h"

#define PLOT_X (LABEL_WIDTH + 3)	/* first column of the bars */
#define MAX_BAR 5			/* widest bar */

struct layout {
	int plot_rows;		/* P */
	int id_rows;		/* D, 1 when the ids are side by side */
	int bar, slot;		/* width of a bar, and of a bar and its gap */
	bool vertical_ids;
};

static int digits(unsigned v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Word-wrap a message into the canvas from row y. */
static void message(struct canvas *cv, int y, const char *msg, enum attr a)
{
	int len = (int)strlen(msg), w = cv->width, n, x;

	if (w <= 0)
		return;
	while (len > 0 && y < cv->height) {
		n = len;
		if (n > w) {
			for (n = w; n > 0 && msg[n] != ' '; n--)
				;
			if (n == 0)
				n = w;
		}
		x = n < w ? (w - n) / 2 : 0;
		for (int i = 0; i < n; i++)
			canvas_put(cv, x + i, y, msg[i], a);
		while (n < len && msg[n] == ' ')
			n++;
		msg += n;
		len -= n;
		y++;
	}
}

static void too_small(struct canvas *cv)
{
	char msg[128];

	snprintf(msg, sizeof(msg), "terminal too small (%dx%d), need %dx%d",
		 cv->width, cv->height, MIN_WIDTH, MIN_HEIGHT);
	message(cv, 0, msg, ATTR_NOTE);
}

static const char *const help_lines[] = {
	"mosmon - the openMosix cluster monitor",
	"",
	"  l          load (the default)",
	"  s          speed",
	"  m          memory used of total, as the cluster sees it",
	"  r          memory used of total, as Linux sees it",
	"  u          utilisation",
	"  c, p       CPUs",
	"  t          show or hide the total of nodes up",
	"  d, D       show or hide the nodes that are down",
	"  Left, <    scroll left",
	"  Right, >   scroll right",
	"  h, ?       this help",
	"  q          quit",
	"",
	"Press any key to return.",
};

static void draw_help(struct canvas *cv)
{
	size_t i;

	for (i = 0; i < sizeof(help_lines) / sizeof(help_lines[0]); i++)
		canvas_text(cv, 0, (int)i, help_lines[i], i ? ATTR_NONE : ATTR_TITLE);
}

static void draw_title(struct canvas *cv, const struct cluster *c, const struct display *d)
{
	char buf[64];
	int n;

	canvas_text(cv, 0, 0, views[d->view].title, ATTR_TITLE);
	if (!d->total)
		return;
	n = snprintf(buf, sizeof(buf), "%zu of %zu nodes up", c->up, c->count);
	canvas_text(cv, cv->width - n, 0, buf, ATTR_TITLE);
}

static void draw_hints(struct canvas *cv)
{
	canvas_text(cv, 0, cv->height - 1,
		    "h help  q quit  l s m r u c views  t total  d dead  < > scroll",
		    ATTR_NOTE);
}

/* Choose bar widths and id placement for count nodes; false if nothing fits. */
static bool plan(struct layout *lo, const struct canvas *cv, const struct display *d,
		 size_t count, unsigned top_id, size_t *columns)
{
	/* bars and their gaps, less the last column (for '>') */
	int room = cv->width - PLOT_X;
	int dig = digits(top_id);

	lo->bar = dig;
	lo->slot = dig + 1;
	lo->vertical_ids = false;
	if (count * (size_t)lo->slot > (size_t)room && dig > 1) {
		lo->bar = 1;
		lo->slot = 2;
		lo->vertical_ids = true;
	} else if (count && room / (int)count - 1 > lo->bar) {
		lo->bar = room / (int)count - 1;
		if (lo->bar > MAX_BAR)
			lo->bar = MAX_BAR;
		if (lo->bar < dig)
			lo->bar = dig;
		lo->slot = lo->bar + 1;
	}
	lo->id_rows = lo->vertical_ids ? dig : 1;
	lo->plot_rows = cv->height - 2 - lo->id_rows - (d->hints ? 1 : 0);
	*columns = (size_t)(room / lo->slot);
	return lo->plot_rows >= 3 && *columns > 0;
}

static int bar_height(double v, double scale, int rows)
{
	double h;

	if (v <= 0)
		return 0;
	h = round(v / scale * rows);
	if (h < 1)
		return 1;
	return h > rows ? rows : (int)h;
}

static void draw_label(struct canvas *cv, int y, const struct view_info *vi, double v)
{
	char buf[32];
	int len;

	vi->label(buf, sizeof(buf), v);
	len = (int)strlen(buf);
	if (len > LABEL_WIDTH)
		len = LABEL_WIDTH;
	buf[len] = '\0';
	canvas_text(cv, LABEL_WIDTH - len, y, buf, ATTR_AXIS);
}

/* The scale on the left and the axis at the bottom. */
static void draw_axes(struct canvas *cv, const struct layout *lo, const struct view_info *vi,
		      double scale)
{
	int p = lo->plot_rows, y, k, last = -1, step = p >= 8 ? 1 : p >= 4 ? 2 : 4;

	for (y = 1; y <= p; y++)
		canvas_put(cv, LABEL_WIDTH + 1, y, '|', ATTR_AXIS);
	for (k = step; k <= 4; k += step) {
		/* k quarters of the scale, on the row nearest to them */
		double v = scale * k / 4;

		y = p + 1 - (int)lround(k * p / 4.0);
		if (y == last || (vi->whole_units && v != floor(v)))
			continue;
		draw_label(cv, y, vi, v);
		last = y;
	}
	draw_label(cv, p + 1, vi, 0);
	canvas_put(cv, LABEL_WIDTH + 1, p + 1, '+', ATTR_AXIS);
	for (int x = LABEL_WIDTH + 2; x < cv->width - 1; x++)
		canvas_put(cv, x, p + 1, '-', ATTR_AXIS);
}

static void draw_id(struct canvas *cv, const struct layout *lo, int x, const struct node *n)
{
	enum attr a = n->up ? ATTR_AXIS : ATTR_DEAD;
	int y0 = lo->plot_rows + 2, dig = digits(n->id);
	char buf[8];

	snprintf(buf, sizeof(buf), "%u", n->id);
	if (!lo->vertical_ids) {
		canvas_text(cv, x + lo->bar - dig, y0, buf, a);
		return;
	}
	for (int i = 0; i < dig; i++)
		canvas_put(cv, x, y0 + lo->id_rows - dig + i, buf[i], a);
}

static void draw_column(struct canvas *cv, const struct layout *lo, int x,
			const struct node *n, const struct view_info *vi, double scale)
{
	static const char down[] = "DOWN";
	int p = lo->plot_rows, right = x + lo->bar - 1, hv, hw, r, i;
	long long v = vi->value(n), whole = vi->whole(n);

	draw_id(cv, lo, x, n);
	if (!n->up) {
		if (p < 4) {
			canvas_put(cv, right, p, 'x', ATTR_DEAD);
			return;
		}
		for (i = 0; i < 4; i++)
			canvas_put(cv, right, p - 3 + i, down[i], ATTR_DEAD);
		return;
	}
	if (v < 0) {
		canvas_put(cv, right, p, '?', ATTR_NOTE);
		return;
	}
	hv = bar_height((double)v, scale, p);
	hw = whole < 0 ? 0 : bar_height((double)whole, scale, p);
	for (r = 0; r < p; r++) {
		if (r >= hv && r >= hw)
			break;
		for (i = 0; i < lo->bar; i++)
			canvas_put(cv, x + i, p - r, r < hv ? '#' : ':',
				   r < hv ? ATTR_BAR : ATTR_FREE);
	}
}

/* The nodes to show: all, or only those up. */
static const struct node **shown_nodes(const struct cluster *c, bool hide_dead, size_t *count)
{
	const struct node **list = calloc(c->count ? c->count : 1, sizeof(*list));
	size_t i, n = 0;

	if (!list)
		return NULL;
	for (i = 0; i < c->count; i++)
		if (c->nodes[i].up || !hide_dead)
			list[n++] = &c->nodes[i];
	*count = n;
	return list;
}

static void draw_graph(struct canvas *cv, const struct node **list, size_t count,
		       struct display *d)
{
	const struct view_info *vi = &views[d->view];
	struct layout lo;
	size_t i, columns;
	double scale;

	if (!plan(&lo, cv, d, count, list[count - 1]->id, &columns)) {
		canvas_clear(cv);
		too_small(cv);
		return;
	}
	d->columns = columns;
	if (count <= columns)
		d->first = 0;
	else if (d->first > count - columns)
		d->first = count - columns;
	scale = vi->scale(list, count);
	draw_axes(cv, &lo, vi, scale);
	for (i = 0; i < columns && d->first + i < count; i++)
		draw_column(cv, &lo, PLOT_X + (int)i * lo.slot, list[d->first + i], vi, scale);
	canvas_text(cv, 0, lo.plot_rows + 1 + lo.id_rows, "  node", ATTR_AXIS);
	if (d->first > 0)
		canvas_put(cv, LABEL_WIDTH + 1, lo.plot_rows + 1 + lo.id_rows, '<', ATTR_NOTE);
	if (d->first + columns < count)
		canvas_put(cv, cv->width - 1, lo.plot_rows + 1 + lo.id_rows, '>', ATTR_NOTE);
}

void draw_frame(struct canvas *cv, const struct cluster *c, struct display *d)
{
	const struct node **list;
	size_t count;

	canvas_clear(cv);
	d->columns = 0;
	if (cv->width < MIN_WIDTH || cv->height < MIN_HEIGHT) {
		too_small(cv);
		return;
	}
	if (d->help) {
		draw_help(cv);
		return;
	}
	draw_title(cv, c, d);
	if (d->hints)
		draw_hints(cv);
	list = shown_nodes(c, d->hide_dead, &count);
	if (!list)
		message(cv, cv->height / 2, "out of memory", ATTR_NOTE);
	else if (!c->count)
		message(cv, cv->height / 2, "no nodes in the cluster", ATTR_NOTE);
	else if (!count)
		message(cv, cv->height / 2, "no nodes up", ATTR_NOTE);
	else
		draw_graph(cv, list, count, d);
	free(list);
}
