// SPDX-License-Identifier: GPL-2.0-only
/*
 * Home's side of migration: a process leaves, its task stays behind as the
 * deputy, and one day the process comes back.
 *
 * A request (/proc/PID/goto, bring) stores the node in hpc_task.want and
 * sets TIF_NOTIFY_RESUME. The process acts on it itself, in
 * hpc_home_user_return(), on its way back to user mode: signals have been
 * delivered and any restart fixed up, so its registers are exactly what
 * user mode would see. There it offers itself to the node, sends its image
 * (image.c) and, once the node has installed it, empties its mm and becomes
 * the deputy: deputy_serve() does not return while the process is away.
 *
 * The deputy makes the system calls the remote forwards (systab.c), in its
 * own context, so files, pipes, sockets, the terminal, credentials, the
 * parent and the children are simply those of this task. Signals too are
 * this task's: one that arrives wakes the deputy, which calls the process
 * home (RECALL); back home, the loop delivers it natively, with the restart
 * rules and handlers of home. Then the process goes back to where goto
 * sent it (hpc_task.target), once its handlers have run. A call that
 * cannot be forwarded takes it home for that call only: it goes back at
 * the next system call.
 *
 * A process away that is sent to a third node does not come home on the
 * way: the deputy has the new node accept it, then tells the node it runs
 * on to pass it on (pass_on()); the image goes from node to node, and the
 * deputy switches to the new channel when the old node says MOVED.
 *
 * If the remote or its node is lost, the process is killed with SIGKILL
 * and the reason logged: its memory was there.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/entry-common.h>
#include <linux/resume_user_mode.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <asm/syscall.h>
#include <asm/unaligned.h>

#include <hpc/protocol.h>

#include "chan.h"
#include "image.h"
#include "node.h"
#include "systab.h"
#include "task.h"

/* How long a node has to answer an offer, and to install an image. */
#define ACCEPT_TIMEOUT		(10 * HZ)
#define DONE_TIMEOUT		(120 * HZ)

static const char *const mig_errors[] = {
	[HPC_MIG_E_BLOCKED] = "it accepts no guests",
	[HPC_MIG_E_NOMEM] = "it has no memory for the process",
	[HPC_MIG_E_IMAGE] = "it refused the process image",
	[HPC_MIG_E_ABI] = "its kernel or CPU differs",
	[HPC_MIG_E_BUSY] = "it already has the process",
	[HPC_MIG_E_PASS] = "the image did not get there",
};

static const char *const mig_whys[] = {
	[HPC_MIG_WHY_ASKED] = "asked to",
	[HPC_MIG_WHY_SIGNAL] = "a signal",
	[HPC_MIG_WHY_SYSCALL] = "a system call",
	[HPC_MIG_WHY_FAULT] = "a fault",
	[HPC_MIG_WHY_EXIT] = "it exited",
	[HPC_MIG_WHY_KILLED] = "it was killed there",
	[HPC_MIG_WHY_ERROR] = "its node or link failed",
};

static const char *mig_error(u32 e)
{
	return e < ARRAY_SIZE(mig_errors) && mig_errors[e] ? mig_errors[e] : "unknown reason";
}

static const char *mig_why(u32 why)
{
	return why < ARRAY_SIZE(mig_whys) && mig_whys[why] ? mig_whys[why] : "unknown reason";
}

static bool node_up(unsigned int id)
{
	struct hpc_node *node;
	bool up;

	rcu_read_lock();
	node = hpc_node_find(id);
	up = node && hpc_node_is_up(node);
	rcu_read_unlock();
	return up;
}

/**
 * hpc_request_move() - ask a process to move (goto, migrate)
 * @p:    the process
 * @node: the node, or 0 (or this node's id) for home
 *
 * The process moves at its next return to user mode, or when its current
 * system call ends.
 *
 * Return: 0; -EINVAL if the node is not in the table or is down, -EBUSY
 * if the process cannot move (cantmove says why), -EPERM for a guest.
 */
int hpc_request_move(struct task_struct *p, int node)
{
	struct hpc_task *t = p->hpc;
	char buf[HPC_WHY_SIZE];

	if (t->role == HPC_ROLE_REMOTE)
		return -EPERM;
	if (node == hpc_nodes_self())
		node = 0;
	if (node) {
		if (!hpc_nodes_self() || !node_up(node))
			return -EINVAL;
		if (hpc_task_cantmove(p, buf, sizeof(buf)))
			return -EBUSY;
	}
	t->why[0] = 0;
	clear_bit(HPC_T_RETURN, &t->flags);
	WRITE_ONCE(t->target, node);
	WRITE_ONCE(t->want, node);
	spin_lock(&t->lock);
	if (t->chan)
		hpc_chan_wake(t->chan);
	spin_unlock(&t->lock);
	set_notify_resume(p);
	return 0;
}

