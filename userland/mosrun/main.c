// SPDX-License-Identifier: GPL-2.0-only
/*
 * mosrun's arguments, and those of its presets: the program is installed
 * under several names and argv[0] picks the preset, which fixes one option
 * and allows only a few others.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"
#include "mosrun.h"

struct preset {
	const char *name;
	const char *allowed;	/* option letters; '#' for -NODE */
	const char *synopsis;
	char decay;		/* the decay option it fixes */
	enum place place;	/* the place it fixes */
	enum lock lock;		/* the lock it fixes */
	bool node_first;	/* runon: NODE before the options */
};

#define DECAY_SYNOPSIS "[-h | -NODE] [-z] COMMAND [ARG...]"

static const struct preset presets[] = {
	{ "mosrun", "hjFlLkcinsfzdtEeRr#",
	  "[-h | -NODE | -jLIST [-F]] [-l | -L | -k] [-c | -i | -s | -f] [-z] COMMAND [ARG...]",
	  0, PLACE_HERE, LOCK_DEFAULT, false },
	{ "nomig", "z", "[-z] COMMAND [ARG...]", 0, PLACE_HERE, LOCK_ON, false },
	{ "runhome", "z", "[-z] COMMAND [ARG...]", 0, PLACE_HOME, LOCK_DEFAULT, false },
	{ "runon", "z", "{NODE | home} [-z] COMMAND [ARG...]", 0, PLACE_HERE,
	  LOCK_DEFAULT, true },
	{ "cpujob", "hz#", DECAY_SYNOPSIS, 'c', PLACE_HERE, LOCK_DEFAULT, false },
	{ "iojob", "hz#", DECAY_SYNOPSIS, 'i', PLACE_HERE, LOCK_DEFAULT, false },
	{ "nodecay", "hz#", DECAY_SYNOPSIS, 'n', PLACE_HERE, LOCK_DEFAULT, false },
	{ "slowdecay", "hz#", DECAY_SYNOPSIS, 's', PLACE_HERE, LOCK_DEFAULT, false },
	{ "fastdecay", "hz#", DECAY_SYNOPSIS, 'f', PLACE_HERE, LOCK_DEFAULT, false },
};

static const struct preset *me = &presets[0];

static void usage(FILE *f)
{
	fprintf(f, "usage: %s %s\n", me->name, me->synopsis);
	if (me == &presets[0])
		fprintf(f, "presets: nomig, runhome, runon NODE, cpujob, iojob, slowdecay, fastdecay\n");
}

static void bad_usage(void)
{
	usage(stderr);
	exit(2);
}

static const struct preset *preset_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		if (!strcmp(presets[i].name, name))
			return &presets[i];
	return &presets[0];	/* any other name: plain mosrun */
}

/* Options of the old openMosix mosrun that this one refuses, and why. */
static void unsupported(char opt)
{
	switch (opt) {
	case 'n':
		errx(1, "no decay (-n, nodecay) is not supported: the kernel has no setting that stops a process's statistics from decaying");
	case 'd':
	case 't':
		errx(1, "-%c (decay %s) is not supported: the kernel has no per-process decay rate; use -s or -f",
		     opt, opt == 'd' ? "rate" : "time");
	default:
		errx(1, "-%c is an option of the old openMosix mosrun that this one does not support", opt);
	}
}

static unsigned parse_node(const char *s)
{
	char shown[HPC_SHOWN_MAX + 4];
	unsigned long v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9' && p - s < 6; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	if (p == s || *p || v < 1 || v > HPC_MAX_NODE) {
		warnx("bad node '%s': expected a node id from 1 to %d", hpc_shown(s, shown),
		      HPC_MAX_NODE);
		bad_usage();
	}
	return (unsigned)v;
}

static void set_place(struct run *r, enum place place)
{
	if (r->place != PLACE_HERE && r->place != place) {
		warnx("choose only one of -h, -NODE and -jLIST");
		bad_usage();
	}
	r->place = place;
}

