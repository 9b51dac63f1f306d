// SPDX-License-Identifier: GPL-2.0-only
/*
 * The nodes of the cluster as this node knows them.
 *
 * The administrator gives the node table as text (/proc/hpc/admin/config,
 * parsed by nodemap.c). Each node of the table gets a struct hpc_node, kept
 * in an xarray indexed by node id, and a directory /proc/hpc/nodes/<id>
 * that shows the newest load information about it. A new table is applied
 * as a difference against the old one, so nodes that stay keep their
 * information and their connections while others join or leave.
 *
 * hpc_nodes_lock serialises changes of the table; readers find a node
 * with xa_load() under rcu_read_lock() and read its information under the
 * node's spinlock. Removed nodes are freed after an RCU grace period.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/inetdevice.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <net/route.h>

#include <hpc/protocol.h>

#include "node.h"
#include "nodemap.h"
#include "transport.h"
#include "tunable.h"

static DEFINE_MUTEX(hpc_nodes_lock);
static DEFINE_XARRAY(nodes);
static struct hpc_nodemap *table;	/* NULL: no table */
static struct proc_dir_entry *nodes_dir;

/* The files of /proc/hpc/nodes/<id>: the node id is the entry's data. */

enum node_field { F_CPUS, F_LOAD, F_MEM, F_RMEM, F_SPEED, F_TMEM, F_UTIL, F_STATUS };

static const char * const status_flags[] = {
	"stay", "lstay", "block", "quiet", "nomfs",
};

static const u16 status_bits[] = {
	HPC_WIRE_LOAD_STAY, HPC_WIRE_LOAD_LSTAY, HPC_WIRE_LOAD_BLOCK,
	HPC_WIRE_LOAD_QUIET, HPC_WIRE_LOAD_NOMFS,
};

static int node_show(struct seq_file *m, enum node_field field)
{
	unsigned int id = (uintptr_t)m->private;
	struct hpc_load_info info;
	struct hpc_node *node;
	bool up;
	int i;

	rcu_read_lock();
	node = hpc_node_find(id);
	if (node) {
		hpc_node_get_info(node, &info, NULL);
		up = hpc_node_is_up(node);
	}
	rcu_read_unlock();
	if (!node)
		return -ENOENT;

	switch (field) {
	case F_CPUS:
		seq_printf(m, "%u\n", info.cpus);
		break;
	case F_LOAD:
		seq_printf(m, "%u\n", info.load);
		break;
	case F_MEM:
		seq_printf(m, "%llu\n", info.mem_avail);
		break;
	case F_RMEM:
		seq_printf(m, "%llu\n", info.mem_free);
		break;
	case F_SPEED:
		seq_printf(m, "%u\n", info.speed);
		break;
	case F_TMEM:
		seq_printf(m, "%llu\n", info.mem_total);
		break;
	case F_UTIL:
		seq_printf(m, "%u\n", info.util);
		break;
	case F_STATUS:
		seq_puts(m, up ? "up" : "down");
		for (i = 0; up && i < ARRAY_SIZE(status_bits); i++)
			if (info.status & status_bits[i])
				seq_printf(m, " %s", status_flags[i]);
		seq_putc(m, '\n');
		break;
	}
	return 0;
}

static int cpus_show(struct seq_file *m, void *v) { return node_show(m, F_CPUS); }
static int load_show(struct seq_file *m, void *v) { return node_show(m, F_LOAD); }
static int mem_show(struct seq_file *m, void *v) { return node_show(m, F_MEM); }
static int rmem_show(struct seq_file *m, void *v) { return node_show(m, F_RMEM); }
static int speed_show(struct seq_file *m, void *v) { return node_show(m, F_SPEED); }
static int tmem_show(struct seq_file *m, void *v) { return node_show(m, F_TMEM); }
static int util_show(struct seq_file *m, void *v) { return node_show(m, F_UTIL); }
static int status_show(struct seq_file *m, void *v) { return node_show(m, F_STATUS); }

static const struct {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
} node_files[] = {
	{ "CPUs", cpus_show },
	{ "load", load_show },
	{ "mem", mem_show },
	{ "rmem", rmem_show },
	{ "speed", speed_show },
	{ "status", status_show },
	{ "tmem", tmem_show },
	{ "util", util_show },
};

static struct proc_dir_entry *node_proc_create(unsigned int id)
{
	struct proc_dir_entry *dir;
	char name[8];
	int i;

	snprintf(name, sizeof(name), "%u", id);
	dir = proc_mkdir(name, nodes_dir);
	if (!dir)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(node_files); i++) {
		if (!proc_create_single_data(node_files[i].name, 0444, dir,
					     node_files[i].show, (void *)(uintptr_t)id)) {
			proc_remove(dir);
			return NULL;
		}
	}
	return dir;
}

static int node_add(unsigned int id, __be32 addr)
{
	struct hpc_node *node;
	int ret;

	lockdep_assert_held(&hpc_nodes_lock);
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	node->id = id;
	node->addr = addr;
	spin_lock_init(&node->lock);
	node->proc = node_proc_create(id);
	if (!node->proc) {
		kfree(node);
		return -ENOMEM;
	}
	ret = xa_insert(&nodes, id, node, GFP_KERNEL);
	if (ret) {
		proc_remove(node->proc);
		kfree(node);
	}
	return ret;
}