static int bring_one(struct hpc_chan *chan, void *unused)
{
	struct hpc_task *t = chan->task->hpc;

	clear_bit(HPC_T_RETURN, &t->flags);
	WRITE_ONCE(t->target, 0);
	WRITE_ONCE(t->want, 0);
	hpc_chan_wake(chan);
	return 0;
}

/**
 * hpc_bring_all() - call every process of this node home (admin/bring)
 *
 * Return: 0.
 */
int hpc_bring_all(void)
{
	return hpc_chan_for_each(HPC_CHAN_DEPUTY, bring_one, NULL);
}

/* Does a request want the process home? (To another node: pass_on().) */
static bool want_home(struct hpc_task *t)
{
	return READ_ONCE(t->want) == 0;
}

/* Does a request want the process somewhere else than where it is? */
static bool want_elsewhere(struct hpc_task *t)
{
	int want = READ_ONCE(t->want);

	return want != HPC_WANT_NONE && want != t->where;
}

static void set_chan(struct hpc_task *t, struct hpc_chan *chan, int role)
{
	spin_lock(&t->lock);
	t->chan = chan;
	t->role = role;
	spin_unlock(&t->lock);
}

/* A move on to another node (pass_on()) is over or off: leave its channel. */
static void drop_next(struct hpc_task *t)
{
	struct hpc_chan *next = t->next;

	if (!next)
		return;
	t->next = NULL;
	/* The node may have started a remote that waits for the image. */
	if (!READ_ONCE(next->dead))
		hpc_chan_send(next, HPC_WIRE_MIG_KILL, HPC_MIG_WHY_ERROR, NULL, 0);
	hpc_chan_close(next);
}

/* A move did not happen: the process stays where it is, saying why. */
static void move_failed(struct hpc_task *t, unsigned int node, const char *why)
{
	snprintf(t->why, sizeof(t->why), "node %u: %s", node, why);
	if (t->where)
		pr_info("process %d (%s) stays on node %u: %s\n", task_tgid_nr(current),
			current->comm, t->where, t->why);
	else
		pr_info("process %d (%s) stays: %s\n", task_tgid_nr(current),
			current->comm, t->why);
	WRITE_ONCE(t->target, t->where);
	drop_next(t);
}

/*
 * Move the process from the node it runs on straight to another one: the
 * new node accepts it, then the old one is told to pass it on (GOTO). The
 * deputy goes on serving the old node until it answers MOVED.
 */
static void pass_on(struct hpc_task *t, struct hpc_chan *chan, unsigned int node)
{
	char buf[HPC_WHY_SIZE];
	struct hpc_chan *next;
	u8 epoch[4];
	long ret;

	next = hpc_chan_open(node, task_tgid_nr(current), hpc_chan_new_epoch(),
			     HPC_CHAN_DEPUTY, current);
	if (IS_ERR(next)) {
		move_failed(t, node, "no channel");
		return;
	}
	t->next = next;
	ret = hpc_chan_send(next, HPC_WIRE_MIG_OFFER, chan->peer, NULL, 0);
	if (!ret)
		ret = hpc_chan_wait_reply(next, HPC_WIRE_MIG_ACCEPT, ACCEPT_TIMEOUT);
	if (ret) {
		snprintf(buf, sizeof(buf), "no answer (%ld)", ret);
		move_failed(t, node, ret > 0 ? mig_error(ret) : buf);
		return;
	}
	put_unaligned_be32(next->epoch, epoch);
	if (hpc_chan_send(chan, HPC_WIRE_MIG_GOTO, node, epoch, sizeof(epoch)))
		drop_next(t);	/* chan is dead: the process ends */
}

/* The old node passed the process on to t->next, or says why not. */
static struct hpc_chan *passed(struct hpc_task *t, struct hpc_chan *chan, u32 err)
{
	struct hpc_chan *next = t->next;

	if (!next) {
		hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		return chan;
	}
	if (err) {
		move_failed(t, next->peer, mig_error(err));
		return chan;
	}
	t->next = NULL;
	set_chan(t, next, HPC_ROLE_DEPUTY);
	WRITE_ONCE(t->where, next->peer);
	t->epoch = next->epoch;
	t->left = jiffies;
	t->nmigs++;
	hpc_chan_close(chan);
	return next;
}

