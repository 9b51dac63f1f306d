// SPDX-License-Identifier: GPL-2.0-only
/*
 * Speed and the yardstick. Node speeds are relative to a reference CPU
 * (a 1 GHz Pentium III) whose speed is 10000: the yardstick. In this
 * kernel the yardstick is fixed, so setyard does not move it; instead it
 * calibrates this node against it: "setyard this" declares this node's CPU
 * to be a reference CPU (speed 10000), "setyard ID" declares it as fast as
 * node ID's (the speed node ID reports).
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

#include "mosctl.h"

int cmd_setspeed(int argc, char **argv)
{
	long long speed = mosctl_arg_number("speed", argv[1], 1,
					    MOSCTL_SPEED_MAX);

	mosctl_write_number("hpc/admin/speed", speed);
	return 0;
}

int cmd_getyard(int argc, char **argv)
{
	mosctl_require_hpc();
	if (mosctl_machine)
		printf("%d\n", MOSCTL_YARDSTICK);
	else
		printf("yardstick: %d (a 1 GHz Pentium III; node speeds are relative to it)\n",
		       MOSCTL_YARDSTICK);
	return 0;
}

int cmd_setyard(int argc, char **argv)
{
	const char *arg = argv[1];
	unsigned int id;
	long long speed;

	if (!strcmp(arg, "this")) {
		speed = MOSCTL_YARDSTICK;
	} else if (*arg && strspn(arg, "0123456789") == strlen(arg)) {
		id = mosctl_arg_node(arg);
		if (!mosctl_node_known(id))
			errx(1, "no node %u in the cluster", id);
		speed = mosctl_read_node_number(id, "speed");
		if (speed < 1 || speed > MOSCTL_SPEED_MAX)
			errx(1, "%s: speed %lld is not in 1..%d",
			     mosctl_path(mosctl_node_file(id, "speed")), speed,
			     MOSCTL_SPEED_MAX);
	} else {
		mosctl_usage_error("setyard",
				   "unknown yardstick '%s': give a node id or 'this' (processor types are not supported)",
				   arg);
	}
	mosctl_write_number("hpc/admin/speed", speed);
	return 0;
}
