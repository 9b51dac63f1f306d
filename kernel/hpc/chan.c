// SPDX-License-Identifier: GPL-2.0-only
/*
 * Channels: how the two halves of a migrated process find each other's
 * messages.
 *
 * A migrated process is named in the cluster by its home node and its pid
 * there. Each half keeps a channel with the node of the other half (the
 * peer), that pid and the epoch of the migration; while the process passes
 * from one node straight to another, those two nodes have a pass channel
 * for its image (kind HPC_CHAN_PASS). The transport's receiver
 * threads hand every migration message to hpc_chan_receive(), which queues
 * it on the channel it belongs to; the half waits for it with
 * hpc_chan_wait(). Nobody ever waits on the network itself, so a signal can
 * interrupt a wait without losing a message, and a receiver thread never
 * blocks on a process.
 *
 * A few messages act at once instead of being queued: OFFER starts a
 * remote (remote.c), RECALL flags a remote to come home at its next return
 * to user mode, GOTO to pass itself on to another node, KILL ends a remote
 * or a pass, and GONE ends a deputy's wait.
 *
 * Failure: a watchdog looks at the channels every second. When the peer of
 * a channel is lost (no load information for HPC_NODE_LOST_MS), the channel
 * dies: a deputy waiting on it wakes up and ends the process, a remote is
 * killed, a pass fails and the process stays where it was. A failed send
 * kills the channel too, as the message is lost.
 *
 * Locking: chans_lock (a spinlock) protects the table; each channel's lock
 * protects its queue and state. chans_lock is taken before a channel's lock
 * and before a node's lock, never after.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/resume_user_mode.h>
#include <linux/workqueue.h>
#include <asm/unaligned.h>

#include <hpc/protocol.h>

#include "chan.h"
#include "node.h"
#include "remote.h"
#include "transport.h"
#include "wire.h"

/* How often a send is retried, every 500 ms, while the peer is avoided. */
#define SEND_TRIES	14

static DEFINE_SPINLOCK(chans_lock);
static LIST_HEAD(chans);

static void chan_release(struct kref *ref)
{
	struct hpc_chan *chan = container_of(ref, struct hpc_chan, ref);
	struct hpc_msg *msg, *next;

	list_for_each_entry_safe(msg, next, &chan->msgs, link)
		hpc_msg_free(msg);
	put_task_struct(chan->task);
	kfree(chan);
}

/**
 * hpc_chan_put() - drop a reference to a channel
 * @chan: the channel
 */
void hpc_chan_put(struct hpc_chan *chan)
{
	kref_put(&chan->ref, chan_release);
}

/*
 * A channel of a process with a node, with a reference; under chans_lock.
 * Epochs are random, so (peer, pid, epoch) names one channel even where a
 * process passing through has the pid of another one with the same peer.
 */
static struct hpc_chan *chan_find_locked(u16 peer, u32 pid, u32 epoch)
{
	struct hpc_chan *chan;

	lockdep_assert_held(&chans_lock);
	list_for_each_entry(chan, &chans, link)
		if (chan->peer == peer && chan->pid == pid && chan->epoch == epoch) {
			kref_get(&chan->ref);
			return chan;
		}
	return NULL;
}

/**
 * hpc_chan_new_epoch() - the number of a new migration
 *
 * Return: a random number other than 0.
 */
u32 hpc_chan_new_epoch(void)
{
	return get_random_u32() ?: 1;
}

/**
 * hpc_chan_open() - make and register a channel
 * @peer:  the node of the other half
 * @pid:   the process id at home
 * @epoch: the migration
 * @kind:  which end of which channel
 * @task:  the local half
 *
 * A process may have more than one channel with a node for a while (a
 * remote on its way out when home offers the process again, a pass): the
 * epoch tells them apart.
 *
 * Return: the channel with two references (the table's and the caller's),
 * or ERR_PTR(-ENOMEM).
 */
struct hpc_chan *hpc_chan_open(u16 peer, u32 pid, u32 epoch, enum hpc_chan_kind kind,
			       struct task_struct *task)
{
	struct hpc_chan *chan;

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return ERR_PTR(-ENOMEM);
	kref_init(&chan->ref);
	kref_get(&chan->ref);
	init_waitqueue_head(&chan->wq);
	spin_lock_init(&chan->lock);
	INIT_LIST_HEAD(&chan->msgs);
	chan->peer = peer;
	chan->pid = pid;
	chan->epoch = epoch;
	chan->kind = kind;
	chan->since = jiffies;
	get_task_struct(task);
	chan->task = task;