static void node_remove(unsigned int id)
{
	struct hpc_node *node;

	lockdep_assert_held(&hpc_nodes_lock);
	node = xa_erase(&nodes, id);
	if (!node)
		return;
	proc_remove(node->proc);
	hpc_transport_forget(id);
	kfree_rcu(node, rcu);
}

/* A node that changes address is a new node to talk to: forget the old one. */
static void node_move(unsigned int id, __be32 addr)
{
	struct hpc_node *node;

	lockdep_assert_held(&hpc_nodes_lock);
	node = xa_load(&nodes, id);
	if (!node)
		return;
	spin_lock(&node->lock);
	node->addr = addr;
	node->stamp = 0;
	memset(&node->info, 0, sizeof(node->info));
	spin_unlock(&node->lock);
	hpc_transport_forget(id);
}

/* This node's id in @map: the one whose address is configured here. */
static unsigned int find_self(const struct hpc_nodemap *map)
{
	unsigned int id;
	__be32 addr;

	for (id = hpc_nodemap_next_id(map, 0); id; id = hpc_nodemap_next_id(map, id)) {
		if (hpc_nodemap_addr_of(map, id, &addr))
			continue;
		if (inet_addr_type(&init_net, addr) == RTN_LOCAL)
			return id;
	}
	return 0;
}

/**
 * hpc_nodes_set_table() - replace the node table (a write to admin/config)
 * @text: the table as text; empty: leave the cluster
 * @len:  its length
 *
 * This node's id (mospe) becomes the id whose address is one of this
 * node's. Nodes that are in both tables at the same address are kept.
 *
 * Return: 0, -EINVAL for a table that is malformed or does not hold this
 * node (the reason goes to the kernel log), or -ENOMEM.
 */
int hpc_nodes_set_table(const char *text, size_t len)
{
	struct hpc_nodemap_error err;
	enum hpc_nodemap_change change;
	struct hpc_nodemap *map, *old;
	unsigned int id, self, failed;
	__be32 addr;
	int ret;

	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	ret = hpc_nodemap_parse(text, len, map, &err);
	if (ret) {
		pr_warn_ratelimited("node table refused: %s\n", err.msg);
		kfree(map);
		return ret;
	}
	self = find_self(map);
	if (map->nr && !self) {
		pr_warn_ratelimited("node table refused: it is well-formatted, but no address of this node is in it\n");
		kfree(map);
		return -EINVAL;
	}
	if (!map->nr) {
		kfree(map);
		map = NULL;
	}

	mutex_lock(&hpc_nodes_lock);
	old = table;
	/* Additions first: they are the only step that can fail. */
	for (id = hpc_nodemap_diff_next(old, map, 0, &change); id;
	     id = hpc_nodemap_diff_next(old, map, id, &change)) {
		if (change != HPC_NODEMAP_ADDED)
			continue;
		hpc_nodemap_addr_of(map, id, &addr);
		ret = node_add(id, addr);
		if (ret)
			goto undo;
	}
	for (id = hpc_nodemap_diff_next(old, map, 0, &change); id;
	     id = hpc_nodemap_diff_next(old, map, id, &change)) {
		if (change == HPC_NODEMAP_REMOVED) {
			node_remove(id);
		} else if (change == HPC_NODEMAP_MOVED) {
			hpc_nodemap_addr_of(map, id, &addr);
			node_move(id, addr);
		}
	}
	table = map;
	WRITE_ONCE(hpc_tunables[HPC_MOSPE].value, self);
	mutex_unlock(&hpc_nodes_lock);
	kfree(old);
	if (self)
		pr_info("node table loaded: %u nodes, this is node %u\n",
			hpc_nodemap_count(map), self);
	else
		pr_info("node table cleared: this node left the cluster\n");
	hpc_transport_update();
	return 0;

undo:
	/* Additions went in increasing id order: take back those before id. */
	for (failed = id, id = hpc_nodemap_diff_next(old, map, 0, &change); id && id < failed;
	     id = hpc_nodemap_diff_next(old, map, id, &change))
		if (change == HPC_NODEMAP_ADDED)
			node_remove(id);
	mutex_unlock(&hpc_nodes_lock);
	kfree(map);
	return ret;
}

/**
 * hpc_nodes_format_table() - the node table as text (a read of admin/config)
 * @buf:  where the text goes
 * @size: its size
 *
 * Return: the length of the text (0: no table), or -ENOSPC.
 */
int hpc_nodes_format_table(char *buf, size_t size)
{
	int ret = 0;

	mutex_lock(&hpc_nodes_lock);
	if (table)
		ret = hpc_nodemap_format(table, buf, size);
	else if (size)
		buf[0] = '\0';
	mutex_unlock(&hpc_nodes_lock);
	return ret;
}

