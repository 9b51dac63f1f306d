// SPDX-License-Identifier: GPL-2.0-only
/*
 * mtop: options, then either frames printed as text (batch mode: -b, or
 * --once for one frame) or the interactive view.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hpc.h"
#include "mtop.h"

#define DEFAULT_WIDTH 80
#define MAX_WIDTH 1000
#define MAX_FRAMES 1000000

enum { OPT_ONCE = 256, OPT_WIDTH };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "once", no_argument, NULL, OPT_ONCE },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-d SECONDS]\n"
		"       %s -b [-n FRAMES] [-d SECONDS] [--width N]\n"
		"       %s --once [--width N]\n",
		program_invocation_short_name, program_invocation_short_name,
		program_invocation_short_name);
}

static void bad_usage(void)
{
	usage(stderr);
	exit(2);
}

static double parse_delay(const char *s)
{
	char shown[HPC_SHOWN_MAX + 4], *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0.1 || v > 3600) {
		warnx("invalid delay '%s': need seconds from 0.1 to 3600", hpc_shown(s, shown));
		bad_usage();
	}
	return v;
}

static long parse_count(const char *s, const char *what, long max)
{
	char shown[HPC_SHOWN_MAX + 4], *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > max) {
		warnx("invalid %s '%s': need 1 to %ld", what, hpc_shown(s, shown), max);
		bad_usage();
	}
	return v;
}

static void pause_for(double seconds)
{
	struct timespec ts = { (time_t)seconds, (long)((seconds - floor(seconds)) * 1e9) };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Print frames one after another, a blank line between them; 0: forever. */
static int batch(long frames, double delay, size_t width)
{
	struct sample prev = { 0 }, cur;
	struct frame f;
	long i;
	size_t j;

	for (i = 0; !frames || i < frames; i++) {
		if (i)
			pause_for(delay);
		if (sample_take(&cur, i ? &prev : NULL) < 0)
			err(1, "%s", hpc_proc_root());
		if (frame_render(&f, &cur, width) < 0)
			err(1, "frame");
		if (i)
			putchar('\n');
		for (j = 0; j < f.count; j++)
			puts(f.lines[j]);
		frame_free(&f);
		if (fflush(stdout) == EOF)
			err(1, "stdout");
		sample_free(&prev);
		prev = cur;
	}
	sample_free(&prev);
	return 0;
}

int main(int argc, char **argv)
{
	long frames = 0;
	double delay = 2;
	size_t width = 0;
	bool is_batch = false, once = false;
	int opt;

	argv[0] = program_invocation_short_name;	/* for getopt's messages */
	while ((opt = getopt_long(argc, argv, "hbn:d:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(stdout);
			return 0;
		case 'b':
			is_batch = true;
			break;
		case 'n':
			frames = parse_count(optarg, "number of frames", MAX_FRAMES);
			break;
		case 'd':
			delay = parse_delay(optarg);
			break;
		case OPT_ONCE:
			once = true;
			break;
		case OPT_WIDTH:
			width = (size_t)parse_count(optarg, "width", MAX_WIDTH);
			break;
		default:
			bad_usage();
		}
	}
	if (optind < argc) {
		warnx("unexpected argument '%s'", argv[optind]);
		bad_usage();
	}
	if (once && (is_batch || frames)) {
		warnx("--once is -b -n 1: give one or the other");
		bad_usage();
	}
	if (!once && !is_batch && (frames || width)) {
		warnx("-n and --width go with -b or --once");
		bad_usage();
	}
	if (once || is_batch)
		return batch(once ? 1 : frames, delay,
			     width ? width : DEFAULT_WIDTH);
	return screen_run(delay);
}
