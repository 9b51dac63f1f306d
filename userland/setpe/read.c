// SPDX-License-Identifier: GPL-2.0-only
/*
 * setpe -r: write the kernel's node table out in the map format, so that
 * the output can be loaded again with setpe -w.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

#include "hpc.h"
#include "map.h"
#include "setpe.h"

static void print_map(FILE *out, const struct hpc_map *map)
{
	char a[HPC_ADDR_STRLEN];
	unsigned int i;

	fputs("# openMosix node map (see openmosix.map(5)), written by setpe -r\n",
	      out);
	if (!map->nr) {
		fputs("# The table is empty: this node is not in a cluster.\n", out);
		return;
	}
	fprintf(out, "# %-9s %-15s %s\n", "FIRST-ID", "ADDRESS", "COUNT");
	for (i = 0; i < map->nr; i++)
		fprintf(out, "%-11u %-15s %u\n", map->range[i].first,
			hpc_addr_format(map->range[i].addr, a),
			map->range[i].count);
}

int setpe_read(const char *path)
{
	static struct hpc_map map;
	bool to_stdout = !path || strcmp(path, "-") == 0;
	const char *name = to_stdout ? "(standard output)" : path;
	char msg[4200];
	FILE *out;

	setpe_require_kernel();
	if (hpc_map_read_kernel(&map, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	out = to_stdout ? stdout : fopen(path, "w");
	if (!out)
		err(1, "%s", path);
	print_map(out, &map);
	if (fflush(out) == EOF || ferror(out))
		err(1, "%s", name);
	if (!to_stdout && fclose(out) == EOF)
		err(1, "%s", name);
	return 0;
}
