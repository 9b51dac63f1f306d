// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: the interface to discover on, given with -i or else the one of
 * the default route (from net/route under the proc root), and the checks
 * that it can reach other nodes: it exists, is not loopback, is up, can
 * multicast and has an IPv4 address whose host part can be a node id.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "hpc.h"
#include "map.h"
#include "omdiscd.h"


/*
 * One line of net/route: "Iface Destination Gateway Flags RefCnt Use
 * Metric Mask ...", numbers in hex except the counters. Is it a default
 * route that is up? Its metric in *metric.
 */
static int default_route(const char *line, char *name, unsigned long *metric)
{
	unsigned long dest, flags, mask;
	char ifname[IFNAMSIZ];

	if (sscanf(line, "%15s %lx %*x %lx %*d %*d %lu %lx", ifname, &dest,
		   &flags, metric, &mask) != 5)
		return 0;
	if (dest || mask || !(flags & 0x1))	/* RTF_UP */
		return 0;
	strcpy(name, ifname);
	return 1;
}

void iface_default(char *name, size_t size)
{
	unsigned long metric, best = 0;
	char path[4096], line[512], ifname[IFNAMSIZ];
	bool found = false;
	FILE *f;

	if (hpc_path(path, sizeof(path), "net/route") < 0)
		err(1, "%s/net/route", hpc_proc_root());
	f = fopen(path, "r");
	if (!f)
		err(1, "%s", path);
	while (fgets(line, sizeof(line), f)) {
		if (!default_route(line, ifname, &metric))
			continue;
		if (!found || metric < best) {
			snprintf(name, size, "%s", ifname);
			best = metric;
			found = true;
		}
	}
	if (ferror(f))
		err(1, "%s", path);
	fclose(f);
	if (!found)
		errx(1, "unable to determine the address of the default interface: there is no default route; name an interface with -i");
}

/* A netmask as a prefix length; -1 if its bits are not contiguous. */
static int prefix_of(uint32_t mask)
{
	int n = 0;

	while (n < 32 && (mask & (0x80000000u >> n)))
		n++;
	return disc_netmask(n) == mask ? n : -1;
}

static void check_addr(const char *name, struct disc_iface *ifc,
		       const struct ifaddrs *ifa)
{
	char a[HPC_ADDR_STRLEN], msg[256];
	uint32_t mask;
	int prefix;

	ifc->addr = ntohl(((struct sockaddr_in *)ifa->ifa_addr)->sin_addr.s_addr);
	mask = ifa->ifa_netmask ?
	       ntohl(((struct sockaddr_in *)ifa->ifa_netmask)->sin_addr.s_addr) :
	       0xffffffff;
	prefix = prefix_of(mask);
	if (prefix < 0)
		errx(1, "interface '%s': netmask %s is not contiguous", name,
		     hpc_addr_format(mask, a));
	ifc->prefix = prefix;
	if (disc_check_self(ifc->addr, ifc->prefix, msg, sizeof(msg)) < 0)
		errx(1, "interface '%s': %s", name, msg);
}

void iface_get(const char *name, struct disc_iface *ifc)
{
	const struct ifaddrs *inet = NULL;
	struct ifaddrs *list, *ifa;
	unsigned int flags = 0;
	char buf[HPC_SHOWN_MAX + 4];

	if (strlen(name) >= sizeof(ifc->name) || !(ifc->index = if_nametoindex(name)))
		errx(1, "no interface '%s'", hpc_shown(name, buf));
	strcpy(ifc->name, name);
	if (getifaddrs(&list) < 0)
		err(1, "getifaddrs");
	for (ifa = list; ifa; ifa = ifa->ifa_next) {
		if (strcmp(ifa->ifa_name, name))
			continue;
		flags |= ifa->ifa_flags;
		if (!inet && ifa->ifa_addr && ifa->ifa_addr->sa_family == AF_INET)
			inet = ifa;
	}
	if (flags & IFF_LOOPBACK)
		errx(1, "interface '%s' is a loopback interface: loopback cannot reach other nodes",
		     name);
	if (!(flags & IFF_UP))
		errx(1, "interface '%s' is down", name);
	if (!(flags & IFF_MULTICAST))
		errx(1, "interface '%s' cannot multicast (no MULTICAST flag)", name);
	if (!inet)
		errx(1, "interface '%s' has no IPv4 address", name);
	check_addr(name, ifc, inet);
	freeifaddrs(list);
}
