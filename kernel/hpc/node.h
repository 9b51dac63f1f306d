/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The nodes of the cluster as this node knows them.
 */
#ifndef _HPC_NODE_H
#define _HPC_NODE_H

#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/types.h>

struct proc_dir_entry;

/**
 * struct hpc_load_info - what a node says about itself (see LOAD messages)
 * @mem_total: bytes of memory
 * @mem_free:  bytes free
 * @mem_avail: bytes offered to migrated processes
 * @load:      load in openMosix units: 100 is one reference CPU kept busy
 * @speed:     relative CPU speed (10000: the reference CPU)
 * @cpus:      online CPUs
 * @util:      CPU utilisation, percent
 * @status:    HPC_WIRE_LOAD_* flags the node reports
 */
struct hpc_load_info {
	u64 mem_total;
	u64 mem_free;
	u64 mem_avail;
	u32 load;
	u32 speed;
	u16 cpus;
	u16 util;
	u16 status;
};

/**
 * struct hpc_node - one node of the table
 * @id:      its node id
 * @addr:    its IPv4 address
 * @lock:    protects @info and @stamp
 * @info:    the newest information about it
 * @stamp:   when (ktime, ms) the node produced @info; 0: never heard of
 * @proc:    its directory /proc/hpc/nodes/<id>
 * @rcu:     frees it after the readers that may still see it
 *
 * Nodes live in an xarray indexed by id: readers look them up under
 * rcu_read_lock(), writers (table changes) hold hpc_nodes_lock.
 */
struct hpc_node {
	u16 id;
	__be32 addr;
	spinlock_t lock;		/* protects info and stamp */
	struct hpc_load_info info;
	u64 stamp;
	struct proc_dir_entry *proc;
	struct rcu_head rcu;
};

/* The clock of the node information's time stamps, in milliseconds. */
static inline u64 hpc_now_ms(void)
{
	return ktime_to_ms(ktime_get());
}

/* A node is down when its newest information is older than this. */
#define HPC_NODE_DOWN_MS	5000
/*
 * A node is lost when it was silent for this long: its migration channels
 * and its connections end. Three times "down", so that a node slowed down
 * for a few seconds (a loaded host) does not cost its migrated processes
 * their life.
 */
#define HPC_NODE_LOST_MS	(3 * HPC_NODE_DOWN_MS)

int hpc_nodes_init(struct proc_dir_entry *hpc_root);

int hpc_nodes_set_table(const char *text, size_t len);
int hpc_nodes_format_table(char *buf, size_t size);
int hpc_nodes_set_self(int id);
unsigned int hpc_nodes_self(void);

struct hpc_node *hpc_node_find(unsigned int id);
int hpc_nodes_random(u16 *ids, unsigned int max);

void hpc_node_update(struct hpc_node *node, const struct hpc_load_info *info, u64 stamp);
bool hpc_node_get_info(struct hpc_node *node, struct hpc_load_info *info, u64 *stamp);
bool hpc_node_is_up(struct hpc_node *node);
bool hpc_node_lost(unsigned int id);

#endif /* _HPC_NODE_H */
