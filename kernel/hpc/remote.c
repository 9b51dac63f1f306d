// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guest's side of migration: the remote, the half of a process that
 * runs here for its home node.
 *
 * An OFFER starts a new task with user_mode_thread(), as a child of
 * kthreadd, which reaps it when it ends. In its own context the task takes
 * home's user and group ids without capabilities, builds an mm from the
 * image (image.c) and returns to user mode as the process.
 *
 * Its user-mode code and memory management run here; every other system
 * call is caught at entry (hpc_syscall_enter()) and is forwarded to the
 * deputy, answered (getpid), or takes the process home (systab.c).
 * Signals belong to home: the remote blocks them all, and a fault here
 * (SIGSEGV, SIGFPE...) takes the process home, where it is raised again.
 *
 * Going home (RECALL, a call that runs at home, a fault, expel) sends the
 * image back and ends the task. Moving on to another node (GOTO) sends the
 * image straight there, on a pass channel, and ends the task; if that node
 * fails, the process runs on here. A remote can thus also start from an
 * image that another node sends, as home's OFFER says. If home is lost or
 * kills the process, the task is killed (chan.c); if it is killed here,
 * home is told (GONE).
 *
 * /proc/hpc/remote/<pid> describes each guest, named by its local pid.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/entry-common.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/resume_user_mode.h>
#include <linux/sched/cputime.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <asm/syscall.h>
#include <asm/unaligned.h>
#include <asm/unistd.h>

#include <hpc/protocol.h>

#include "chan.h"
#include "image.h"
#include "node.h"
#include "remote.h"
#include "systab.h"
#include "task.h"
#include "tunable.h"

static struct proc_dir_entry *remote_root;

struct remote_start {
	u32 pid;
	u32 epoch;
	u16 peer;
	u16 src;	/* the node the image comes from, 0: home */
};

/* ---- /proc/hpc/remote -------------------------------------------------- */

/* The guest a /proc/hpc/remote file is about, with a reference. */
static struct task_struct *guest_of(struct seq_file *m)
{
	struct task_struct *task;

	rcu_read_lock();
	task = pid_task(find_pid_ns((long)m->private, &init_pid_ns), PIDTYPE_PID);
	if (task && (!task->hpc || task->hpc->role != HPC_ROLE_REMOTE))
		task = NULL;
	if (task)
		get_task_struct(task);
	rcu_read_unlock();
	return task;
}

static int from_show(struct seq_file *m, void *v)
{
	struct task_struct *task = guest_of(m);

	if (!task)
		return -ESRCH;
	seq_printf(m, "%u\n", task->hpc->home);
	put_task_struct(task);
	return 0;
}

static int identity_show(struct seq_file *m, void *v)
{
	struct task_struct *task = guest_of(m);

	if (!task)
		return -ESRCH;
	seq_printf(m, "%u %u\n", task->hpc->home, task->hpc->home_pid);
	put_task_struct(task);
	return 0;
}

static int statm_show(struct seq_file *m, void *v)
{
	struct task_struct *task = guest_of(m);
	struct mm_struct *mm;

	if (!task)
		return -ESRCH;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -ESRCH;
	/* As /proc/PID/statm: size resident shared text lib data dt, in pages. */
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, get_mm_rss(mm),
		   get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES),
		   (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT,
		   mm->data_vm + mm->stack_vm);
	mmput(mm);
	return 0;
}

static int stats_show(struct seq_file *m, void *v)
{
	struct task_struct *task = guest_of(m);
	u64 utime, stime;

	if (!task)
		return -ESRCH;
	task_cputime_adjusted(task, &utime, &stime);
	seq_printf(m, "utime_ms %llu\nstime_ms %llu\nsyscalls_forwarded %u\n",
		   div_u64(utime, NSEC_PER_MSEC), div_u64(stime, NSEC_PER_MSEC),
		   READ_ONCE(task->hpc->forwarded));
	put_task_struct(task);
	return 0;
}

