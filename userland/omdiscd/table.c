// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: from the set of addresses heard to the node table.
 *
 * A node's id is the host part of its address under the network's netmask
 * (10.77.0.3/24 is node 3). Every node sees the same addresses and the same
 * netmask, so all of them derive the same ids without any coordination.
 * Sorted by address, a run of consecutive addresses has consecutive ids and
 * becomes one range of the table. Nothing here does I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"
#include "map.h"
#include "omdiscd.h"

uint32_t disc_netmask(unsigned int prefix)
{
	if (prefix == 0)
		return 0;
	if (prefix >= 32)
		return 0xffffffff;
	return 0xffffffff << (32 - prefix);
}

unsigned int disc_node_id(uint32_t addr, unsigned int prefix)
{
	return addr & ~disc_netmask(prefix);
}

static int fail(char *msg, size_t size, const char *fmt, uint32_t addr,
		unsigned int prefix)
{
	char a[HPC_ADDR_STRLEN];

	if (msg && size)
		snprintf(msg, size, fmt, hpc_addr_format(addr, a), prefix);
	return -1;
}

int disc_check_self(uint32_t addr, unsigned int prefix, char *msg, size_t size)
{
	uint32_t host = disc_node_id(addr, prefix);

	if (prefix > 32)
		return fail(msg, size, "%s/%u: not a netmask", addr, prefix);
	if (prefix < DISC_PREFIX_MIN)
		return fail(msg, size,
			    "%s/%u: the network is larger than a /16: node ids are the host part of the address and must not exceed 65535",
			    addr, prefix);
	if (host == 0)
		return fail(msg, size,
			    "%s/%u: the host part of the address is 0, which is not a node id",
			    addr, prefix);
	if (prefix <= 30 && host == ~disc_netmask(prefix))
		return fail(msg, size,
			    "%s/%u is the network's broadcast address, not a node's",
			    addr, prefix);
	return 0;
}

static int cmp_addr(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorted, without duplicates, into a malloc()ed copy; its length in *n. */
static uint32_t *sorted_set(const uint32_t *addrs, size_t *n)
{
	uint32_t *set = malloc((*n ? *n : 1) * sizeof(*set));
	size_t i, k = 0;

	if (!set)
		return NULL;
	memcpy(set, addrs, *n * sizeof(*set));
	qsort(set, *n, sizeof(*set), cmp_addr);
	for (i = 0; i < *n; i++)
		if (k == 0 || set[i] != set[k - 1])
			set[k++] = set[i];
	*n = k;
	return set;
}

static int build_ranges(struct hpc_map *map, const uint32_t *set, size_t n,
			unsigned int prefix, char *msg, size_t msgsize)
{
	uint32_t mask = disc_netmask(prefix);
	struct hpc_range *r = NULL;
	char a[HPC_ADDR_STRLEN], b[HPC_ADDR_STRLEN];
	size_t i;

	map->nr = 0;
	for (i = 0; i < n; i++) {
		if (disc_check_self(set[i], prefix, msg, msgsize) < 0)
			return -1;
		if ((set[i] & mask) != (set[0] & mask)) {
			snprintf(msg, msgsize, "%s and %s/%u are not in one network",
				 hpc_addr_format(set[0], a),
				 hpc_addr_format(set[i], b), prefix);
			return -1;
		}
		if (r && set[i] == r->addr + r->count) {
			r->count++;
			continue;
		}
		if (map->nr == HPC_MAP_MAX_RANGES) {
			snprintf(msg, msgsize,
				 "the nodes need more than %d ranges, the most a node table holds",
				 HPC_MAP_MAX_RANGES);
			return -1;
		}
		r = &map->range[map->nr++];
		r->first = disc_node_id(set[i], prefix);
		r->addr = set[i];
		r->count = 1;
		r->line = map->nr;
	}
	return 0;
}

int disc_table(const uint32_t *addrs, size_t n, unsigned int prefix,
	       char *buf, size_t size, char *msg, size_t msgsize)
{
	struct hpc_map map, check;
	uint32_t *set;
	int len;

	if (n == 0) {
		snprintf(msg, msgsize, "no addresses");
		return -1;
	}
	set = sorted_set(addrs, &n);
	if (!set) {
		snprintf(msg, msgsize, "out of memory");
		return -1;
	}
	len = build_ranges(&map, set, n, prefix, msg, msgsize);
	free(set);
	if (len < 0)
		return -1;
	len = hpc_map_format(&map, buf, size);
	if (len < 0) {
		snprintf(msg, msgsize, "the node table does not fit in %zu bytes", size);
		return -1;
	}
	/* The rules of openmosix.map(5): e.g. no loopback, no multicast. */
	if (hpc_map_parse_text(&check, buf, "node table", msg, msgsize) < 0)
		return -1;
	return len;
}