static void set_lock(struct run *r, enum lock lock)
{
	if (r->lock != LOCK_DEFAULT && r->lock != lock) {
		warnx("choose only one of -l, -L and -k");
		bad_usage();
	}
	r->lock = lock;
}

static void set_decay(struct run *r, char decay)
{
	if (r->decay && r->decay != decay) {
		warnx("choose only one of -c, -i, -s and -f");
		bad_usage();
	}
	r->decay = decay;
}

/* One word of letters; returns how many words it took (-j LIST takes two). */
static int letters(struct run *r, char **argv, int i)
{
	const char *c;

	for (c = argv[i] + 1; *c; c++) {
		if (!strchr(me->allowed, *c) || *c == '#') {
			warnx("unknown option -%c", *c);
			bad_usage();
		}
		switch (*c) {
		case 'h':
			set_place(r, PLACE_HOME);
			break;
		case 'j':
			set_place(r, PLACE_LIST);
			r->list = c[1] ? c + 1 : argv[i + 1];
			if (!r->list) {
				warnx("-j needs a list of nodes");
				bad_usage();
			}
			return c[1] ? 1 : 2;
		case 'F':
			r->fallback = true;
			break;
		case 'l':
			set_lock(r, LOCK_OFF);
			break;
		case 'L':
			set_lock(r, LOCK_ON);
			break;
		case 'k':
			set_lock(r, LOCK_KEEP);
			break;
		case 'c': case 'i': case 's': case 'f':
			set_decay(r, *c);
			break;
		case 'z':
			r->argv0 = true;
			break;
		default:
			unsupported(*c);
		}
	}
	return 1;
}

/* The options from argv[i] on; returns the index of COMMAND. */
static int options(struct run *r, char **argv, int i)
{
	while (argv[i] && argv[i][0] == '-' && argv[i][1]) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(argv[i], "--"))
			return i + 1;
		if (argv[i][1] >= '0' && argv[i][1] <= '9' && strchr(me->allowed, '#')) {
			set_place(r, PLACE_NODE);
			r->node = parse_node(argv[i] + 1);
			i++;
			continue;
		}
		i += letters(r, argv, i);
	}
	return i;
}

static void check(struct run *r, char **argv, int i)
{
	char shown[HPC_SHOWN_MAX + 4];

	if (!argv[i]) {
		warnx("missing COMMAND");
		bad_usage();
	}
	if (r->argv0 && !argv[i + 1]) {
		warnx("-z needs COMMAND and then its argv[0]");
		bad_usage();
	}
	if (r->fallback && r->place != PLACE_NODE && r->place != PLACE_LIST) {
		warnx("-F goes with -NODE or -jLIST");
		bad_usage();
	}
	if (r->place == PLACE_LIST && list_draw(r->list, &r->node) < 0) {
		warnx("bad node list '%s': expected ids from 1 to %d and ranges, like 1-4,7",
		      hpc_shown(r->list, shown), HPC_MAX_NODE);
		bad_usage();
	}
	if (r->decay == 'n')
		unsupported('n');
	r->command = argv + i;
}

int main(int argc, char **argv)
{
	struct run r = { 0 };
	int i = 1;

	me = preset_by_name(program_invocation_short_name);
	r.decay = me->decay;
	r.place = me->place;
	r.lock = me->lock;
	if (me->node_first) {
		if (argv[1] && !strcmp(argv[1], "--help")) {
			usage(stdout);
			return 0;
		}
		if (!argv[1]) {
			warnx("missing NODE");
			bad_usage();
		}
		if (!strcmp(argv[1], "home")) {
			r.place = PLACE_HOME;
		} else {
			r.place = PLACE_NODE;
			r.node = parse_node(argv[1]);
		}
		i = 2;
	}
	i = options(&r, argv, i);
	check(&r, argv, i);
	run_apply(&r);
}
