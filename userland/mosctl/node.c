// SPDX-License-Identifier: GPL-2.0-only
/*
 * Commands that show one node's figures from /proc/hpc/nodes/ID: getspeed,
 * getload, getmem, getfree, getutil, status and isup. Without an ID they
 * are about this node (admin/mospe).
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

#include "mosctl.h"

int cmd_getspeed(int argc, char **argv)
{
	unsigned int id = mosctl_node_select(argc, argv, false);
	char label[32];
	long long speed;

	/* outside a cluster only admin/speed knows this node's speed */
	if (id)
		speed = mosctl_read_node_number(id, "speed");
	else
		speed = mosctl_read_number("hpc/admin/speed");
	if (mosctl_machine) {
		printf("%lld\n", speed);
		return 0;
	}
	mosctl_node_label(label, sizeof(label), id);
	printf("%s: speed %lld (%.2f times the yardstick)\n", label, speed,
	       (double)speed / MOSCTL_YARDSTICK);
	return 0;
}

int cmd_getload(int argc, char **argv)
{
	unsigned int id = mosctl_node_select(argc, argv, true);
	long long load = mosctl_read_node_number(id, "load");

	if (mosctl_machine)
		printf("%lld\n", load);
	else
		printf("node %u: load %lld (%.2f reference CPUs busy)\n", id,
		       load, load / 100.0);
	return 0;
}

static int show_memory(int argc, char **argv, const char *file,
		       const char *what)
{
	unsigned int id = mosctl_node_select(argc, argv, true);
	long long bytes = mosctl_read_node_number(id, file);
	char size[32];

	if (mosctl_machine) {
		printf("%lld\n", bytes);
		return 0;
	}
	mosctl_format_bytes(size, sizeof(size), bytes);
	printf("node %u: %s available to %s (%lld bytes)\n", id, size, what,
	       bytes);
	return 0;
}

int cmd_getmem(int argc, char **argv)
{
	return show_memory(argc, argv, "mem", "the cluster");
}

/* The manual's "free physical memory": what Linux itself can still use. */
int cmd_getfree(int argc, char **argv)
{
	return show_memory(argc, argv, "rmem", "Linux");
}

int cmd_getutil(int argc, char **argv)
{
	unsigned int id = mosctl_node_select(argc, argv, true);
	long long util = mosctl_read_node_number(id, "util");

	if (mosctl_machine)
		printf("%lld\n", util);
	else
		printf("node %u: utilization %lld%%\n", id, util);
	return 0;
}

/*
 * Read nodes/ID/status ("up" or "down", then flags) into buf; returns
 * whether the node is up and points *flags at the flags ("" if none).
 */
static bool read_status(unsigned int id, char *buf, size_t size,
			const char **flags)
{
	const char *rel = mosctl_node_file(id, "status");
	size_t n;
	bool up;

	mosctl_read_line(rel, buf, size);
	n = strcspn(buf, " \t");
	if (n == 2 && !strncmp(buf, "up", 2))
		up = true;
	else if (n == 4 && !strncmp(buf, "down", 4))
		up = false;
	else
		errx(1, "%s: unexpected contents '%s'", mosctl_path(rel), buf);
	*flags = buf + n + strspn(buf + n, " \t");
	return up;
}

int cmd_status(int argc, char **argv)
{
	unsigned int id = mosctl_node_select(argc, argv, true);
	const char *flags;
	long long cpus;
	char buf[256];
	bool up;

	up = read_status(id, buf, sizeof(buf), &flags);
	if (mosctl_machine) {
		printf("%s\n", buf);
		return 0;
	}
	if (!*flags)
		flags = "none";
	if (!up) {
		printf("node %u: down, flags: %s\n", id, flags);
		return 0;
	}
	cpus = mosctl_read_node_number(id, "CPUs");
	printf("node %u: up, %lld CPU%s, speed %lld, load %lld, utilization %lld%%, flags: %s\n",
	       id, cpus, cpus == 1 ? "" : "s",
	       mosctl_read_node_number(id, "speed"),
	       mosctl_read_node_number(id, "load"),
	       mosctl_read_node_number(id, "util"), flags);
	return 0;
}

int cmd_isup(int argc, char **argv)
{
	unsigned int id = mosctl_node_select(argc, argv, true);
	const char *flags;
	char buf[256];
	bool up;

	up = read_status(id, buf, sizeof(buf), &flags);
	printf("%s\n", up ? "up" : "down");
	return up ? 0 : 1;
}