/* The channel ended with the process away: it cannot go on. */
static void deputy_lost(struct hpc_task *t, struct hpc_chan *chan)
{
	pr_warn("process %d (%s) killed: its remote on node %u ended (%s)\n",
		task_tgid_nr(current), current->comm, chan->peer,
		mig_why(READ_ONCE(chan->dead)));
	force_sig(SIGKILL);
}

/* Answer a forwarded system call. */
static void deputy_syscall(struct hpc_task *t, struct hpc_chan *chan, struct hpc_msg *msg,
			   bool *recalled)
{
	u8 *reply = NULL;
	u32 len = 0, flags = 0;
	int ret;

	/* A signal or a call home waits: run the call at home instead. */
	if (*recalled || signal_pending(current) || want_home(t)) {
		*recalled = true;
		hpc_chan_send(chan, HPC_WIRE_MIG_SYSRET, HPC_MIG_RET_AGAIN, "\0\0\0\0\0\0\0\0", 8);
		return;
	}
	if (msg->arg == __NR_exit || msg->arg == __NR_exit_group) {
		u64 code = msg->len >= 8 ? get_unaligned_be64(msg->data) : 0;

		/* A single-threaded process: exit and exit_group are the same. */
		hpc_msg_free(msg);
		do_group_exit((code & 0xff) << 8);
	}
	ret = hpc_systab_run(msg->arg, msg->data, msg->len, t->scratch, &reply, &len);
	if (ret) {
		pr_warn_ratelimited("process %d: forwarded system call %u refused (%d)\n",
				    task_tgid_nr(current), msg->arg, ret);
		hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		return;
	}
	if (signal_pending(current) || want_home(t)) {
		flags = HPC_MIG_RET_HOME;
		*recalled = true;
	}
	hpc_chan_send(chan, HPC_WIRE_MIG_SYSRET, flags, reply, len);
	kvfree(reply);
}

/*
 * A process called home by signals this soon after it left, this many
 * times in a row, goes back at its next system call that is not a
 * handler's sigreturn, not at once: signals that come faster than a round
 * trip would otherwise keep it travelling between handlers and never
 * running its own code.
 */
#define SIGNAL_AWAY_MIN		(2 * HZ)
#define SIGNAL_QUICK_MAX	2

/* After a trip home, the process goes back to where goto sent it. */
static void go_back(struct hpc_task *t)
{
	set_bit(HPC_T_RETURN, &t->flags);
	WRITE_ONCE(t->want, READ_ONCE(t->target));
}

/* The process comes back: rebuild it here and stop being a deputy. */
static void come_home(struct hpc_task *t, struct hpc_chan *chan, struct hpc_msg *ret_msg,
		      struct pt_regs *regs)
{
	u32 why = ret_msg->arg;
	u16 peer = chan->peer;
	u64 fault[4] = { 0 };
	unsigned int i;
	int err;

	drop_next(t);	/* came home instead of passing on */
	if (why == HPC_MIG_WHY_FAULT && ret_msg->len == sizeof(fault))
		for (i = 0; i < ARRAY_SIZE(fault); i++)
			fault[i] = get_unaligned_be64(ret_msg->data + 8 * i);
	err = hpc_image_receive(chan, regs, false);
	hpc_chan_send(chan, HPC_WIRE_MIG_DONE, err ? HPC_MIG_E_IMAGE : 0, NULL, 0);
	set_chan(t, NULL, HPC_ROLE_NONE);
	hpc_chan_close(chan);
	WRITE_ONCE(t->where, 0);
	t->nmigs++;
	t->scratch = 0;
	if (err) {
		pr_warn("process %d (%s) killed: it could not come back from node %u (%d)\n",
			task_tgid_nr(current), current->comm, peer, err);
		force_sig(SIGKILL);
		return;
	}
	if (why == HPC_MIG_WHY_FAULT)
		force_sig_fault(fault[0], fault[1], (void __user *)(unsigned long)fault[3]);
	/*
	 * Back from a forwarded call that a signal interrupted: have the loop
	 * run the signal code even if the signal is gone by now (a SIGCONT
	 * removes a pending SIGSTOP), so that the call is restarted exactly
	 * as it would be here.
	 */
	if (syscall_get_nr(current, regs) != -1)
		set_notify_signal(current);

