// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interactive view: take a sample every interval, render the frame at
 * the terminal's size and copy it to the screen with curses; q quits, space
 * or ^L shows a new sample at once. The only file that knows about curses.
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
#include "mtop.h"

#define KEY_WAIT_MS 250		/* so that a signal is noticed soon */

static int show(const struct sample *s)
{
	struct frame f;
	size_t i;

	if (frame_render(&f, s, COLS > 0 ? (size_t)COLS : 80) < 0)
		return -1;
	erase();
	for (i = 0; i < f.count && i < (size_t)LINES; i++) {
		if (i == 3)
			attron(A_REVERSE);
		mvaddstr((int)i, 0, f.lines[i]);
		if (i == 3)
			attroff(A_REVERSE);
	}
	frame_free(&f);
	refresh();
	return 0;
}

/* Take a new sample after cur, which it replaces. */
static int resample(struct sample *cur)
{
	struct sample next;

	if (sample_take(&next, cur) < 0)
		return -1;
	sample_free(cur);
	*cur = next;
	return 0;
}

static int loop(double interval)
{
	struct sample cur;
	double next;
	int ch, ret = -1;
	long left;

	if (sample_take(&cur, NULL) < 0)
		return -1;
	next = hpc_live_now() + interval;
	if (show(&cur) < 0)
		goto out;
	while (!hpc_live_stop) {
		if (hpc_live_now() >= next) {
			if (resample(&cur) < 0 || show(&cur) < 0)
				goto out;
			next = hpc_live_now() + interval;
		}
		left = (long)((next - hpc_live_now()) * 1000);
		timeout(left < KEY_WAIT_MS ? (left < 0 ? 0 : (int)left) : KEY_WAIT_MS);
		ch = getch();
		if (ch == ERR)
			continue;
		if (ch == 'q' || ch == 'Q')
			break;
		if (ch == 12)	/* ^L */
			clearok(curscr, TRUE);
		if (ch == ' ' || ch == 12) {
			if (resample(&cur) < 0)
				goto out;
			next = hpc_live_now() + interval;
		}
		if (show(&cur) < 0)	/* also after KEY_RESIZE */
			goto out;
	}
	ret = 0;
out:
	sample_free(&cur);
	return ret;
}

int screen_run(double interval)
{
	const char *term = getenv("TERM");
	SCREEN *scr;
	int ret, e;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		errx(1, "standard input and output must be a terminal (or use --once or -b)");
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
	ret = loop(interval);
	e = errno;
	endwin();
	delscreen(scr);
	if (ret < 0) {
		errno = e;
		warn("%s", "reading the processes");
		return 1;
	}
	return 0;
}