static void proc_add(struct hpc_task *t)
{
	void *data = (void *)(long)task_pid_nr(current);
	char name[16];

	snprintf(name, sizeof(name), "%d", task_pid_nr(current));
	t->proc = proc_mkdir_data(name, 0555, remote_root, data);
	if (!t->proc)
		return;
	proc_create_single_data("from", 0444, t->proc, from_show, data);
	proc_create_single_data("identity", 0444, t->proc, identity_show, data);
	proc_create_single_data("statm", 0444, t->proc, statm_show, data);
	proc_create_single_data("stats", 0444, t->proc, stats_show, data);
}

/* ---- life of a remote -------------------------------------------------- */

static void set_chan(struct hpc_task *t, struct hpc_chan *chan, int role)
{
	spin_lock(&t->lock);
	t->chan = chan;
	t->role = role;
	spin_unlock(&t->lock);
}

/* Leave the channel and this node: the process lives on at home or not at all. */
static void __noreturn remote_end(struct hpc_task *t, struct hpc_chan *chan)
{
	proc_remove(t->proc);
	t->proc = NULL;
	set_chan(t, NULL, HPC_ROLE_REMOTE);
	hpc_chan_close(chan);
	do_exit(0);
}

/* Send the process home and end here. */
static void __noreturn go_home(struct hpc_task *t, struct pt_regs *regs, u32 why,
			       const void *payload, u32 len)
{
	struct hpc_chan *chan = t->chan;
	int ret;

	ret = hpc_chan_send(chan, HPC_WIRE_MIG_RETURN, why, payload, len);
	if (!ret)
		ret = hpc_image_send(chan, regs);
	if (!ret) {
		ret = hpc_chan_wait_reply(chan, HPC_WIRE_MIG_DONE, MAX_SCHEDULE_TIMEOUT);
		if (ret > 0)
			ret = -EPROTO;
	}
	if (ret) {
		pr_warn("guest process %u of node %u could not go home (%d)\n",
			chan->pid, chan->peer, ret);
		/* Home must not wait for it: the process is lost. */
		if (!READ_ONCE(chan->dead))
			hpc_chan_send(chan, HPC_WIRE_MIG_GONE, HPC_MIG_WHY_ERROR, NULL, 0);
	}
	remote_end(t, chan);
}

/* How long the next node may take to install an image we pass on. */
#define PASS_DONE_TIMEOUT	(120 * HZ)

/*
 * Pass the process on to the node home named in GOTO: the image goes
 * straight there and home learns the outcome in MOVED. Returns only if
 * that node failed: the process runs on here, and home kills whatever the
 * node may have started.
 */
static void go_on(struct hpc_task *t, struct pt_regs *regs)
{
	struct hpc_chan *chan = t->chan, *pass;
	u32 epoch, err;
	u16 node;
	int ret;

	spin_lock(&chan->lock);
	node = chan->go;
	epoch = chan->go_epoch;
	chan->go = 0;
	spin_unlock(&chan->lock);

	err = HPC_MIG_E_PASS;
	pass = hpc_chan_open(node, chan->pid, epoch, HPC_CHAN_PASS, current);
	ret = IS_ERR(pass) ? PTR_ERR(pass) : hpc_image_send(pass, regs);
	if (!ret) {
		ret = hpc_chan_wait_reply(pass, HPC_WIRE_MIG_DONE, PASS_DONE_TIMEOUT);
		if (ret > 0) {
			err = ret;
			ret = -EPROTO;
		}
	}
	if (!ret) {
		hpc_chan_send(chan, HPC_WIRE_MIG_MOVED, 0, NULL, 0);
		hpc_chan_close(pass);
		remote_end(t, chan);
	}
	pr_info("guest process %u of node %u could not move on to node %u (%d): it runs on here\n",
		chan->pid, chan->peer, node, ret);
	if (!IS_ERR(pass)) {
		if (!READ_ONCE(pass->dead))
			hpc_chan_send(pass, HPC_WIRE_MIG_KILL, HPC_MIG_WHY_ERROR, NULL, 0);
		hpc_chan_close(pass);
	}
	hpc_chan_send(chan, HPC_WIRE_MIG_MOVED, err, NULL, 0);
}

/* At a system call: undo its entry, so that user mode makes it again. */
static void syscall_undo(struct pt_regs *regs)
{
	regs->ax = regs->orig_ax;
	regs->ip -= 2;
	regs->orig_ax = -1;
}

