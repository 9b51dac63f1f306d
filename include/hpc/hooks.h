/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The calls openMosix makes from the rest of the kernel: every line the
 * patches add to existing files calls something declared here. Without
 * CONFIG_HPC they compile to nothing; with it, the common case costs one
 * load and test of current->hpc or of a syscall work bit.
 *
 *   hpc_task_fork()     copy_process(): the migration state of a new task
 *   hpc_task_free()     free_task(): its end
 *   hpc_task_exit()     do_exit(), after exit_signals(): tell the other half
 *   hpc_syscall_enter() syscall_trace_enter(), with SYSCALL_WORK_HPC: a
 *                       migrated process's call runs here, at home or is
 *                       answered; true when it was handled (regs->ax set)
 *   hpc_user_signal()   exit_to_user_mode_loop(), before signal delivery:
 *                       a remote takes its own faults home
 *   hpc_user_return()   exit_to_user_mode_loop(), after the resume work:
 *                       the safe point where a process moves
 *   hpc_proc_pid_*()    the /proc/PID files (fs/proc/base.c)
 *   fpu_set_current_fxsave() arch/x86/kernel/fpu/regset.c: load a migrated
 *                       process's FPU into current
 */
#ifndef _HPC_HOOKS_H
#define _HPC_HOOKS_H

#include <linux/types.h>

struct pid;
struct pid_namespace;
struct pt_regs;
struct seq_file;
struct task_struct;

enum hpc_pid_file {
	HPC_PID_GOTO,
	HPC_PID_LOCK,
};

#ifdef CONFIG_HPC

#include <linux/sched.h>

int hpc_task_fork(struct task_struct *p, unsigned long clone_flags);
void hpc_task_free(struct task_struct *p);
void __hpc_task_exit(struct task_struct *p);
bool hpc_syscall_enter(struct pt_regs *regs);
void __hpc_user_signal(struct pt_regs *regs);
void __hpc_user_return(struct pt_regs *regs);

int hpc_proc_pid_where(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
		       struct task_struct *task);
int hpc_proc_pid_nmigs(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
		       struct task_struct *task);
int hpc_proc_pid_cantmove(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
			  struct task_struct *task);
void hpc_proc_pid_lock(struct seq_file *m, struct task_struct *task);
ssize_t hpc_proc_pid_write(struct task_struct *task, enum hpc_pid_file which,
			   const char __user *buf, size_t count);

int fpu_set_current_fxsave(const void *buf, unsigned int size);

static inline void hpc_task_exit(struct task_struct *p)
{
	if (p->hpc)
		__hpc_task_exit(p);
}

static inline void hpc_user_signal(struct pt_regs *regs)
{
	if (current->hpc)
		__hpc_user_signal(regs);
}

static inline void hpc_user_return(struct pt_regs *regs)
{
	if (current->hpc)
		__hpc_user_return(regs);
}

#else /* !CONFIG_HPC */

static inline int hpc_task_fork(struct task_struct *p, unsigned long clone_flags)
{
	return 0;
}

static inline void hpc_task_free(struct task_struct *p) { }
static inline void hpc_task_exit(struct task_struct *p) { }

static inline bool hpc_syscall_enter(struct pt_regs *regs)
{
	return false;
}

static inline void hpc_user_signal(struct pt_regs *regs) { }
static inline void hpc_user_return(struct pt_regs *regs) { }

#endif /* CONFIG_HPC */

#endif /* _HPC_HOOKS_H */
