/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mps: ps with a column for the node each process runs on. main.c picks
 * the processes, show.c prints them.
 */
#ifndef MPS_H
#define MPS_H

#include <stdbool.h>
#include <stddef.h>

#include "pid.h"

enum format { FORMAT_SHORT, FORMAT_LONG, FORMAT_MACHINE };

struct show {
	enum format format;
	size_t width;		/* cut lines to this many characters; 0: never */
};

/* show.c */
void show_header(const struct show *s);
void show_proc(const struct show *s, const struct hpc_proc *p);

#endif /* MPS_H */
