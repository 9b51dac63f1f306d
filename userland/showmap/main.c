// SPDX-License-Identifier: GPL-2.0-only
/*
 * showmap: this node's openMosix id and the kernel's node table, for people
 * (the default) or for scripts (-m).
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "hpc.h"
#include "map.h"

static const char usage_text[] =
	"usage: showmap [-m]\n"
	"       showmap -h|--help\n";

static const char help_text[] =
	"\n"
	"  -m   machine-readable: \"mospe ID\", then \"range FIRST-ID ADDRESS COUNT\" lines\n"
	"\n"
	"Shows this node's openMosix id and the node table. See showmap(1).\n";

static void print_human(unsigned int self, const struct hpc_map *map)
{
	char a[HPC_ADDR_STRLEN];
	unsigned int i;

	if (self)
		printf("This is openMosix node #%u (of %u configured)\n", self,
		       hpc_map_nodes(map));
	else if (!map->nr)
		printf("This node is not in an openMosix cluster: the node table is empty.\n");
	else
		printf("This node is not in an openMosix cluster (its id is 0).\n");
	if (!map->nr)
		return;
	printf("\n%-13s %-15s %s\n", "Base Node-Id", "Address", "Count");
	printf("%-13s %-15s %s\n", "------------", "---------------", "-----");
	for (i = 0; i < map->nr; i++)
		printf("%-13u %-15s %u\n", map->range[i].first,
		       hpc_addr_format(map->range[i].addr, a),
		       map->range[i].count);
}

static void print_machine(unsigned int self, const struct hpc_map *map)
{
	char a[HPC_ADDR_STRLEN];
	unsigned int i;

	printf("mospe %u\n", self);
	for (i = 0; i < map->nr; i++)
		printf("range %u %s %u\n", map->range[i].first,
		       hpc_addr_format(map->range[i].addr, a),
		       map->range[i].count);
}

/* This node's id: 0 (not in a cluster) or 1..HPC_MAX_NODE. */
static unsigned int read_mospe(void)
{
	char path[4096], text[64], *end;
	unsigned long v;

	if (hpc_path(path, sizeof(path), "hpc/admin/mospe") < 0)
		snprintf(path, sizeof(path), "hpc/admin/mospe");
	if (hpc_read_text("hpc/admin/mospe", text, sizeof(text)) < 0)
		err(1, "%s", path);
	errno = 0;
	v = strtoul(text, &end, 10);
	if (!isdigit((unsigned char)text[0]) || *end || errno || v > HPC_MAX_NODE)
		errx(1, "%s: '%.20s' is not a node id (0-%u)", path, text,
		     HPC_MAX_NODE);
	return v;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct hpc_map map;
	char msg[4200];
	bool machine = false;
	unsigned int self;
	int opt;

	while ((opt = getopt_long(argc, argv, "+:hm", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		case 'm':
			machine = true;
			break;
		default:
			if (optopt)
				fprintf(stderr, "showmap: unknown option -%c\n", optopt);
			else
				fprintf(stderr, "showmap: unknown option %s\n",
					argv[optind - 1]);
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "showmap: unexpected argument '%s'\n%s",
			argv[optind], usage_text);
		return 2;
	}
	if (hpc_map_kernel_present(msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	self = read_mospe();
	if (hpc_map_read_kernel(&map, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	if (machine)
		print_machine(self, &map);
	else
		print_human(self, &map);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "(standard output)");
	return 0;
}
