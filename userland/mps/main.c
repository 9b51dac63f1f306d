// SPDX-License-Identifier: GPL-2.0-only
/*
 * mps: which processes to show (this user's, all of them, or a list of
 * pids), read from the proc root in pid order.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hpc.h"
#include "mps.h"

#define MAX_PIDS 256

struct select {
	bool all;
	int pids[MAX_PIDS];	/* -p */
	size_t npids;
};

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'H' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: %s [-a | -p PID[,PID...]] [-l | -m] [-w]\n"
		   "       %s ax [-l | -m] [-w]\n", program_invocation_short_name,
		program_invocation_short_name);
}

static void bad_usage(void)
{
	usage(stderr);
	exit(2);
}

static void parse_pids(struct select *sel, const char *list)
{
	char shown[HPC_SHOWN_MAX + 4], *end;
	const char *s = list;
	long v;

	for (;;) {
		errno = 0;
		v = *s >= '0' && *s <= '9' ? strtol(s, &end, 10) : -1;
		if (v < 1 || errno || v > 0x7fffffff || (*end && *end != ',')) {
			warnx("bad process list '%s': expected pids separated by commas",
			      hpc_shown(list, shown));
			bad_usage();
		}
		if (sel->npids == MAX_PIDS) {
			warnx("too many pids: at most %d", MAX_PIDS);
			bad_usage();
		}
		sel->pids[sel->npids++] = (int)v;
		if (!*end)
			break;
		s = end + 1;
	}
}

/* "ax" and the like, BSD-style, as the first argument. */
static bool bsd_options(const char *arg)
{
	char shown[HPC_SHOWN_MAX + 4];

	if (!arg || arg[0] == '-')
		return false;
	if (!*arg || arg[strspn(arg, "ax")]) {
		warnx("unknown argument '%s' (BSD-style options: a, x)", hpc_shown(arg, shown));
		bad_usage();
	}
	return true;
}

static bool selected(const struct select *sel, const struct hpc_proc *p)
{
	size_t i;

	if (sel->npids) {
		for (i = 0; i < sel->npids; i++)
			if (sel->pids[i] == p->pid)
				return true;
		return false;
	}
	return sel->all || p->uid == (long long)geteuid();
}

static size_t terminal_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0)
		return 0;
	return ws.ws_col;
}

/* Show the selected processes; the exit status. */
static int list(const struct select *sel, const struct show *s)
{
	char rel[32], path[4096];
	struct hpc_proc p;
	size_t count, i, shown = 0;
	int *pids, ret = 0;

	if (hpc_list_pids(&pids, &count) < 0)
		err(1, "%s", hpc_proc_root());
	show_header(s);
	for (i = 0; i < count; i++) {
		if (hpc_read_proc(pids[i], &p) < 0) {
			if (errno == ENOENT || errno == ESRCH)
				continue;	/* it exited meanwhile */
			snprintf(rel, sizeof(rel), "%d/stat", pids[i]);
			hpc_path(path, sizeof(path), rel);
			if (errno == EINVAL)
				warnx("%s: not in the format of proc(5)", path);
			else
				warn("%s", path);
			ret = 1;
			continue;
		}
		if (!selected(sel, &p))
			continue;
		show_proc(s, &p);
		shown++;
	}
	free(pids);
	if (sel->npids && !shown)
		ret = 1;
	return ret;
}

int main(int argc, char **argv)
{
	struct select sel = { 0 };
	struct show s = { FORMAT_SHORT, 0 };
	bool wide = false;
	int opt, ret;

	argv[0] = program_invocation_short_name;	/* for getopt's messages */
	if (argc > 1 && bsd_options(argv[1])) {
		sel.all = true;
		argv[1] = argv[0];	/* getopt starts after it */
		argv++;
		argc--;
	}
	while ((opt = getopt_long(argc, argv, "aAelmp:w", longopts, NULL)) != -1) {
		switch (opt) {
		case 'a': case 'A': case 'e':
			sel.all = true;
			break;
		case 'l':
			s.format = FORMAT_LONG;
			break;
		case 'm':
			s.format = FORMAT_MACHINE;
			break;
		case 'p':
			parse_pids(&sel, optarg);
			break;
		case 'w':
			wide = true;
			break;
		case 'H':
			usage(stdout);
			return 0;
		default:
			bad_usage();
		}
	}
	if (optind < argc) {
		warnx("unexpected argument '%s'", argv[optind]);
		bad_usage();
	}
	if (sel.all && sel.npids) {
		warnx("-a and -p do not go together");
		bad_usage();
	}
	if (!wide)
		s.width = terminal_width();
	ret = list(&sel, &s);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
	return ret;
}