/**
 * hpc_nodes_set_self() - set this node's id (a write to admin/mospe)
 * @id: 0 to leave the cluster, else the id of the table whose address is
 *      one of this node's (the id a table write already chose)
 *
 * Return: 0, or -EINVAL for any other id.
 */
int hpc_nodes_set_self(int id)
{
	struct hpc_node *node;

	mutex_lock(&hpc_nodes_lock);
	node = id ? xa_load(&nodes, id) : NULL;
	if (id && (!node || inet_addr_type(&init_net, node->addr) != RTN_LOCAL)) {
		mutex_unlock(&hpc_nodes_lock);
		return -EINVAL;
	}
	WRITE_ONCE(hpc_tunables[HPC_MOSPE].value, id);
	mutex_unlock(&hpc_nodes_lock);
	hpc_transport_update();
	return 0;
}

/**
 * hpc_nodes_self() - this node's id, 0 if it is in no cluster
 */
unsigned int hpc_nodes_self(void)
{
	return hpc_tunable_get(HPC_MOSPE);
}

/**
 * hpc_node_find() - the node with an id
 * @id: the node id
 *
 * Context: rcu_read_lock() held; the node is valid until it is dropped.
 * Return: the node, or NULL if the table has no such node.
 */
struct hpc_node *hpc_node_find(unsigned int id)
{
	RCU_LOCKDEP_WARN(!rcu_read_lock_held(), "node lookup outside rcu_read_lock()");
	if (!id || id > HPC_NODEMAP_MAX_ID)
		return NULL;
	return xa_load(&nodes, id);
}

/**
 * hpc_nodes_random() - pick other nodes at random, to gossip with
 * @ids: where their ids go
 * @max: how many to pick at most
 *
 * The cost depends on the number of ranges of the table, not of nodes.
 * Return: how many ids were picked (distinct, none of them this node).
 */
int hpc_nodes_random(u16 *ids, unsigned int max)
{
	unsigned int self = hpc_nodes_self(), nr, n = 0, tries, i, k;

	mutex_lock(&hpc_nodes_lock);
	nr = table ? hpc_nodemap_count(table) : 0;
	if (nr > 1 && max > nr - 1)
		max = nr - 1;
	for (tries = 0; nr > 1 && n < max && tries < 4 * max; tries++) {
		unsigned int pick = prandom_u32_max(nr), id = 0;

		for (k = 0; k < table->nr; k++) {
			if (pick < table->range[k].count) {
				id = table->range[k].first + pick;
				break;
			}
			pick -= table->range[k].count;
		}
		if (!id || id == self)
			continue;
		for (i = 0; i < n && ids[i] != id; i++)
			;
		if (i == n)
			ids[n++] = id;
	}
	mutex_unlock(&hpc_nodes_lock);
	return n;
}

/**
 * hpc_node_update() - record newer information about a node
 * @node:  the node (under rcu_read_lock() or hpc_nodes_lock)
 * @info:  what it said
 * @stamp: when it said so (ktime, ms); older information is ignored
 */
void hpc_node_update(struct hpc_node *node, const struct hpc_load_info *info, u64 stamp)
{
	spin_lock(&node->lock);
	if (stamp > node->stamp) {
		node->info = *info;
		node->stamp = stamp;
	}
	spin_unlock(&node->lock);
}

/**
 * hpc_node_get_info() - the newest information about a node
 * @node:  the node (under rcu_read_lock() or hpc_nodes_lock)
 * @info:  where it goes
 * @stamp: where its time stamp goes, or NULL
 *
 * Return: whether anything was ever heard of the node.
 */
bool hpc_node_get_info(struct hpc_node *node, struct hpc_load_info *info, u64 *stamp)
{
	u64 s;

	spin_lock(&node->lock);
	*info = node->info;
	s = node->stamp;
	spin_unlock(&node->lock);
	if (stamp)
		*stamp = s;
	return s != 0;
}

/**
 * hpc_node_is_up() - whether a node has spoken lately
 * @node: the node (under rcu_read_lock() or hpc_nodes_lock)
 */
bool hpc_node_is_up(struct hpc_node *node)
{
	u64 stamp;

	spin_lock(&node->lock);
	stamp = node->stamp;
	spin_unlock(&node->lock);
	return stamp && hpc_now_ms() - stamp < HPC_NODE_DOWN_MS;
}

/**
 * hpc_node_lost() - whether a node left the table or was silent too long
 * @id: the node
 *
 * Return: true if @id is not in the table, was never heard of, or said
 * nothing for HPC_NODE_LOST_MS.
 */
bool hpc_node_lost(unsigned int id)
{
	struct hpc_load_info info;
	struct hpc_node *node;
	u64 stamp = 0;

	rcu_read_lock();
	node = hpc_node_find(id);
	if (node)
		hpc_node_get_info(node, &info, &stamp);
	rcu_read_unlock();
	return !node || !stamp || hpc_now_ms() - stamp > HPC_NODE_LOST_MS;
}

int __init hpc_nodes_init(struct proc_dir_entry *hpc_root)
{
	nodes_dir = proc_mkdir("nodes", hpc_root);
	return nodes_dir ? 0 : -ENOMEM;
}
