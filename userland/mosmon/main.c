// SPDX-License-Identifier: GPL-2.0-only
/*
 * mosmon (also installed as mon): options, then either one frame as plain
 * text (--once) or the interactive monitor.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mosmon.h"

#define DEFAULT_WIDTH 80
#define DEFAULT_HEIGHT 24
#define MAX_SIZE 1000

enum { OPT_ONCE = 256, OPT_WIDTH, OPT_HEIGHT };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "interval", required_argument, NULL, 'i' },
	{ "view", required_argument, NULL, 'v' },
	{ "total", no_argument, NULL, 't' },
	{ "hide-dead", no_argument, NULL, 'd' },
	{ "once", no_argument, NULL, OPT_ONCE },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "height", required_argument, NULL, OPT_HEIGHT },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-dt] [-i SECONDS] [-v VIEW]\n"
		"       %s --once [-dt] [-v VIEW] [--width N] [--height N]\n"
		"views: load speed mem rmem util cpus\n",
		program_invocation_short_name, program_invocation_short_name);
}

static void bad_usage(void)
{
	usage(stderr);
	exit(2);
}

static double parse_interval(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0.1 || v > 3600) {
		warnx("invalid interval '%s': need seconds from 0.1 to 3600", s);
		bad_usage();
	}
	return v;
}

static int parse_size(const char *s, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > MAX_SIZE) {
		warnx("invalid %s '%s': need 1 to %d", what, s, MAX_SIZE);
		bad_usage();
	}
	return (int)v;
}

static int once(struct cluster *c, struct display *d, int width, int height)
{
	struct canvas cv;
	int ret;

	if (canvas_init(&cv, width, height) < 0)
		err(1, "canvas");
	draw_frame(&cv, c, d);
	ret = canvas_print(&cv);
	canvas_free(&cv);
	if (ret < 0)
		err(1, "stdout");
	return 0;
}

int main(int argc, char **argv)
{
	struct display d = { .view = VIEW_LOAD };
	struct cluster c = { 0 };
	int opt, v, width = 0, height = 0, ret;
	double interval = 1;
	bool batch = false;

	argv[0] = program_invocation_short_name;	/* for getopt's messages */
	while ((opt = getopt_long(argc, argv, "hi:v:td", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(stdout);
			return 0;
		case 'i':
			interval = parse_interval(optarg);
			break;
		case 'v':
			v = view_by_name(optarg);
			if (v < 0) {
				warnx("unknown view '%s'", optarg);
				bad_usage();
			}
			d.view = v;
			break;
		case 't':
			d.total = true;
			break;
		case 'd':
			d.hide_dead = true;
			break;
		case OPT_ONCE:
			batch = true;
			break;
		case OPT_WIDTH:
			width = parse_size(optarg, "width");
			break;
		case OPT_HEIGHT:
			height = parse_size(optarg, "height");
			break;
		default:
			bad_usage();
		}
	}
	if (optind < argc) {
		warnx("unexpected argument '%s'", argv[optind]);
		bad_usage();
	}
	if (!batch && (width || height)) {
		warnx("--width and --height go with --once");
		bad_usage();
	}
	if (cluster_gather(&c) < 0) {
		cluster_warn();
		return 1;
	}
	if (batch) {
		ret = once(&c, &d, width ? width : DEFAULT_WIDTH,
			   height ? height : DEFAULT_HEIGHT);
	} else {
		d.hints = true;
		ret = screen_run(&c, &d, interval);
	}
	cluster_free(&c);
	return ret;
}