	/* Go back to where goto sent it: after this call, or after the signal. */
	if (why == HPC_MIG_WHY_ASKED && READ_ONCE(t->want) == HPC_WANT_NONE)
		WRITE_ONCE(t->target, 0);	/* expelled: it stays */
	if (READ_ONCE(t->target) && READ_ONCE(t->want) == HPC_WANT_NONE) {
		if (why == HPC_MIG_WHY_SIGNAL) {
			if (time_before(jiffies, t->left + SIGNAL_AWAY_MIN))
				t->quick++;
			else
				t->quick = 0;
			if (t->quick >= SIGNAL_QUICK_MAX)
				set_bit(HPC_T_STORM, &t->flags);
		}
		if (why == HPC_MIG_WHY_SYSCALL || test_bit(HPC_T_STORM, &t->flags)) {
			set_bit(HPC_T_BACK, &t->flags);
			set_syscall_work(HPC);
		} else if (why != HPC_MIG_WHY_ASKED) {
			go_back(t);
		}
	}
	if (READ_ONCE(t->want) != HPC_WANT_NONE)
		set_notify_resume(current);
}

/* Serve the remote until the process comes home or dies. */
static void deputy_serve(struct hpc_task *t, struct hpc_chan *chan, struct pt_regs *regs)
{
	bool recalled = false;
	struct hpc_msg *msg;
	int want;

	for (;;) {
		if (fatal_signal_pending(current))
			return;		/* do_exit() tells the remote */
		want = READ_ONCE(t->want);
		if (!recalled && !t->next && want > 0 && want != t->where &&
		    !signal_pending(current) &&
		    cmpxchg(&t->want, want, HPC_WANT_NONE) == want) {
			pass_on(t, chan, want);
			continue;
		}
		if (!recalled && (signal_pending(current) || (!t->next && want_elsewhere(t)))) {
			hpc_chan_send(chan, HPC_WIRE_MIG_RECALL, signal_pending(current) ?
				      HPC_MIG_WHY_SIGNAL : HPC_MIG_WHY_ASKED, NULL, 0);
			recalled = true;
		}
		msg = hpc_chan_wait(chan, recalled ? TASK_KILLABLE | TASK_NOLOAD :
				    TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
		if (msg == ERR_PTR(-EINTR) || msg == ERR_PTR(-EAGAIN))
			continue;
		if (IS_ERR(msg)) {
			deputy_lost(t, chan);
			return;
		}
		switch (msg->type) {
		case HPC_WIRE_MIG_SYSCALL:
			deputy_syscall(t, chan, msg, &recalled);
			break;
		case HPC_WIRE_MIG_RETURN:
			come_home(t, chan, msg, regs);
			hpc_msg_free(msg);
			return;
		case HPC_WIRE_MIG_MOVED:
			if (!msg->arg)
				recalled = false;	/* a RECALL went to the old node */
			chan = passed(t, chan, msg->arg);
			break;
		default:
			pr_warn("process %d: unexpected message %#x from node %u\n",
				task_tgid_nr(current), msg->type, chan->peer);
			hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		}
		hpc_msg_free(msg);
	}
}

/* Move the process (current) to a node and serve it from here. */
static void move_out(struct hpc_task *t, struct pt_regs *regs, unsigned int node)
{
	char buf[HPC_WHY_SIZE];
	struct hpc_chan *chan;
	const char *why;
	long ret;

	why = hpc_task_cantmove(current, buf, sizeof(buf));
	if (why) {
		move_failed(t, node, why);
		return;
	}
	t->epoch = hpc_chan_new_epoch();
	chan = hpc_chan_open(node, task_tgid_nr(current), t->epoch, HPC_CHAN_DEPUTY, current);
	if (IS_ERR(chan)) {
		move_failed(t, node, "no channel");
		return;
	}
	ret = hpc_chan_send(chan, HPC_WIRE_MIG_OFFER, 0, NULL, 0);
	if (!ret)
		ret = hpc_chan_wait_reply(chan, HPC_WIRE_MIG_ACCEPT, ACCEPT_TIMEOUT);
	if (ret) {
		snprintf(buf, sizeof(buf), "no answer (%ld)", ret);
		move_failed(t, node, ret > 0 ? mig_error(ret) : buf);
		goto fail;
	}
	ret = hpc_image_send(chan, regs);
	if (!ret)
		ret = hpc_chan_wait_reply(chan, HPC_WIRE_MIG_DONE, DONE_TIMEOUT);
	if (ret) {
		snprintf(buf, sizeof(buf), "the transfer failed (%ld)", ret);
		move_failed(t, node, ret > 0 ? mig_error(ret) : buf);
		goto fail;
	}

	/* The process runs there now; its memory here goes. */
	set_chan(t, chan, HPC_ROLE_DEPUTY);
	WRITE_ONCE(t->where, node);
	t->left = jiffies;
	clear_bit(HPC_T_BACK, &t->flags);
	clear_bit(HPC_T_STORM, &t->flags);
	t->nmigs++;
	ret = hpc_mm_clear(true);
	if (!ret) {
		t->scratch = vm_mmap(NULL, 0, HPC_SYS_SCRATCH, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0);
		if (IS_ERR_VALUE(t->scratch))
			ret = t->scratch;
	}
	if (ret) {
		pr_warn("process %d (%s) killed: no memory for its deputy (%ld)\n",
			task_tgid_nr(current), current->comm, ret);
		force_sig(SIGKILL);
		return;
	}
	deputy_serve(t, chan, regs);
	return;

fail:
	hpc_chan_send(chan, HPC_WIRE_MIG_KILL, HPC_MIG_WHY_ERROR, NULL, 0);
	hpc_chan_close(chan);
}

/**
 * hpc_home_user_return() - the safe point of a process at home
 * @t:    its state
 * @regs: its user registers
 */
void hpc_home_user_return(struct hpc_task *t, struct pt_regs *regs)
{
	bool handler;
	int node;

	if (READ_ONCE(t->want) == HPC_WANT_NONE) {
		clear_bit(HPC_T_SIGNAL, &t->flags);
		return;
	}
	/*
	 * Signals first: the loop delivers them, then comes back here. A
	 * process that left with one pending would be called home at once.
	 */
	if (signal_pending(current)) {
		set_notify_resume(current);
		return;
	}
	/* A handler's frame moved the stack pointer. */
	handler = test_and_clear_bit(HPC_T_SIGNAL, &t->flags) &&
		  user_stack_pointer(regs) != t->signal_sp;
	node = xchg(&t->want, HPC_WANT_NONE);
	/*
	 * On its own way back, it does not leave to run a handler: it would
	 * come home again for the handler's sigreturn, and for the next
	 * signal, which the handler blocks: two trips per signal. It looks
	 * again at its next system call, that sigreturn.
	 */
	if (test_and_clear_bit(HPC_T_RETURN, &t->flags) && handler) {
		set_bit(HPC_T_BACK, &t->flags);
		set_syscall_work(HPC);
		return;
	}
	if (node > 0)
		move_out(t, regs, node);
}

/**
 * hpc_home_user_signal() - a process at home is about to get its signals
 * @t:    its state
 * @regs: its user registers
 */
void hpc_home_user_signal(struct hpc_task *t, struct pt_regs *regs)
{
	if (!test_and_set_bit(HPC_T_SIGNAL, &t->flags))
		t->signal_sp = user_stack_pointer(regs);
}

/**
 * hpc_home_syscall() - syscall entry of a process at home with work for us
 * @t:    its state
 * @regs: its user registers
 *
 * A process that came home for one call goes back when the call is done.
 *
 * Return: false: the call runs here as usual.
 */
bool hpc_home_syscall(struct hpc_task *t, struct pt_regs *regs)
{
	clear_syscall_work(HPC);
	/* After a storm of signals, a handler's sigreturn does not count. */
	if (test_bit(HPC_T_STORM, &t->flags) && test_bit(HPC_T_BACK, &t->flags) &&
	    syscall_get_nr(current, regs) == __NR_rt_sigreturn) {
		set_syscall_work(HPC);
		return false;
	}
	clear_bit(HPC_T_STORM, &t->flags);
	if (test_and_clear_bit(HPC_T_BACK, &t->flags) && READ_ONCE(t->target) &&
	    READ_ONCE(t->want) == HPC_WANT_NONE) {
		go_back(t);
		set_notify_resume(current);
	}
	return false;
}

/**
 * hpc_deputy_exit() - the process ends at home while it runs elsewhere
 * @t: its state
 */
void hpc_deputy_exit(struct hpc_task *t)
{
	struct hpc_chan *chan = t->chan;

	drop_next(t);
	if (!chan)
		return;
	if (!READ_ONCE(chan->dead))
		hpc_chan_send(chan, HPC_WIRE_MIG_KILL, HPC_MIG_WHY_EXIT, NULL, 0);
	set_chan(t, NULL, HPC_ROLE_NONE);
	WRITE_ONCE(t->where, 0);
	hpc_chan_close(chan);
}
