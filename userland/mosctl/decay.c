// SPDX-License-Identifier: GPL-2.0-only
/*
 * The load-statistics decay: every INTERVAL seconds a process's statistics
 * keep SLOW (or FAST) per mille of their value.
 */
#include <stdio.h>

#include "mosctl.h"

#define DECAY_INTERVAL	"hpc/admin/decay-interval"
#define DECAY_SLOW	"hpc/admin/slow-decay"
#define DECAY_FAST	"hpc/admin/fast-decay"

int cmd_getdecay(int argc, char **argv)
{
	long long interval = mosctl_read_number(DECAY_INTERVAL);
	long long slow = mosctl_read_number(DECAY_SLOW);
	long long fast = mosctl_read_number(DECAY_FAST);

	if (mosctl_machine) {
		printf("%lld %lld %lld\n", interval, slow, fast);
		return 0;
	}
	printf("decay interval: %lld second%s\n", interval,
	       interval == 1 ? "" : "s");
	printf("slow decay: %lld/1000 kept per interval\n", slow);
	printf("fast decay: %lld/1000 kept per interval\n", fast);
	return 0;
}

int cmd_setdecay(int argc, char **argv)
{
	long long interval, slow = 0, fast = 0;

	if (argc == 3)
		mosctl_usage_error("setdecay",
				   "setdecay: give both SLOW and FAST, or neither");
	/* check every argument before writing any */
	interval = mosctl_arg_number("decay interval", argv[1], 1, 3600);
	if (argc == 4) {
		slow = mosctl_arg_number("slow decay", argv[2], 1, 1000);
		fast = mosctl_arg_number("fast decay", argv[3], 1, 1000);
	}
	mosctl_write_number(DECAY_INTERVAL, interval);
	if (argc == 4) {
		mosctl_write_number(DECAY_SLOW, slow);
		mosctl_write_number(DECAY_FAST, fast);
	}
	return 0;
}