/* At a system call: undo its entry so that it runs again, at home. */
static void __noreturn syscall_home(struct hpc_task *t, struct pt_regs *regs, u32 why)
{
	syscall_undo(regs);
	go_home(t, regs, why, NULL, 0);
}

static int accept_error(int err)
{
	switch (err) {
	case -EXDEV:
		return HPC_MIG_E_ABI;
	case -ENOMEM:
		return HPC_MIG_E_NOMEM;
	}
	return HPC_MIG_E_IMAGE;
}

static int remote_main(void *arg)
{
	struct remote_start rs = *(struct remote_start *)arg;
	struct hpc_task *t = current->hpc;
	struct hpc_chan *chan, *pass = NULL;
	sigset_t all;
	int ret;

	kfree(arg);
	/* Signals belong to home: none is handled here. */
	flush_signal_handlers(current, 1);
	sigfillset(&all);
	set_current_blocked(&all);

	chan = hpc_chan_open(rs.peer, rs.pid, rs.epoch, HPC_CHAN_REMOTE, current);
	if (!IS_ERR(chan) && t && rs.src) {
		pass = hpc_chan_open(rs.src, rs.pid, rs.epoch, HPC_CHAN_PASS, current);
		if (IS_ERR(pass)) {
			hpc_chan_close(chan);
			chan = ERR_CAST(pass);
			pass = NULL;
		}
	}
	if (IS_ERR(chan) || !t) {
		hpc_chan_send_to(rs.peer, HPC_WIRE_MIG_ACCEPT, rs.pid, rs.epoch,
				 accept_error(IS_ERR(chan) ? PTR_ERR(chan) : -ENOMEM));
		if (!IS_ERR(chan))
			hpc_chan_close(chan);
		do_exit(0);
	}
	t->home = rs.peer;
	t->home_pid = rs.pid;
	t->epoch = rs.epoch;

	/* The image comes from home, or from the node the process leaves. */
	ret = hpc_chan_send(chan, HPC_WIRE_MIG_ACCEPT, 0, NULL, 0);
	if (!ret)
		ret = hpc_image_receive(pass ?: chan, current_pt_regs(), true);
	if (ret) {
		pr_info("guest process %u of node %u refused: %d\n", rs.pid, rs.peer, ret);
		hpc_chan_send(pass ?: chan, HPC_WIRE_MIG_DONE, accept_error(ret), NULL, 0);
		hpc_chan_close(pass);
		hpc_chan_close(chan);
		do_exit(0);
	}
	set_chan(t, chan, HPC_ROLE_REMOTE);
	set_syscall_work(HPC);
	proc_add(t);
	hpc_chan_send(pass ?: chan, HPC_WIRE_MIG_DONE, 0, NULL, 0);
	hpc_chan_close(pass);
	return 0;	/* ret_from_fork takes it to user mode */
}

struct refusal {
	struct work_struct work;
	u32 pid;
	u32 epoch;
	u16 peer;
	int why;
};

static void refusal_fn(struct work_struct *work)
{
	struct refusal *r = container_of(work, struct refusal, work);

	hpc_chan_send_to(r->peer, HPC_WIRE_MIG_ACCEPT, r->pid, r->epoch, r->why);
	kfree(r);
}

/*
 * Refuse an offer from a worker: a receiver thread must not send (the
 * transport waits for its receivers under the lock a send takes). Without
 * memory for even this, home's wait for an answer times out.
 */
static void refuse_offer(u16 peer, u32 pid, u32 epoch, int why)
{
	struct refusal *r = kmalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return;
	INIT_WORK(&r->work, refusal_fn);
	r->peer = peer;
	r->pid = pid;
	r->epoch = epoch;
	r->why = why;
	schedule_work(&r->work);
}

/**
 * hpc_remote_offer() - a node offers us one of its processes
 * @peer:  its home node
 * @pid:   its pid there
 * @epoch: the migration
 * @src:   the node its image comes from, 0 (or @peer) for home
 *
 * Called by a receiver thread; the new task answers the offer itself, a
 * worker sends a refusal.
 */
