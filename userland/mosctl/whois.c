// SPDX-License-Identifier: GPL-2.0-only
/*
 * whois: map between node ids, IPv4 addresses and host names using the
 * kernel's node table (/proc/hpc/admin/config, read and parsed by libhpc's
 * map code). Host names come from the hosts file, which we parse ourselves:
 * glibc's getaddrinfo() needs the shared NSS modules at run time, which a
 * static binary in a busybox VM does not have.
 */
#include <ctype.h>
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hpc.h"
#include "map.h"
#include "mosctl.h"

static const char *hosts_file(void)
{
	const char *f = getenv("MOSCTL_HOSTS");

	return f && *f ? f : "/etc/hosts";
}

static bool is_addr(const char *s, uint32_t *addr)
{
	return hpc_addr_parse(s, addr) == 0;
}

static void table_read(struct hpc_map *map)
{
	char msg[512];

	mosctl_require_hpc();
	if (hpc_map_read_kernel(map, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
}

static bool table_addr_of(const struct hpc_map *map, unsigned int id,
			  uint32_t *addr)
{
	const struct hpc_range *r;
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		if (id >= r->first && id - r->first < r->count) {
			*addr = r->addr + (id - r->first);
			return true;
		}
	}
	return false;
}

/*
 * Walk the hosts file for the first line that matches, by address (name
 * NULL) or by one of its names; copy its address and its first name. A
 * missing hosts file simply has no names. Non-IPv4 lines are skipped.
 */
static bool hosts_find(const char *name, uint32_t *addr, char *canon,
		       size_t size)
{
	char line[1024], *save, *a, *h;
	bool found = false;
	uint32_t la;
	FILE *f;

	f = fopen(hosts_file(), "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "#\n")] = '\0';
		a = strtok_r(line, " \t", &save);
		if (!a || !is_addr(a, &la) || (!name && la != *addr))
			continue;
		*canon = '\0';
		while ((h = strtok_r(NULL, " \t", &save))) {
			if (!*canon)
				snprintf(canon, size, "%s", h);
			if (!name || !strcasecmp(h, name)) {
				found = true;
				break;
			}
		}
	}
	fclose(f);
	if (found)
		*addr = la;
	return found;
}

static void show_node(const struct hpc_map *map, unsigned int id)
{
	char a[HPC_ADDR_STRLEN], host[256];
	uint32_t addr;

	if (!table_addr_of(map, id, &addr))
		errx(1, "no node %u in the cluster", id);
	hpc_addr_format(addr, a);
	if (mosctl_machine)
		printf("%s\n", a);
	else if (hosts_find(NULL, &addr, host, sizeof(host)))
		printf("node %u is %s (%s)\n", id, a, host);
	else
		printf("node %u is %s\n", id, a);
}

static void show_address(const struct hpc_map *map, uint32_t addr)
{
	char a[HPC_ADDR_STRLEN], host[256];
	unsigned int id = hpc_map_lookup(map, addr);

	hpc_addr_format(addr, a);
	if (!id)
		errx(1, "%s is not in the cluster", a);
	if (mosctl_machine)
		printf("%u\n", id);
	else if (hosts_find(NULL, &addr, host, sizeof(host)))
		printf("%s (%s) is node %u\n", a, host, id);
	else
		printf("%s is node %u\n", a, id);
}

static void show_host(const struct hpc_map *map, const char *name)
{
	char a[HPC_ADDR_STRLEN], canon[256];
	unsigned int id;
	uint32_t addr;

	if (!hosts_find(name, &addr, canon, sizeof(canon)))
		errx(1, "unknown host '%s' (not in %s)", name, hosts_file());
	hpc_addr_format(addr, a);
	id = hpc_map_lookup(map, addr);
	if (!id)
		errx(1, "%s (%s) is not in the cluster", name, a);
	if (mosctl_machine)
		printf("%u\n", id);
	else
		printf("%s (%s) is node %u\n", name, a, id);
}

static bool valid_hostname(const char *s)
{
	if (!*s || *s == '-' || *s == '.')
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-._", *s))
			return false;
	return true;
}

int cmd_whois(int argc, char **argv)
{
	const char *arg = argc > 1 ? argv[1] : NULL;
	static struct hpc_map map;
	unsigned int id = 0;
	uint32_t addr;

	/* check the argument before touching /proc */
	if (arg && *arg && strspn(arg, "0123456789") == strlen(arg))
		id = mosctl_arg_node(arg);
	else if (arg && !is_addr(arg, &addr) && !valid_hostname(arg))
		mosctl_usage_error("whois",
				   "bad node id, address or host name '%s'", arg);
	table_read(&map);
	if (!arg) {
		id = mosctl_this_node();
		if (!id)
			errx(1, "this node is not in a cluster (mospe is 0)");
	}
	if (id)
		show_node(&map, id);
	else if (is_addr(arg, &addr))
		show_address(&map, addr);
	else
		show_host(&map, arg);
	return 0;
}
