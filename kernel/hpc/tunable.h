/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The administrator's settings of this node, as seen in /proc/hpc/admin.
 */
#ifndef _HPC_TUNABLE_H
#define _HPC_TUNABLE_H

#include <linux/init.h>
#include <linux/types.h>

/* The speed of openMosix's reference CPU, a 1 GHz Pentium III. */
#define HPC_REFERENCE_SPEED	10000

/* Largest text a write to an admin file may carry, newline included. */
#define HPC_TUNABLE_MAX_WRITE	32

enum hpc_tunable_id {
	HPC_MOSPE,
	HPC_STAY,
	HPC_LSTAY,
	HPC_BLOCK,
	HPC_QUIET,
	HPC_NOMFS,
	HPC_SPEED,
	HPC_DECAY_INTERVAL,
	HPC_SLOW_DECAY,
	HPC_FAST_DECAY,
	HPC_NR_TUNABLES
};

/**
 * struct hpc_tunable - one integer setting under /proc/hpc/admin
 * @name:  the file name
 * @min:   smallest accepted value
 * @max:   largest accepted value
 * @def:   the value at boot
 * @value: the current value; read with hpc_tunable_get()
 * @set:   if not NULL, changes the value instead of hpc_tunable_set(), for
 *         settings that must agree with other state
 */
struct hpc_tunable {
	const char *name;
	int min;
	int max;
	int def;
	int value;
	int (*set)(int val);
};

extern struct hpc_tunable hpc_tunables[HPC_NR_TUNABLES];

int hpc_tunable_parse(const struct hpc_tunable *t, const char *buf,
		      size_t len, int *val);
void hpc_tunables_init(void);
int hpc_tunable_get(enum hpc_tunable_id id);
int hpc_tunable_set(struct hpc_tunable *t, int val);

#endif /* _HPC_TUNABLE_H */
