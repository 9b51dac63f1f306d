// SPDX-License-Identifier: GPL-2.0-only
/*
 * Carry out a struct run: every attribute is set on mosrun itself, through
 * /proc/self and /proc/hpc/decay, and then mosrun becomes the command with
 * execvp(), so the command and all its children inherit them. A request to
 * run on another node is a write to /proc/self/goto: the kernel moves the
 * process at its next safe point, so the command starts at home (or where
 * mosrun ran) and moves there almost at once.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hpc.h"
#include "pid.h"
#include "mosrun.h"

/* The full path of a file, for messages. */
static const char *shown_path(const char *rel, char *buf, size_t size)
{
	if (hpc_path(buf, size, rel) < 0)
		snprintf(buf, size, "%s", rel);
	return buf;
}

static void self_file(char *rel, size_t size, const char *name)
{
	if (hpc_pid_file(rel, size, 0, name) < 0)
		err(1, "self/%s", name);
}

/* A file that is missing: most likely not an openMosix kernel. */
static void __attribute__((noreturn)) die(const char *rel)
{
	char path[4096];

	shown_path(rel, path, sizeof(path));
	if (errno == ENOENT)
		errx(1, "%s: %s (not an openMosix kernel?)", path, strerror(errno));
	err(1, "%s", path);
}

static void write_or_die(const char *rel, long long val)
{
	if (hpc_write_long(rel, val) < 0)
		die(rel);
}

static void set_decay(char decay)
{
	const char *file;
	char rel[64];

	switch (decay) {
	case 'c':
		file = "cpujob";
		break;
	case 'i':
		file = "iojob";
		break;
	case 's':
		file = "slow";
		break;
	case 'f':
		file = "fast";
		break;
	default:	/* main.c refuses -n: the kernel has no file for it */
		errx(1, "no kernel setting for decay option -%c", decay);
	}
	snprintf(rel, sizeof(rel), "hpc/decay/%s", file);
	write_or_die(rel, 1);
}

/* Ask to move to node (0: home). False if the node is unavailable and -F. */
static bool go(unsigned node, bool fallback)
{
	char rel[64], path[4096], why[256], cant[64];

	self_file(rel, sizeof(rel), "goto");
	if (hpc_write_long(rel, node) == 0)
		return true;
	shown_path(rel, path, sizeof(path));
	switch (errno) {
	case EINVAL:
		if (!fallback)
			errx(1, "%s: node %u is not in the cluster or is down", path, node);
		warnx("node %u is not in the cluster or is down: running here (-F)", node);
		return false;
	case EBUSY:
		self_file(cant, sizeof(cant), "cantmove");
		if (hpc_read_text(cant, why, sizeof(why)) < 0 || !*why)
			snprintf(why, sizeof(why), "no reason given");
		errx(1, "%s: process cannot move now: %s", path, why);
	default:
		die(rel);
	}
}

/* Back home if this process runs elsewhere (a child of a migrated shell). */
static void go_home(void)
{
	char rel[64];
	long long where;

	self_file(rel, sizeof(rel), "where");
	if (hpc_read_long(rel, &where) < 0)
		die(rel);
	if (where != 0)
		go(0, false);
}

static void set_lock(enum lock lock)
{
	char rel[64];

	self_file(rel, sizeof(rel), "lock");
	write_or_die(rel, lock == LOCK_ON);
}

/*
 * The lock unless -l, -L or -k said otherwise: on when a place was asked
 * for or no decay option was given, else left as inherited. A place that
 * could not be had (-F) does not lock: the command may then run anywhere.
 */
static enum lock lock_wanted(const struct run *r, bool placed)
{
	if (r->lock != LOCK_DEFAULT)
		return r->lock;
	if (r->place == PLACE_NODE || r->place == PLACE_LIST)
		return placed ? LOCK_ON : LOCK_KEEP;
	if (r->place == PLACE_HOME || !r->decay)
		return LOCK_ON;
	return LOCK_KEEP;
}

void run_apply(const struct run *r)
{
	char **argv = r->argv0 ? r->command + 1 : r->command;
	bool placed = true;
	enum lock lock;

	if (r->decay)
		set_decay(r->decay);
	if (r->place == PLACE_HOME)
		go_home();
	else if (r->place == PLACE_NODE || r->place == PLACE_LIST)
		placed = go(r->node, r->fallback);
	lock = lock_wanted(r, placed);
	if (lock != LOCK_KEEP)
		set_lock(lock);
	execvp(r->command[0], argv);
	warn("%s", r->command[0]);
	exit(errno == ENOENT ? 127 : 126);
}