void hpc_remote_offer(u16 peer, u32 pid, u32 epoch, u32 src)
{
	struct remote_start *rs;
	pid_t ret;

	if (src == peer)
		src = 0;
	if (src > U16_MAX || (src && src == hpc_nodes_self())) {
		refuse_offer(peer, pid, epoch, HPC_MIG_E_IMAGE);
		return;
	}
	if (hpc_tunable_get(HPC_BLOCK)) {
		refuse_offer(peer, pid, epoch, HPC_MIG_E_BLOCKED);
		return;
	}
	rs = kmalloc(sizeof(*rs), GFP_KERNEL);
	if (!rs) {
		refuse_offer(peer, pid, epoch, HPC_MIG_E_NOMEM);
		return;
	}
	rs->peer = peer;
	rs->pid = pid;
	rs->epoch = epoch;
	rs->src = src;
	ret = user_mode_thread(remote_main, rs, CLONE_PARENT | SIGCHLD);
	if (ret < 0) {
		kfree(rs);
		refuse_offer(peer, pid, epoch, HPC_MIG_E_NOMEM);
	}
}

/**
 * hpc_remote_user_return() - the safe point of a guest
 * @t:    its state
 * @regs: its user registers
 */
void hpc_remote_user_return(struct hpc_task *t, struct pt_regs *regs)
{
	int why;

	if (!t->chan)
		return;
	why = READ_ONCE(t->chan->recall);
	if (why) {
		regs->orig_ax = -1;	/* no system call for home to restart */
		go_home(t, regs, why, NULL, 0);
	}
	if (READ_ONCE(t->chan->go)) {
		regs->orig_ax = -1;
		go_on(t, regs);
	}
}

static bool is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL ||
	       sig == SIGTRAP;
}

/**
 * hpc_remote_user_signal() - a signal is pending for a guest
 * @t:    its state
 * @regs: its user registers
 *
 * A fault of its own takes the process home, where it is raised again;
 * other signals sent to the guest here are dropped (they belong to home).
 * SIGKILL is left alone: the guest dies and home is told.
 */
void hpc_remote_user_signal(struct hpc_task *t, struct pt_regs *regs)
{
	kernel_siginfo_t info, fault = { .si_signo = 0 };
	enum pid_type type;
	u8 payload[32];
	sigset_t all;
	int sig;

	if (!t->chan || fatal_signal_pending(current))
		return;
	spin_lock_irq(&current->sighand->siglock);
	while ((sig = dequeue_signal(current, &current->blocked, &info, &type)) > 0)
		if (!fault.si_signo && is_fault_signal(sig) && info.si_code > 0)
			fault = info;
	spin_unlock_irq(&current->sighand->siglock);
	sigfillset(&all);
	set_current_blocked(&all);
	if (!fault.si_signo)
		return;
	put_unaligned_be64(fault.si_signo, payload);
	put_unaligned_be64(fault.si_code, payload + 8);
	put_unaligned_be64(fault.si_errno, payload + 16);
	put_unaligned_be64((unsigned long)fault.si_addr, payload + 24);
	regs->orig_ax = -1;	/* an exception's error code, not a system call */
	go_home(t, regs, HPC_MIG_WHY_FAULT, payload, sizeof(payload));
}

