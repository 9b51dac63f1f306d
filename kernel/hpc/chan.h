/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The channel between the two halves of a migrated process: the deputy at
 * home and the remote on the node where the process runs.
 */
#ifndef _HPC_CHAN_H
#define _HPC_CHAN_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

struct task_struct;
struct hpc_wire_mig;

/**
 * enum hpc_chan_kind - which end of which channel
 * @HPC_CHAN_DEPUTY: home's end, to the node the process runs on
 * @HPC_CHAN_REMOTE: the guest's end, to home
 * @HPC_CHAN_PASS:   either end of a move from one node straight to
 *                   another: the image travels on it, nothing acts
 */
enum hpc_chan_kind {
	HPC_CHAN_DEPUTY,
	HPC_CHAN_REMOTE,
	HPC_CHAN_PASS,
};

/**
 * struct hpc_msg - a migration message received for a channel
 * @link: in the channel's queue
 * @data: its payload, inside @buf
 * @buf:  the received body, freed with the message
 * @len:  bytes at @data
 * @arg:  the head's arg
 * @type: %HPC_WIRE_MIG_*
 */
struct hpc_msg {
	struct list_head link;
	const u8 *data;
	void *buf;
	u32 len;
	u32 arg;
	u8 type;
};

/**
 * struct hpc_chan - one end of a migrated process's channel
 * @ref:    references: the table of channels holds one, the task another
 * @link:   in the table of channels, under its lock
 * @task:   the local half (a reference is held)
 * @wq:     where the local half waits for messages
 * @lock:   protects @msgs, @dead, @recall and @go
 * @msgs:   received messages not taken yet
 * @pid:    the process id at home
 * @epoch:  the migration this channel serves
 * @peer:   the node of the other half
 * @kind:   &enum hpc_chan_kind
 * @dead:   0, or the HPC_MIG_WHY_* that ended the channel
 * @recall: for a remote: home asked it to come home, with this reason
 * @go:     for a remote: home asked it to move on to this node (GOTO)
 * @go_epoch: the epoch of that move
 * @poked:  hpc_chan_wake() was called and no wait has seen it yet
 * @since:  when the channel was made (jiffies), for /proc/hpc/remote
 */
struct hpc_chan {
	struct kref ref;
	struct list_head link;
	struct task_struct *task;
	wait_queue_head_t wq;
	spinlock_t lock;		/* protects msgs, dead, recall, go, poked */
	struct list_head msgs;
	u32 pid;
	u32 epoch;
	u16 peer;
	u8 kind;
	int dead;
	int recall;
	u16 go;
	u32 go_epoch;
	bool poked;
	unsigned long since;
};

struct hpc_chan *hpc_chan_open(u16 peer, u32 pid, u32 epoch, enum hpc_chan_kind kind,
			       struct task_struct *task);
u32 hpc_chan_new_epoch(void);
void hpc_chan_close(struct hpc_chan *chan);
void hpc_chan_put(struct hpc_chan *chan);

int hpc_chan_send(struct hpc_chan *chan, u8 type, u32 arg, const void *data, u32 len);
int hpc_chan_send_to(u16 node, u8 type, u32 pid, u32 epoch, u32 arg);
struct hpc_msg *hpc_chan_wait(struct hpc_chan *chan, unsigned int state, long timeout);
long hpc_chan_wait_reply(struct hpc_chan *chan, u8 type, long timeout);
void hpc_msg_free(struct hpc_msg *msg);
void hpc_chan_kill(struct hpc_chan *chan, int why);
void hpc_chan_wake(struct hpc_chan *chan);

void hpc_chan_receive(u16 peer, u8 type, const struct hpc_wire_mig *m, void *buf);
void hpc_chan_peer_lost(u16 peer);

int hpc_chan_for_each(enum hpc_chan_kind kind, int (*fn)(struct hpc_chan *chan, void *arg),
		      void *arg);

int hpc_chan_init(void);

#endif /* _HPC_CHAN_H */