	spin_lock(&chans_lock);
	list_add(&chan->link, &chans);
	spin_unlock(&chans_lock);
	return chan;
}

/**
 * hpc_chan_close() - take a channel out of the table and let it go
 * @chan: the channel, or NULL; the caller's reference is dropped too
 *
 * Messages for the process that arrive later are dropped.
 */
void hpc_chan_close(struct hpc_chan *chan)
{
	bool linked;

	if (!chan)
		return;
	spin_lock(&chans_lock);
	linked = !list_empty(&chan->link);
	list_del_init(&chan->link);
	spin_unlock(&chans_lock);
	if (linked)
		hpc_chan_put(chan);
	hpc_chan_put(chan);
}

void hpc_msg_free(struct hpc_msg *msg)
{
	kvfree(msg->buf);
	kfree(msg);
}

/**
 * hpc_chan_kill() - end a channel
 * @chan: the channel
 * @why:  HPC_MIG_WHY_*
 *
 * A waiting half wakes up and sees the channel dead; a remote is killed
 * (not the ends of a pass: the process goes on where it was).
 */
void hpc_chan_kill(struct hpc_chan *chan, int why)
{
	bool first;

	spin_lock(&chan->lock);
	first = !chan->dead;
	if (first)
		chan->dead = why;
	spin_unlock(&chan->lock);
	if (first && chan->kind == HPC_CHAN_REMOTE)
		send_sig(SIGKILL, chan->task, 1);
	wake_up(&chan->wq);
}

/**
 * hpc_chan_wake() - wake the half waiting on a channel without a message
 * @chan: the channel
 *
 * Its hpc_chan_wait() returns -EAGAIN once; used when a request (goto,
 * bring) changed what the half should do.
 */
void hpc_chan_wake(struct hpc_chan *chan)
{
	spin_lock(&chan->lock);
	chan->poked = true;
	spin_unlock(&chan->lock);
	wake_up(&chan->wq);
}

/*
 * Send with every signal but SIGKILL held back: a process that sends its
 * image or a system call must not lose the message, and the connection
 * with it, because a signal arrived (sk_stream_wait_memory() gives up on
 * any pending signal). The signal is delivered afterwards, as usual.
 *
 * The transport leaves a node alone for a while after a failed connect
 * (-EAGAIN), although the node may well be up by now: try again for as
 * long rather than lose the message.
 */
static int send_quietly(u16 node, u8 type, const union hpc_wire_body *b)
{
	bool user = !(current->flags & PF_KTHREAD);
	sigset_t all, old;
	int ret, tries = 0;

	if (user) {
		siginitsetinv(&all, sigmask(SIGKILL));
		sigprocmask(SIG_SETMASK, &all, &old);
	}
	for (;;) {
		ret = hpc_transport_send(node, type, b);
		if (ret != -EAGAIN || ++tries > SEND_TRIES || fatal_signal_pending(current))
			break;
		msleep(500);
	}
	if (user)
		sigprocmask(SIG_SETMASK, &old, NULL);
	return ret;
}

/**
 * hpc_chan_send() - send a message to the other half
 * @chan: the channel
 * @type: %HPC_WIRE_MIG_*
 * @arg:  the head's arg
 * @data: the payload
 * @len:  its length
 *
 * A message that cannot be sent is lost, so the channel dies with it.
 *
 * Return: 0 or the transport's error.
 */
int hpc_chan_send(struct hpc_chan *chan, u8 type, u32 arg, const void *data, u32 len)
{
	union hpc_wire_body *b;
	int ret;

	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->mig.pid = chan->pid;
	b->mig.epoch = chan->epoch;
	b->mig.arg = arg;
	b->mig.data = data;
	b->mig.len = len;
	ret = send_quietly(chan->peer, type, b);
	kfree(b);
	if (ret) {
		pr_warn_ratelimited("process %u: cannot reach node %u (%d)\n",
				    chan->pid, chan->peer, ret);
		hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
	}
	return ret;
}

