/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The node table: which node id has which IPv4 address. It arrives as text
 * through /proc/hpc/admin/config (see Documentation/hpc/nodemap.rst) and is
 * kept as a sorted array of ranges. Everything here is pure: no allocation,
 * no locking; the caller owns the memory and decides how tables are
 * published and replaced.
 */
#ifndef _HPC_NODEMAP_H
#define _HPC_NODEMAP_H

#include <linux/types.h>

/* At most this many ranges (lines) in a table, openMosix's own limit. */
#define HPC_NODEMAP_MAX_RANGES	256
/* Highest node id; 0 means "no node". */
#define HPC_NODEMAP_MAX_ID	65535
/* Longest text accepted in one write to /proc/hpc/admin/config. */
#define HPC_NODEMAP_MAX_TEXT	8192
/* Longest line, without its newline, unless the part that fits starts a comment. */
#define HPC_NODEMAP_MAX_LINE	255
/* Room for the canonical text of the largest table: "65535 255.255.255.255 65535\n" each, a NUL. */
#define HPC_NODEMAP_FORMAT_MAX	(HPC_NODEMAP_MAX_RANGES * 28 + 1)
/* Room for an error message, NUL included. */
#define HPC_NODEMAP_ERROR_MAX	160

/**
 * struct hpc_nodemap_range - consecutive node ids at consecutive addresses
 * @first: the first node id, 1..65535
 * @count: how many nodes, at least 1; @first + @count - 1 <= 65535
 * @addr:  the address of node @first; node @first + i has @addr + i
 */
struct hpc_nodemap_range {
	u16 first;
	u16 count;
	__be32 addr;
};

/**
 * struct hpc_nodemap - the node table
 * @nr:    ranges in use
 * @range: the ranges, sorted by @first; neither their ids nor their
 *         addresses overlap, and no address is one a node cannot have
 *
 * About 2 KiB: allocate it (kzalloc) rather than putting it on the stack.
 * A table with @nr == 0 is "no table": this node is in no cluster.
 */
struct hpc_nodemap {
	unsigned int nr;
	struct hpc_nodemap_range range[HPC_NODEMAP_MAX_RANGES];
};

/**
 * enum hpc_nodemap_reason - why a table was refused
 * @HPC_NODEMAP_OK:             not refused
 * @HPC_NODEMAP_TEXT_TOO_LONG:  more than %HPC_NODEMAP_MAX_TEXT bytes
 * @HPC_NODEMAP_NUL:            a line holds a NUL byte
 * @HPC_NODEMAP_LINE_TOO_LONG:  a line is longer than %HPC_NODEMAP_MAX_LINE
 * @HPC_NODEMAP_FIELDS:         a line does not have exactly three fields
 * @HPC_NODEMAP_ALIAS:          an openMosix "ALIAS" line (gateways), unsupported
 * @HPC_NODEMAP_BAD_ID:         the first id is not a decimal number in 1..65535
 * @HPC_NODEMAP_BAD_ADDR:       the address is not a strict dotted quad
 * @HPC_NODEMAP_BAD_COUNT:      the count is not a decimal number in 1..65535
 * @HPC_NODEMAP_IDS_PAST_MAX:   the range's ids run past 65535
 * @HPC_NODEMAP_ADDR_WRAP:      the range's addresses run past 255.255.255.255
 * @HPC_NODEMAP_ADDR_THIS_NET:  an address is in 0.0.0.0/8
 * @HPC_NODEMAP_ADDR_LOOPBACK:  an address is in 127.0.0.0/8
 * @HPC_NODEMAP_ADDR_MULTICAST: an address is in 224.0.0.0/4
 * @HPC_NODEMAP_ADDR_BROADCAST: an address is 255.255.255.255
 * @HPC_NODEMAP_ADDR_CLASS_E:   an address is in 240.0.0.0/4 (reserved)
 * @HPC_NODEMAP_TOO_MANY:       more than %HPC_NODEMAP_MAX_RANGES ranges
 * @HPC_NODEMAP_ID_OVERLAP:     the range's ids overlap those of an earlier line
 * @HPC_NODEMAP_ADDR_DUP:       an address is already a node's of an earlier line
 */
enum hpc_nodemap_reason {
	HPC_NODEMAP_OK,
	HPC_NODEMAP_TEXT_TOO_LONG,
	HPC_NODEMAP_NUL,
	HPC_NODEMAP_LINE_TOO_LONG,
	HPC_NODEMAP_FIELDS,
	HPC_NODEMAP_ALIAS,
	HPC_NODEMAP_BAD_ID,
	HPC_NODEMAP_BAD_ADDR,
	HPC_NODEMAP_BAD_COUNT,
	HPC_NODEMAP_IDS_PAST_MAX,
	HPC_NODEMAP_ADDR_WRAP,
	HPC_NODEMAP_ADDR_THIS_NET,
	HPC_NODEMAP_ADDR_LOOPBACK,
	HPC_NODEMAP_ADDR_MULTICAST,
	HPC_NODEMAP_ADDR_BROADCAST,
	HPC_NODEMAP_ADDR_CLASS_E,
	HPC_NODEMAP_TOO_MANY,
	HPC_NODEMAP_ID_OVERLAP,
	HPC_NODEMAP_ADDR_DUP,
};

/**
 * struct hpc_nodemap_error - where and why a table was refused
 * @line:   the line (from 1) the problem is on; 0 if it is about the whole text
 * @reason: what is wrong, for programs and tests
 * @msg:    the same for people, "line 3: ids 4-6 overlap ids 5-5 of line 2";
 *          printable ASCII only, whatever the input held
 */
struct hpc_nodemap_error {
	unsigned int line;
	enum hpc_nodemap_reason reason;
	char msg[HPC_NODEMAP_ERROR_MAX];
};

/**
 * enum hpc_nodemap_change - how a node differs between two tables
 * @HPC_NODEMAP_ADDED:   only in the new table
 * @HPC_NODEMAP_REMOVED: only in the old table
 * @HPC_NODEMAP_MOVED:   in both, at different addresses
 */
enum hpc_nodemap_change {
	HPC_NODEMAP_ADDED = 1,
	HPC_NODEMAP_REMOVED,
	HPC_NODEMAP_MOVED,
};

int hpc_nodemap_parse(const char *text, size_t len, struct hpc_nodemap *map,
		      struct hpc_nodemap_error *err);
int hpc_nodemap_format(const struct hpc_nodemap *map, char *buf, size_t size);

int hpc_nodemap_addr_of(const struct hpc_nodemap *map, unsigned int id, __be32 *addr);
unsigned int hpc_nodemap_id_of(const struct hpc_nodemap *map, __be32 addr);
unsigned int hpc_nodemap_count(const struct hpc_nodemap *map);
unsigned int hpc_nodemap_next_id(const struct hpc_nodemap *map, unsigned int after);

bool hpc_nodemap_equal(const struct hpc_nodemap *a, const struct hpc_nodemap *b);
unsigned int hpc_nodemap_diff_next(const struct hpc_nodemap *old,
				   const struct hpc_nodemap *new, unsigned int after,
				   enum hpc_nodemap_change *change);

#endif /* _HPC_NODEMAP_H */
