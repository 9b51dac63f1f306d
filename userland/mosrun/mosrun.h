/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mosrun and its presets (nomig, runhome, runon, cpujob, iojob, nodecay,
 * slowdecay, fastdecay: one program, told apart by argv[0]).
 *
 * mosrun sets the openMosix attributes on itself through /proc/self and
 * /proc/hpc/decay, then execs the command, which inherits them: main.c
 * parses the arguments into a struct run, apply.c carries it out.
 */
#ifndef MOSRUN_H
#define MOSRUN_H

#include <stdbool.h>

enum place { PLACE_HERE, PLACE_HOME, PLACE_NODE, PLACE_LIST };
enum lock { LOCK_DEFAULT, LOCK_ON, LOCK_OFF, LOCK_KEEP };

struct run {
	enum place place;
	unsigned node;		/* PLACE_NODE, or the one drawn from the list */
	const char *list;	/* PLACE_LIST: "ID[-ID][,...]" as given */
	bool fallback;		/* -F: run anyway if the node is unavailable */
	enum lock lock;
	char decay;		/* 0, or one of c i n s f */
	bool argv0;		/* -z: the word after COMMAND is its argv[0] */
	char **command;		/* COMMAND [ARG...] */
};

/* list.c: draw a node at random from "ID[-ID][,ID[-ID]]..."; -1 if bad. */
int list_draw(const char *list, unsigned *node);

/* apply.c: set the attributes on this process and exec; never returns. */
void run_apply(const struct run *r) __attribute__((noreturn));

#endif /* MOSRUN_H */
