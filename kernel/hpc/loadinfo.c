// SPDX-License-Identifier: GPL-2.0-only
/*
 * This node's load information, measured here and spread by gossip.
 *
 * A kernel thread samples the run queue every HPC_LOAD_SAMPLE_MS into an
 * exponential average and, every HPC_GOSSIP_MS, records this node's figures
 * (load, speed, CPUs, memory, utilisation, flags) as the information of its
 * own node and sends them in a LOAD message to HPC_GOSSIP_FANOUT nodes
 * picked at random. The message also carries a window of the entries this
 * node heard most recently about others, with their age, so information
 * spreads through the cluster while each node sends a fixed amount per
 * interval however large the cluster is. A receiver keeps an entry only if
 * it is newer than what it has; a node whose newest entry grows older than
 * HPC_NODE_DOWN_MS is shown down (node.c).
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/cpumask.h>
#include <linux/kernel_stat.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/stat.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/tick.h>
#include <linux/timekeeping.h>

#include <hpc/protocol.h>

#include "loadinfo.h"
#include "node.h"
#include "transport.h"
#include "tunable.h"

/* Run-queue average, in 1/1024ths of a task; new samples weigh 1/4. */
#define RQ_SHIFT	10

static struct task_struct *loadd;
static unsigned long rq_avg;

/* The ids whose information changed most recently, newest last. */
static DEFINE_SPINLOCK(recent_lock);
static u16 recent[2 * HPC_WIRE_MAX_LOAD_ENTRIES];
static unsigned int recent_head;

static void recent_push(unsigned int id)
{
	spin_lock(&recent_lock);
	recent[recent_head++ % ARRAY_SIZE(recent)] = id;
	spin_unlock(&recent_lock);
}

static void sample_run_queue(void)
{
	/* This thread is running while it counts: leave it out. */
	unsigned long running = nr_running() - 1;

	rq_avg = (3 * rq_avg + (running << RQ_SHIFT)) / 4;
}

/* Idle time of all CPUs so far, in microseconds. */
static u64 idle_us(void)
{
	u64 sum = 0, t;
	int cpu;

	for_each_online_cpu(cpu) {
		t = get_cpu_idle_time_us(cpu, NULL);
		if (t == (u64)-1)
			t = div_u64(kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE], NSEC_PER_USEC);
		sum += t;
	}
	return sum;
}

static u16 status_flags(void)
{
	u16 s = HPC_WIRE_LOAD_UP;

	if (hpc_tunable_get(HPC_STAY))
		s |= HPC_WIRE_LOAD_STAY;
	if (hpc_tunable_get(HPC_LSTAY))
		s |= HPC_WIRE_LOAD_LSTAY;
	if (hpc_tunable_get(HPC_BLOCK))
		s |= HPC_WIRE_LOAD_BLOCK;
	if (hpc_tunable_get(HPC_QUIET))
		s |= HPC_WIRE_LOAD_QUIET;
	if (hpc_tunable_get(HPC_NOMFS))
		s |= HPC_WIRE_LOAD_NOMFS;
	return s;
}

/* This node's figures, utilisation over the time since the last call. */
static void measure(struct hpc_load_info *info)
{
	static u64 last_idle, last_time;
	unsigned int cpus = num_online_cpus();
	u64 idle = idle_us(), time = ktime_to_us(ktime_get()), busy_pct = 0;
	unsigned int speed = hpc_tunable_get(HPC_SPEED);
	struct sysinfo si;

	if (last_time && time > last_time) {
		u64 span = (time - last_time) * cpus, idled = idle - last_idle;

		busy_pct = idled >= span ? 0 : div64_u64((span - idled) * 100, span);
	}
	last_idle = idle;
	last_time = time;

	si_meminfo(&si);
	info->mem_total = (u64)si.totalram * si.mem_unit;
	info->mem_free = (u64)si.freeram * si.mem_unit;
	info->mem_avail = min_t(u64, (u64)si_mem_available() << PAGE_SHIFT, info->mem_total);
	info->cpus = min(cpus, 65535U);
	info->speed = speed;
	info->util = busy_pct;
	/* 100: one reference-speed CPU kept busy. */
	info->load = div64_u64((u64)rq_avg * 100 * HPC_REFERENCE_SPEED,
			       (u64)speed * cpus << RQ_SHIFT);
	info->status = status_flags();
}

static void entry_from_info(struct hpc_wire_load_entry *e, unsigned int id,
			    const struct hpc_load_info *info, u64 age)
{
	e->node = id;
	e->status = info->status;
	e->age_ms = min_t(u64, age, U32_MAX);
	e->load = info->load;
	e->speed = info->speed;
	e->cpus = info->cpus;
	e->util = info->util;
	e->mem_total = info->mem_total;
	e->mem_free = info->mem_free;
	e->mem_avail = info->mem_avail;
}