/* Have the deputy make the call; false never: regs->ax holds the result. */
static bool forward(struct hpc_task *t, struct pt_regs *regs, unsigned int nr,
		    unsigned long *args)
{
	struct hpc_chan *chan = t->chan;
	struct hpc_msg *msg;
	u32 len, flags;
	u8 *buf;
	int ret;

	ret = hpc_systab_pack(nr, args, &buf, &len);
	if (ret == -E2BIG)
		syscall_home(t, regs, HPC_MIG_WHY_SYSCALL);
	if (ret) {
		regs->ax = ret;
		return true;
	}
	ret = hpc_chan_send(chan, HPC_WIRE_MIG_SYSCALL, nr, buf, len);
	kvfree(buf);
	if (ret) {
		regs->ax = -EIO;	/* the channel is dead: the task is being killed */
		return true;
	}
	msg = hpc_chan_wait(chan, TASK_KILLABLE | TASK_NOLOAD, MAX_SCHEDULE_TIMEOUT);
	if (IS_ERR(msg)) {
		regs->ax = -EINTR;
		return true;
	}
	if (msg->type != HPC_WIRE_MIG_SYSRET || (msg->arg & ~HPC_MIG_RET_KNOWN)) {
		hpc_msg_free(msg);
		hpc_chan_kill(chan, HPC_MIG_WHY_ERROR);
		regs->ax = -EIO;
		return true;
	}
	flags = msg->arg;
	if (flags & HPC_MIG_RET_AGAIN) {
		hpc_msg_free(msg);
		syscall_home(t, regs, HPC_MIG_WHY_SIGNAL);
	}
	regs->ax = hpc_systab_unpack(nr, args, msg->data, msg->len);
	hpc_msg_free(msg);
	WRITE_ONCE(t->forwarded, t->forwarded + 1);
	if (flags & HPC_MIG_RET_HOME)
		go_home(t, regs, HPC_MIG_WHY_SIGNAL, NULL, 0);
	return true;
}

/**
 * hpc_remote_syscall() - a guest makes a system call
 * @t:    its state
 * @regs: its user registers
 *
 * Return: true if the call was handled (regs->ax holds its result), false
 * if it runs here as usual. A call that runs at home does not return.
 */
bool hpc_remote_syscall(struct hpc_task *t, struct pt_regs *regs)
{
	unsigned long args[HPC_WIRE_SYSCALL_ARGS] = {
		regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9,
	};
	unsigned int nr = regs->orig_ax;
	enum hpc_sys_action action;
	int why;

	if (!t->chan)
		return false;
	if (in_ia32_syscall() || (nr & __X32_SYSCALL_BIT))
		action = HPC_SYS_HOME;
	else
		action = hpc_systab_action(nr, args);
	if (action != HPC_SYS_LOCAL && action != HPC_SYS_PID) {
		why = READ_ONCE(t->chan->recall);
		if (why)
			syscall_home(t, regs, why);
		if (READ_ONCE(t->chan->go)) {
			/* The call runs on the next node, or here again if it failed. */
			syscall_undo(regs);
			go_on(t, regs);
			return true;
		}
	}

	switch (action) {
	case HPC_SYS_LOCAL:
		return false;
	case HPC_SYS_PID:
		regs->ax = t->home_pid;
		return true;
	case HPC_SYS_HOME:
		syscall_home(t, regs, HPC_MIG_WHY_SYSCALL);
	default:
		return forward(t, regs, nr, args);
	}
}

/**
 * hpc_remote_exit() - a guest ends
 * @t: its state
 *
 * Killed here (by a local user, the OOM killer): home is told why.
 */
void hpc_remote_exit(struct hpc_task *t)
{
	struct hpc_chan *chan = t->chan;

	if (!chan)
		return;
	if (!READ_ONCE(chan->dead)) {
		pr_warn("guest process %u of node %u killed here\n", chan->pid, chan->peer);
		hpc_chan_send(chan, HPC_WIRE_MIG_GONE, HPC_MIG_WHY_KILLED, NULL, 0);
	}
	proc_remove(t->proc);
	t->proc = NULL;
	set_chan(t, NULL, HPC_ROLE_REMOTE);
	hpc_chan_close(chan);
}

static int expel_one(struct hpc_chan *chan, void *unused)
{
	spin_lock(&chan->lock);
	if (!chan->recall)
		chan->recall = HPC_MIG_WHY_ASKED;
	spin_unlock(&chan->lock);
	set_notify_resume(chan->task);
	wake_up(&chan->wq);
	return 0;
}

/**
 * hpc_expel_all() - send every guest home (admin/expel)
 *
 * Return: 0.
 */
int hpc_expel_all(void)
{
	return hpc_chan_for_each(HPC_CHAN_REMOTE, expel_one, NULL);
}

int hpc_remote_init(struct proc_dir_entry *hpc_root)
{
	remote_root = proc_mkdir("remote", hpc_root);
	return remote_root ? 0 : -ENOMEM;
}
