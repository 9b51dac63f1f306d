/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libhpc: the openMosix node map (openmosix.map(5)) and the kernel's node
 * table (/proc/hpc/admin/config), which share one text format: one range per
 * line, "FIRST-ID ADDRESS COUNT", giving ids FIRST..FIRST+COUNT-1 to the
 * consecutive IPv4 addresses starting at ADDRESS.
 *
 * The parser checks everything a node table must satisfy, so a map it
 * accepts can only be refused by the kernel for reasons of its own. On an
 * error the functions fill msg with "NAME:LINE: problem" (or "NAME: problem"
 * for errors that are not about one line), ready for errx("%s", msg).
 */
#ifndef HPC_MAP_H
#define HPC_MAP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* At most this many ranges (openMosix's limit). */
#define HPC_MAP_MAX_RANGES	256
/* Longer lines are refused unless the part that fits starts a comment. */
#define HPC_MAP_LINE_MAX	256
/* Room for the normalised text of the largest table ("65535 255.255.255.255 65535\n"). */
#define HPC_MAP_TEXT_MAX	(HPC_MAP_MAX_RANGES * 28 + 1)
/* "255.255.255.255" and its NUL. */
#define HPC_ADDR_STRLEN		16
/* How many addresses of this node hpc_my_addrs() reports at most. */
#define HPC_MY_ADDRS_MAX	64

struct hpc_range {
	unsigned int first;	/* first node id, 1..HPC_MAX_NODE */
	uint32_t addr;		/* address of the first node, host byte order */
	unsigned int count;	/* number of nodes, first + count - 1 <= HPC_MAX_NODE */
	unsigned int line;	/* line of the source it came from */
};

struct hpc_map {
	unsigned int nr;	/* ranges in use, in the order of the source */
	struct hpc_range range[HPC_MAP_MAX_RANGES];
};

/* Parse a map read from f; name is the file name used in messages. */
int hpc_map_parse(struct hpc_map *map, FILE *f, const char *name,
		  char *msg, size_t size);

/* Parse a map held in a string (e.g. the kernel's table). */
int hpc_map_parse_text(struct hpc_map *map, const char *text,
		       const char *name, char *msg, size_t size);

/* Open path ("-" is the standard input) and parse it. */
int hpc_map_load(struct hpc_map *map, const char *path, char *msg, size_t size);

/* The normalised text of the table; returns its length, -1 if it does not fit. */
int hpc_map_format(const struct hpc_map *map, char *buf, size_t size);

/* Number of nodes in the table. */
unsigned int hpc_map_nodes(const struct hpc_map *map);

/* The node id of addr, 0 if addr is not in the table. */
unsigned int hpc_map_lookup(const struct hpc_map *map, uint32_t addr);

/* Does /proc/hpc exist? 0, or -1 and msg says why not. */
int hpc_map_kernel_present(char *msg, size_t size);

/* Read and parse /proc/hpc/admin/config. */
int hpc_map_read_kernel(struct hpc_map *map, char *msg, size_t size);

/* Replace the kernel's table in one write(2); -1 with the kernel's errno. */
int hpc_map_write_kernel(const struct hpc_map *map);

/* Strict dotted-quad IPv4 ("10.0.0.1"; no leading zeros, no host names). */
int hpc_addr_parse(const char *s, uint32_t *addr);
char *hpc_addr_format(uint32_t addr, char buf[HPC_ADDR_STRLEN]);

/*
 * This node's IPv4 addresses, loopback excluded, from getifaddrs(3), or
 * from $HPC_MY_ADDRS (addresses separated by spaces) when it is set: that
 * variable is for tests. Returns how many were stored in addrs.
 */
int hpc_my_addrs(uint32_t *addrs, int max, char *msg, size_t size);

#endif /* HPC_MAP_H */
