/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The openMosix state of a task (task_struct->hpc) and the calls between
 * the files that move processes.
 */
#ifndef _HPC_TASK_H
#define _HPC_TASK_H

#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct hpc_chan;
struct proc_dir_entry;
struct pt_regs;

enum hpc_role {
	HPC_ROLE_NONE,		/* an ordinary process, at home */
	HPC_ROLE_DEPUTY,	/* home's half of a process that runs elsewhere */
	HPC_ROLE_REMOTE,	/* a guest: the half that runs here for another node */
};

/* No request pending in hpc_task.want. */
#define HPC_WANT_NONE		(-1)

/* Bits of hpc_task.flags. */
#define HPC_T_LOCK		0	/* the balancer leaves it where it is */
#define HPC_T_BACK		1	/* at home for one call: go back after it */
#define HPC_T_RETURN		2	/* want is its own way back to target */
#define HPC_T_STORM		3	/* signals came fast: BACK skips sigreturns */
#define HPC_T_SIGNAL		4	/* signal_sp holds sp before delivery */

/* The bits a child inherits. */
#define HPC_T_INHERIT		BIT(HPC_T_LOCK)

#define HPC_WHY_SIZE		64

/**
 * struct hpc_task - a task's migration state
 * @flags:    HPC_T_* bits (atomic bit operations)
 * @lock:     protects @chan for other tasks
 * @chan:     the channel to the other half while migrated; set and cleared
 *            by the task itself, under @lock
 * @next:     for a deputy, the channel to the node the process is passing
 *            to from the node it runs on; only the task itself uses it
 * @role:     &enum hpc_role; changed by the task itself
 * @want:     a node asked for by goto and not acted on yet, 0 for home, or
 *            %HPC_WANT_NONE
 * @target:   where goto placed the process (0: home). It goes back there
 *            after a trip home for a system call or a signal.
 * @where:    the node it runs on, 0 at home
 * @left:     jiffies when it last left home
 * @quick:    trips home for a signal in a row that came soon after it left
 * @signal_sp: the user stack pointer before signal delivery at home
 * @nmigs:    how many times it moved
 * @forwarded: for a remote, how many system calls it forwarded home
 * @epoch:    the number of its latest migration
 * @home_pid: for a remote, the process id at home
 * @home:     for a remote, the home node
 * @proc:     for a remote, its /proc/hpc/remote directory
 * @scratch:  for a deputy, the user address of its system call buffers
 * @saved_ax: for a new remote, rax for its first return to user mode
 * @fix_ax:   the task work that puts @saved_ax back
 * @why:      why the last requested move did not happen, for cantmove
 */
struct hpc_task {
	unsigned long flags;
	spinlock_t lock;		/* protects chan for other tasks */
	struct hpc_chan *chan;
	struct hpc_chan *next;
	int role;
	int want;
	unsigned int target;
	unsigned int where;
	unsigned long left;
	unsigned int quick;
	unsigned long signal_sp;
	unsigned int nmigs;
	unsigned int forwarded;
	u32 epoch;
	u32 home_pid;
	u16 home;
	struct proc_dir_entry *proc;
	unsigned long scratch;
	unsigned long saved_ax;
	struct callback_head fix_ax;
	char why[HPC_WHY_SIZE];
};

/* task.c */
const char *hpc_task_cantmove(struct task_struct *p, char *buf, size_t size);

/* migrate.c: home's side */
int hpc_request_move(struct task_struct *p, int node);
void hpc_home_user_return(struct hpc_task *t, struct pt_regs *regs);
void hpc_home_user_signal(struct hpc_task *t, struct pt_regs *regs);
bool hpc_home_syscall(struct hpc_task *t, struct pt_regs *regs);
void hpc_deputy_exit(struct hpc_task *t);
int hpc_bring_all(void);

/* remote.c: the guest's side */
void hpc_remote_user_return(struct hpc_task *t, struct pt_regs *regs);
void hpc_remote_user_signal(struct hpc_task *t, struct pt_regs *regs);
bool hpc_remote_syscall(struct hpc_task *t, struct pt_regs *regs);
void hpc_remote_exit(struct hpc_task *t);
int hpc_expel_all(void);

#endif /* _HPC_TASK_H */