/**
 * hpc_chan_send_to() - send a message with no payload outside any channel
 * @node:  the receiver
 * @type:  %HPC_WIRE_MIG_*
 * @pid:   the process id at home
 * @epoch: the migration
 * @arg:   the head's arg
 *
 * For answers to a node whose request had no channel (a refused OFFER).
 *
 * Return: 0 or the transport's error.
 */
int hpc_chan_send_to(u16 node, u8 type, u32 pid, u32 epoch, u32 arg)
{
	union hpc_wire_body *b;
	int ret;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->mig.pid = pid;
	b->mig.epoch = epoch;
	b->mig.arg = arg;
	ret = send_quietly(node, type, b);
	kfree(b);
	return ret;
}

/**
 * hpc_chan_wait() - take the next message of a channel
 * @chan:    the channel
 * @state:   the task state to sleep in: TASK_INTERRUPTIBLE to wake up for
 *           signals, TASK_KILLABLE | TASK_NOLOAD for fatal ones only
 * @timeout: in jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * Return: the message, to be freed with hpc_msg_free(); or ERR_PTR of
 * -ECONNRESET when the channel is dead, -EINTR when a signal (as @state
 * allows) is pending, -EAGAIN after hpc_chan_wake(), -ETIMEDOUT.
 */
struct hpc_msg *hpc_chan_wait(struct hpc_chan *chan, unsigned int state, long timeout)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	struct hpc_msg *msg;

	add_wait_queue(&chan->wq, &wait);
	for (;;) {
		spin_lock(&chan->lock);
		msg = list_first_entry_or_null(&chan->msgs, struct hpc_msg, link);
		if (msg) {
			list_del(&msg->link);
		} else if (chan->dead) {
			msg = ERR_PTR(-ECONNRESET);
		} else if (chan->poked) {
			chan->poked = false;
			msg = ERR_PTR(-EAGAIN);
		}
		spin_unlock(&chan->lock);
		if (msg)
			break;
		if (signal_pending_state(state, current)) {
			msg = ERR_PTR(-EINTR);
			break;
		}
		if (!timeout) {
			msg = ERR_PTR(-ETIMEDOUT);
			break;
		}
		timeout = wait_woken(&wait, state, timeout);
	}
	remove_wait_queue(&chan->wq, &wait);
	return msg;
}

/**
 * hpc_chan_wait_reply() - wait for the answer of the other end
 * @chan:    the channel
 * @type:    the %HPC_WIRE_MIG_* expected
 * @timeout: in jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * Waits as a process that only a fatal signal may interrupt.
 *
 * Return: the answer's arg (0 or an HPC_MIG_E_* code), -EPROTO for a
 * message of another type, or hpc_chan_wait()'s error.
 */
long hpc_chan_wait_reply(struct hpc_chan *chan, u8 type, long timeout)
{
	struct hpc_msg *msg;
	long ret;

	msg = hpc_chan_wait(chan, TASK_KILLABLE | TASK_NOLOAD, timeout);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	ret = msg->type == type ? msg->arg : -EPROTO;
	hpc_msg_free(msg);
	return ret;
}

/* A message that acts on the channel at once; false if it is to be queued. */
static bool chan_act(struct hpc_chan *chan, u8 type, const struct hpc_wire_mig *m)
{
	switch (type) {
	case HPC_WIRE_MIG_RECALL:
		if (chan->kind != HPC_CHAN_REMOTE)
			return false;
		spin_lock(&chan->lock);
		chan->recall = m->arg ?: HPC_MIG_WHY_ASKED;
		spin_unlock(&chan->lock);
		set_notify_resume(chan->task);
		wake_up(&chan->wq);
		return true;
	case HPC_WIRE_MIG_GOTO:
		if (chan->kind != HPC_CHAN_REMOTE || m->len != 4 || !m->arg ||
		    m->arg > U16_MAX)
			return false;
		spin_lock(&chan->lock);
		chan->go = m->arg;
		chan->go_epoch = get_unaligned_be32(m->data);
		spin_unlock(&chan->lock);
		set_notify_resume(chan->task);
		wake_up(&chan->wq);
		return true;
	case HPC_WIRE_MIG_KILL:
		if (chan->kind == HPC_CHAN_DEPUTY)
			return false;
		hpc_chan_kill(chan, m->arg ?: HPC_MIG_WHY_EXIT);
		return true;
	case HPC_WIRE_MIG_GONE:
		if (chan->kind != HPC_CHAN_DEPUTY)
			return false;
		hpc_chan_kill(chan, m->arg ?: HPC_MIG_WHY_KILLED);
		return true;
	}
	return false;
}

