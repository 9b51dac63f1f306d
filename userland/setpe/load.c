// SPDX-License-Identifier: GPL-2.0-only
/*
 * setpe -w / -c: read the map, check it, find this node in it, and (for -w)
 * hand the normalised table to the kernel in one write, then this node's id.
 * With -k the cluster key file is checked along with the map, and (for -w)
 * given to the kernel first, so that the connections the new table brings
 * are authenticated with it. Nothing is written unless both are good.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hpc.h"
#include "key.h"
#include "map.h"
#include "setpe.h"

/* Where a map is looked for without -f, in this order. */
static const char *const default_maps[] = {
	"openmosix.map", "hpc.map", "mosix.map",
};
#define NR_DEFAULT_MAPS (sizeof(default_maps) / sizeof(default_maps[0]))

/* $HPC_ETC replaces /etc, for tests. */
static const char *etc_dir(void)
{
	const char *etc = getenv("HPC_ETC");

	return etc && *etc ? etc : "/etc";
}

static const char *default_map(void)
{
	static char path[NR_DEFAULT_MAPS][4096];
	struct stat st;
	size_t i;

	for (i = 0; i < NR_DEFAULT_MAPS; i++) {
		snprintf(path[i], sizeof(path[i]), "%s/%s", etc_dir(),
			 default_maps[i]);
		if (stat(path[i], &st) == 0 || errno != ENOENT)
			return path[i];
	}
	errx(1, "no map: none of %s, %s, %s exists (use -f MAP)",
	     path[0], path[1], path[2]);
}

/* This node's id in map: exactly one of its addresses must be there. */
static unsigned int find_self(const struct hpc_map *map, const char *name)
{
	char a[HPC_ADDR_STRLEN], b[HPC_ADDR_STRLEN], msg[512];
	char list[HPC_MY_ADDRS_MAX * HPC_ADDR_STRLEN + 8] = "";
	uint32_t addrs[HPC_MY_ADDRS_MAX], mine = 0;
	unsigned int id, self = 0;
	int i, n;

	n = hpc_my_addrs(addrs, HPC_MY_ADDRS_MAX, msg, sizeof(msg));
	if (n < 0)
		errx(1, "%s", msg);
	for (i = 0; i < n; i++) {
		id = hpc_map_lookup(map, addrs[i]);
		if (!id || id == self)
			continue;
		if (self)
			errx(1, "%s: this node is in the table twice: as node %u (%s) and as node %u (%s)",
			     name, self, hpc_addr_format(mine, a), id,
			     hpc_addr_format(addrs[i], b));
		self = id;
		mine = addrs[i];
	}
	if (self)
		return self;
	for (i = 0; i < n; i++) {
		if (i)
			strcat(list, ", ");
		strcat(list, hpc_addr_format(addrs[i], a));
	}
	errx(1, "the supplied table is well-formatted, but my IP address (%s) is not there!",
	     n ? list : "none found");
}

static void write_table(const struct hpc_map *map, unsigned int self)
{
	struct hpc_map old;
	char msg[512];
	bool have_old;
	int e;

	have_old = hpc_map_read_kernel(&old, msg, sizeof(msg)) == 0;
	if (hpc_map_write_kernel(map) < 0) {
		e = errno;
		errx(1, "%s: %s%s; the old table stays",
		     setpe_path("hpc/admin/config"), strerror(e),
		     e == EINVAL ? ": the kernel refused the table (its log says why)" : "");
	}
	if (hpc_write_long("hpc/admin/mospe", self) < 0) {
		e = errno;
		if (have_old && hpc_map_write_kernel(&old) == 0)
			errx(1, "%s: %s; the old table was put back",
			     setpe_path("hpc/admin/mospe"), strerror(e));
		errx(1, "%s: %s; the new table is loaded but this node's id (%u) is not set",
		     setpe_path("hpc/admin/mospe"), strerror(e), self);
	}
}

int setpe_load(const char *path, const char *keyfile, bool write)
{
	static struct hpc_map map;
	char msg[4200], key[HPC_KEY_TEXT_SIZE];
	const char *name;
	unsigned int self;

	if (write)
		setpe_require_kernel();
	if (keyfile && hpc_key_load(keyfile, key, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	if (!path)
		path = default_map();
	name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	if (hpc_map_load(&map, path, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	self = find_self(&map, name);
	if (keyfile && write) {
		int ret = hpc_key_write_kernel(key, msg, sizeof(msg));

		explicit_bzero(key, sizeof(key));
		if (ret < 0)
			errx(1, "%s; the node table was not changed", msg);
	}
	if (write) {
		write_table(&map, self);
		return 0;
	}
	if (keyfile) {
		printf("%s: ok, a %zu-bit cluster key\n", keyfile, (strlen(key) - 1) * 4);
		explicit_bzero(key, sizeof(key));
	}
	printf("%s: ok, %u node%s in %u range%s, this is node #%u\n", name,
	       hpc_map_nodes(&map), hpc_map_nodes(&map) == 1 ? "" : "s",
	       map.nr, map.nr == 1 ? "" : "s", self);
	return 0;
}
