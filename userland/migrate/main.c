// SPDX-License-Identifier: GPL-2.0-only
/*
 * migrate PID {NODE|home}: ask the kernel to move a process, by writing the
 * node id (0 for home) to /proc/PID/goto. The kernel moves it at its next
 * safe point; a refusal comes back as the errno of the write.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hpc.h"
#include "pid.h"

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: %s PID {NODE|home}\n", program_invocation_short_name);
}

static void bad_usage(void)
{
	usage(stderr);
	exit(2);
}

/* A decimal number from min to max, nothing else; -1 otherwise. */
static long long parse_number(const char *s, long long min, long long max)
{
	long long v = 0;
	const char *p;

	if (!*s)
		return -1;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9' || p - s >= 12)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v < min || v > max ? -1 : v;
}

static int parse_pid(const char *s)
{
	char shown[HPC_SHOWN_MAX + 4];
	long long v = parse_number(s, 1, 0x7fffffff);

	if (v < 0) {
		warnx("bad process id '%s': expected a positive number", hpc_shown(s, shown));
		bad_usage();
	}
	return (int)v;
}

static unsigned parse_node(const char *s)
{
	char shown[HPC_SHOWN_MAX + 4];
	long long v;

	if (!strcmp(s, "home"))
		return 0;
	v = parse_number(s, 0, HPC_MAX_NODE);
	if (v < 0) {
		warnx("bad node '%s': expected a node id from 1 to %d, or home",
		      hpc_shown(s, shown), HPC_MAX_NODE);
		bad_usage();
	}
	return (unsigned)v;
}

/* Does /proc/PID exist? Exits with the error if it cannot be told. */
static bool process_exists(int pid)
{
	char rel[32], path[4096];
	struct stat st;

	snprintf(rel, sizeof(rel), "%d", pid);
	if (hpc_path(path, sizeof(path), rel) < 0)
		err(1, "%s", rel);
	if (stat(path, &st) == 0)
		return true;
	if (errno == ENOENT || errno == ESRCH)
		return false;
	err(1, "%s", path);
}

/* Why the kernel says the process cannot move, from /proc/PID/cantmove. */
static const char *cantmove(int pid, char *buf, size_t size)
{
	char rel[64];

	if (hpc_pid_file(rel, sizeof(rel), pid, "cantmove") < 0 ||
	    hpc_read_text(rel, buf, size) < 0 || !*buf)
		return "no reason given";
	return buf;
}

static void refused(int pid, unsigned node, const char *path, int e)
{
	char why[256];

	switch (e) {
	case ESRCH:
		errx(1, "no process %d", pid);
	case ENOENT:
		if (!process_exists(pid))
			errx(1, "no process %d", pid);
		errx(1, "%s: %s (not an openMosix kernel?)", path, strerror(e));
	case EINVAL:
		errx(1, "%s: node %u is not in the cluster or is down", path, node);
	case EPERM:
		/* A guest on the node it runs on: only its home moves it. */
		if (!strncmp(cantmove(pid, why, sizeof(why)), "guest", 5))
			errx(1, "%s: %s", path, why);
		/* fall through */
	case EACCES:
		errx(1, "%s: not your process (%s)", path, strerror(e));
	case EBUSY:
		errx(1, "%s: process cannot move now: %s", path,
		     cantmove(pid, why, sizeof(why)));
	default:
		errx(1, "%s: %s", path, strerror(e));
	}
}

int main(int argc, char **argv)
{
	char rel[64], path[4096];
	unsigned node;
	int opt, pid;

	argv[0] = program_invocation_short_name;	/* for getopt's messages */
	while ((opt = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(stdout);
			return 0;
		default:
			bad_usage();
		}
	}
	if (argc - optind != 2) {
		warnx(argc - optind < 2 ? "missing arguments" : "too many arguments");
		bad_usage();
	}
	pid = parse_pid(argv[optind]);
	node = parse_node(argv[optind + 1]);
	if (!process_exists(pid))
		errx(1, "no process %d", pid);
	if (hpc_pid_file(rel, sizeof(rel), pid, "goto") < 0 ||
	    hpc_path(path, sizeof(path), rel) < 0)
		err(1, "%d/goto", pid);
	if (hpc_write_long(rel, node) < 0)
		refused(pid, node, path, errno);
	return 0;
}