/**
 * hpc_chan_receive() - a migration message arrived
 * @peer: the node it came from
 * @type: %HPC_WIRE_MIG_*
 * @m:    the decoded message, pointing into @buf
 * @buf:  the received body; this function owns and frees it
 *
 * Called by the transport's receiver threads. A message for no channel,
 * or of another epoch than the channel's, is dropped.
 */
void hpc_chan_receive(u16 peer, u8 type, const struct hpc_wire_mig *m, void *buf)
{
	struct hpc_chan *chan;
	struct hpc_msg *msg;

	if (type == HPC_WIRE_MIG_OFFER) {
		hpc_remote_offer(peer, m->pid, m->epoch, m->arg);
		kvfree(buf);
		return;
	}
	spin_lock(&chans_lock);
	chan = chan_find_locked(peer, m->pid, m->epoch);
	spin_unlock(&chans_lock);
	if (!chan) {
		pr_debug("message %#x from node %u for process %u dropped: no channel\n",
			 type, peer, m->pid);
		goto drop;
	}
	if (chan_act(chan, type, m))
		goto drop;

	msg = kmalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg) {
		hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		goto drop;
	}
	msg->type = type;
	msg->arg = m->arg;
	msg->data = m->data;
	msg->len = m->len;
	msg->buf = buf;
	spin_lock(&chan->lock);
	list_add_tail(&msg->link, &chan->msgs);
	spin_unlock(&chan->lock);
	wake_up(&chan->wq);
	hpc_chan_put(chan);
	return;
drop:
	if (chan)
		hpc_chan_put(chan);
	kvfree(buf);
}

/**
 * hpc_chan_for_each() - call a function for each channel of one side
 * @kind: the deputies' or the remotes' channels
 * @fn:   called under a spinlock: must not sleep; a nonzero return stops
 * @arg:  for @fn
 *
 * Return: what the last call of @fn returned, or 0.
 */
int hpc_chan_for_each(enum hpc_chan_kind kind, int (*fn)(struct hpc_chan *chan, void *arg),
		      void *arg)
{
	struct hpc_chan *chan;
	int ret = 0;

	spin_lock(&chans_lock);
	list_for_each_entry(chan, &chans, link) {
		if (chan->kind != kind)
			continue;
		ret = fn(chan, arg);
		if (ret)
			break;
	}
	spin_unlock(&chans_lock);
	return ret;
}

/**
 * hpc_chan_peer_lost() - end every channel with a node
 * @peer: the node
 */
void hpc_chan_peer_lost(u16 peer)
{
	struct hpc_chan *chan;

	spin_lock(&chans_lock);
	list_for_each_entry(chan, &chans, link)
		if (chan->peer == peer && !chan->dead) {
			pr_warn("process %u: node %u is lost\n", chan->pid, peer);
			hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		}
	spin_unlock(&chans_lock);
}

/* Give a new channel this long before its peer can be declared lost. */
#define WATCH_GRACE	msecs_to_jiffies(HPC_NODE_LOST_MS)

static void watchdog_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(watchdog, watchdog_fn);

static void watchdog_fn(struct work_struct *work)
{
	struct hpc_chan *chan;
	bool idle;

	spin_lock(&chans_lock);
	idle = list_empty(&chans);
	list_for_each_entry(chan, &chans, link) {
		if (chan->dead || time_before(jiffies, chan->since + WATCH_GRACE))
			continue;
		if (hpc_node_lost(chan->peer)) {
			pr_warn("process %u: node %u is down: ending %s\n", chan->pid,
				chan->peer, chan->kind == HPC_CHAN_DEPUTY ? "the process" :
				chan->kind == HPC_CHAN_REMOTE ? "the guest" : "its move");
			hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		}
	}
	spin_unlock(&chans_lock);
	schedule_delayed_work(&watchdog, idle ? 2 * HZ : HZ);
}

int hpc_chan_init(void)
{
	schedule_delayed_work(&watchdog, HZ);
	return 0;
}
