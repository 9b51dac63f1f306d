// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interactive monitor: gather every interval, draw the frame into a
 * canvas and copy it to the terminal with curses, and act on keys in
 * between. The only file that knows about curses.
 */
#include <curses.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live.h"
#include "mosmon.h"

#define KEY_WAIT_MS 250		/* so that a signal is noticed soon */

enum { PAIR_BAR = 1, PAIR_DEAD, PAIR_TITLE, PAIR_NOTE };

static void setup_colors(void)
{
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(PAIR_BAR, COLOR_GREEN, -1);
	init_pair(PAIR_DEAD, COLOR_RED, -1);
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_NOTE, COLOR_YELLOW, -1);
}

static chtype cell(char ch, enum attr a)
{
	bool color = has_colors();

	switch (a) {
	case ATTR_BAR:
		return ' ' | A_REVERSE | (color ? COLOR_PAIR(PAIR_BAR) : 0);
	case ATTR_FREE:
		return (chtype)ch | A_DIM;
	case ATTR_DEAD:
		return (chtype)ch | A_BOLD | (color ? COLOR_PAIR(PAIR_DEAD) : 0);
	case ATTR_TITLE:
		return (chtype)ch | A_BOLD | (color ? COLOR_PAIR(PAIR_TITLE) : 0);
	case ATTR_NOTE:
		return (chtype)ch | (color ? COLOR_PAIR(PAIR_NOTE) : 0);
	default:
		return (chtype)(unsigned char)ch;
	}
}

/* Draw a frame the size of the terminal and show it. */
static int show(const struct cluster *c, struct display *d)
{
	struct canvas cv;
	int x, y;
	size_t i;

	if (canvas_init(&cv, COLS, LINES) < 0)
		return -1;
	draw_frame(&cv, c, d);
	erase();
	for (y = 0; y < cv.height; y++) {
		for (x = 0; x < cv.width; x++) {
			i = (size_t)y * (size_t)cv.width + (size_t)x;
			mvaddch(y, x, cell(cv.text[i], cv.attr[i]));
		}
	}
	canvas_free(&cv);
	refresh();
	return 0;
}

/* Act on a key; false to quit. */
static bool key(struct display *d, int ch)
{
	int v;

	if (ch == 'q' || ch == 'Q')
		return false;
	if (d->help) {
		if (ch != KEY_RESIZE)
			d->help = false;
		return true;
	}
	v = view_by_key(ch);
	if (v >= 0) {
		d->view = v;
		return true;
	}
	switch (ch) {
	case 'h': case '?':
		d->help = true;
		break;
	case 't':
		d->total = !d->total;
		break;
	case 'd': case 'D':
		d->hide_dead = !d->hide_dead;
		break;
	case KEY_LEFT: case '<': case ',':
		if (d->first > 0)
			d->first--;
		break;
	case KEY_RIGHT: case '>': case '.':
		d->first++;	/* draw_frame keeps it in range */
		break;
	case KEY_PPAGE:
		d->first = d->first > d->columns ? d->first - d->columns : 0;
		break;
	case KEY_NPAGE:
		d->first += d->columns;
		break;
	case KEY_HOME:
		d->first = 0;
		break;
	case KEY_END:
		d->first = (size_t)-1 / 2;
		break;
	case 12:	/* ^L */
		clearok(curscr, TRUE);
		break;
	}
	return true;
}

static int loop(struct cluster *c, struct display *d, double interval)
{
	double next = hpc_live_now() + interval, left;
	int ch;

	if (show(c, d) < 0)
		return -1;
	while (!hpc_live_stop) {
		if (hpc_live_now() >= next) {
			if (cluster_gather(c) < 0)
				return -1;
			next = hpc_live_now() + interval;
			if (show(c, d) < 0)
				return -1;
		}
		left = (next - hpc_live_now()) * 1000;
		timeout(left < KEY_WAIT_MS ? (left < 0 ? 0 : (int)left) : KEY_WAIT_MS);
		ch = getch();
		if (ch == ERR)
			continue;
		if (!key(d, ch))
			break;
		if (show(c, d) < 0)
			return -1;
	}
	return 0;
}

int screen_run(struct cluster *c, struct display *d, double interval)
{
	const char *term = getenv("TERM");
	SCREEN *scr;
	int ret, e;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		errx(1, "standard input and output must be a terminal (or use --once)");
	hpc_live_catch_signals();
	scr = newterm(NULL, stdout, stdin);
	if (!scr)
		errx(1, "cannot drive terminal type '%s' (no terminfo entry?)",
		     term && *term ? term : "(unset)");
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	setup_colors();
	ret = loop(c, d, interval);
	e = errno;
	endwin();
	delscreen(scr);
	if (ret < 0) {
		errno = e;
		cluster_warn();
		return 1;
	}
	return 0;
}