/* Our own entry, then the freshest entries we heard about others. */
static void build_message(struct hpc_wire_load *msg, unsigned int self,
			  const struct hpc_load_info *mine)
{
	u16 ids[ARRAY_SIZE(recent)];
	unsigned int n, i, j, head;
	u64 now = hpc_now_ms();

	entry_from_info(&msg->entry[0], self, mine, 0);
	msg->count = 1;

	spin_lock(&recent_lock);
	head = recent_head;
	n = min_t(unsigned int, head, ARRAY_SIZE(recent));
	for (i = 0; i < n; i++)
		ids[i] = recent[(head - 1 - i) % ARRAY_SIZE(recent)];
	spin_unlock(&recent_lock);

	for (i = 0; i < n && msg->count < HPC_WIRE_MAX_LOAD_ENTRIES; i++) {
		struct hpc_load_info info;
		struct hpc_node *node;
		u64 stamp = 0;
		bool known = false;

		for (j = 0; j < msg->count; j++)
			if (msg->entry[j].node == ids[i])
				break;
		if (j < msg->count || ids[i] == self)
			continue;
		rcu_read_lock();
		node = hpc_node_find(ids[i]);
		if (node)
			known = hpc_node_get_info(node, &info, &stamp);
		rcu_read_unlock();
		/* Never spread what is already too old to show a node up. */
		if (!known || now - stamp >= HPC_NODE_DOWN_MS)
			continue;
		entry_from_info(&msg->entry[msg->count++], ids[i], &info, now - stamp);
	}
}

/**
 * hpc_loadinfo_receive() - take in a LOAD message
 * @from: the node that sent it, authenticated by the transport
 * @msg:  the message, already checked by the decoder
 */
void hpc_loadinfo_receive(unsigned int from, const struct hpc_wire_load *msg)
{
	unsigned int self = hpc_nodes_self(), i;
	u64 now = hpc_now_ms();

	for (i = 0; i < msg->count; i++) {
		const struct hpc_wire_load_entry *e = &msg->entry[i];
		struct hpc_load_info info = {
			.mem_total = e->mem_total, .mem_free = e->mem_free,
			.mem_avail = e->mem_avail, .load = e->load, .speed = e->speed,
			.cpus = e->cpus, .util = e->util, .status = e->status,
		};
		struct hpc_node *node;
		u64 stamp;

		/* Nobody knows this node better than itself. */
		if (e->node == self || e->age_ms >= HPC_NODE_DOWN_MS || e->age_ms >= now)
			continue;
		stamp = now - e->age_ms;
		rcu_read_lock();
		node = hpc_node_find(e->node);
		if (node)
			hpc_node_update(node, &info, stamp);
		rcu_read_unlock();
		if (node)
			recent_push(e->node);
	}
}

static void gossip(const struct hpc_load_info *mine, unsigned int self)
{
	union hpc_wire_body *b;
	u16 peers[HPC_GOSSIP_FANOUT];
	int n, i;

	if (!hpc_transport_running() || hpc_tunable_get(HPC_QUIET))
		return;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return;
	build_message(&b->load, self, mine);
	n = hpc_nodes_random(peers, ARRAY_SIZE(peers));
	for (i = 0; i < n; i++)
		hpc_transport_send(peers[i], HPC_WIRE_LOAD, b);
	kfree(b);
}

static int loadd_fn(void *unused)
{
	unsigned long next_gossip = jiffies;

	while (!kthread_should_stop()) {
		sample_run_queue();
		if (time_after_eq(jiffies, next_gossip)) {
			unsigned int self = hpc_nodes_self();
			struct hpc_load_info mine;
			struct hpc_node *node;

			next_gossip = jiffies + msecs_to_jiffies(HPC_GOSSIP_MS);
			measure(&mine);
			rcu_read_lock();
			node = hpc_node_find(self);
			if (node)
				hpc_node_update(node, &mine, hpc_now_ms());
			rcu_read_unlock();
			hpc_transport_drop_lost();
			if (self)
				gossip(&mine, self);
		}
		schedule_timeout_interruptible(msecs_to_jiffies(HPC_LOAD_SAMPLE_MS));
	}
	return 0;
}

int __init hpc_loadinfo_init(void)
{
	loadd = kthread_run(loadd_fn, NULL, "hpc-loadd");
	return PTR_ERR_OR_ZERO(loadd);
}
