// SPDX-License-Identifier: GPL-2.0-only
/*
 * The migration state of every user task: its life (fork, exit, free),
 * the hooks' entry points, what keeps a process from moving, and the
 * /proc/PID files where, nmigs, cantmove, goto, migrate and lock.
 *
 * Every task but kernel threads gets a struct hpc_task at fork; it is
 * freed with the task_struct, so a /proc reader holding a reference to a
 * zombie still finds it. The hooks dispatch on the role: an ordinary
 * process or a deputy is handled by migrate.c, a guest by remote.c.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/entry-common.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/ptrace.h>
#include <linux/sched/mm.h>
#include <linux/sched/rt.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/user_namespace.h>
#include <asm/desc.h>
#include <asm/vdso.h>

#include <hpc/hooks.h>

#include "node.h"
#include "task.h"

int hpc_task_fork(struct task_struct *p, unsigned long clone_flags)
{
	struct hpc_task *parent = current->hpc, *t;

	p->hpc = NULL;
	if (p->flags & (PF_KTHREAD | PF_IO_WORKER))
		return 0;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	spin_lock_init(&t->lock);
	t->want = HPC_WANT_NONE;
	if (parent && parent->role != HPC_ROLE_REMOTE)
		t->flags = parent->flags & HPC_T_INHERIT;
	/* A child starts at home with no pending trip: drop the parent's hook. */
	clear_task_syscall_work(p, HPC);
	p->hpc = t;
	return 0;
}

void hpc_task_free(struct task_struct *p)
{
	kfree(p->hpc);
	p->hpc = NULL;
}

void __hpc_task_exit(struct task_struct *p)
{
	struct hpc_task *t = p->hpc;

	if (t->role == HPC_ROLE_DEPUTY)
		hpc_deputy_exit(t);
	else if (t->role == HPC_ROLE_REMOTE)
		hpc_remote_exit(t);
}

bool hpc_syscall_enter(struct pt_regs *regs)
{
	struct hpc_task *t = current->hpc;

	if (!t)
		return false;
	if (t->role == HPC_ROLE_REMOTE)
		return hpc_remote_syscall(t, regs);
	return hpc_home_syscall(t, regs);
}

void __hpc_user_signal(struct pt_regs *regs)
{
	struct hpc_task *t = current->hpc;

	if (t->role == HPC_ROLE_REMOTE)
		hpc_remote_user_signal(t, regs);
	else if (t->role == HPC_ROLE_NONE)
		hpc_home_user_signal(t, regs);
}

void __hpc_user_return(struct pt_regs *regs)
{
	struct hpc_task *t = current->hpc;

	if (t->role == HPC_ROLE_REMOTE)
		hpc_remote_user_return(t, regs);
	else if (t->role == HPC_ROLE_NONE)
		hpc_home_user_return(t, regs);
}

/* Is the VMA the vDSO or its data page, which every node maps itself? */
static bool vma_is_vdso(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	const struct vdso_image *image = mm->context.vdso_image;
	unsigned long base = (unsigned long)mm->context.vdso;

	if (!image || !base)
		return false;
	return vma->vm_start >= base + image->sym_vvar_start &&
	       vma->vm_end <= base + image->size;
}

/* Why a VMA cannot move, or NULL. */
static const char *vma_cantmove(struct vm_area_struct *vma)
{
	if (vma_is_vdso(vma))
		return NULL;
	if (vma->vm_flags & VM_MAYSHARE) {
		if (vma->vm_file && !strncmp(vma->vm_file->f_path.dentry->d_name.name,
					     "SYSV", 4))
			return "SysV shared memory";
		/*
		 * A file mapped shared but never writable (glibc's gconv cache)
		 * moves as a copy; only a change to the file by someone else
		 * would tell.
		 */
		if (!vma->vm_file || (vma->vm_flags & VM_MAYWRITE))
			return "shared memory";
	}
	if (vma->vm_flags & (VM_IO | VM_PFNMAP | VM_MIXEDMAP))
		return "device mapping";
	if (is_vm_hugetlb_page(vma))
		return "huge pages";
	if (vma->vm_flags & (VM_LOCKED | VM_LOCKONFAULT))
		return "locked memory (mlock)";
	if (vma->vm_ops && !vma->vm_file)
		return "special mapping";
#ifdef CONFIG_USERFAULTFD
	if (vma->vm_userfaultfd_ctx.ctx)
		return "userfaultfd";
#endif
	return NULL;
}

static const char *mm_cantmove(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	const char *why = NULL;

	VMA_ITERATOR(vmi, mm, 0);

	/* Ours (get_task_mm) and the task's own: any other user shares it. */
	if (atomic_read(&mm->mm_users) > 2 || test_bit(MMF_MULTIPROCESS, &mm->flags))
		return "shared address space";
	if (mm->def_flags & VM_LOCKED)
		return "locked memory (mlockall)";
#ifdef CONFIG_MODIFY_LDT_SYSCALL
	if (mm->context.ldt)
		return "LDT segments";
#endif
	mmap_read_lock(mm);
	for_each_vma(vmi, vma) {
		why = vma_cantmove(vma);
		if (why)
			break;
	}
	mmap_read_unlock(mm);
	return why;
}

static bool tls_used(struct task_struct *p)
{
	unsigned int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		if (desc_empty(&p->thread.tls_array[i]) == 0)
			return true;
	return false;
}

/**
 * hpc_task_cantmove() - why a process cannot migrate now
 * @p:    the process
 * @buf:  room for a reason that has to be formatted
 * @size: its size
 *
 * Racy when @p is not current; the check that counts runs in the
 * process's own context before it moves.
 *
 * Return: the reason, or NULL if it can move.
 */
const char *hpc_task_cantmove(struct task_struct *p, char *buf, size_t size)
{
	struct hpc_task *t = p->hpc;
	struct mm_struct *mm;
	const char *why;

	if (!t || (p->flags & (PF_KTHREAD | PF_IO_WORKER)))
		return "kernel thread";
	if (is_global_init(p) || (p->signal->flags & SIGNAL_UNKILLABLE))
		return "init";
	if (p->flags & PF_EXITING)
		return "exiting";
	if (t->role == HPC_ROLE_REMOTE) {
		snprintf(buf, size, "guest of node %u: ask its home", t->home);
		return buf;
	}
	if (get_nr_threads(p) > 1)
		return "threads";
	if (task_is_realtime(p))
		return "real-time scheduling";
	if (p->ptrace)
		return "traced";
#ifdef CONFIG_SECCOMP
	if (p->seccomp.mode)
		return "seccomp";
#endif
	if (test_task_syscall_work(p, SYSCALL_USER_DISPATCH))
		return "syscall user dispatch";
	if (task_active_pid_ns(p) != &init_pid_ns)
		return "pid namespace";
	if (task_cred_xxx(p, user_ns) != &init_user_ns)
		return "user namespace";
	if (p->thread.iopl_emul || test_tsk_thread_flag(p, TIF_IO_BITMAP))
		return "I/O ports";
	if (p->thread.fsindex || p->thread.gsindex || tls_used(p))
		return "segment registers";
	if (test_tsk_thread_flag(p, TIF_ADDR32) || !user_64bit_mode(task_pt_regs(p)))
		return "32-bit";
	if (p->thread.fpu.fpstate != &p->thread.fpu.__fpstate)
		return "large FPU state (AMX)";
#ifdef CONFIG_POSIX_TIMERS
	/* They count this task's CPU time, which would stop at home. */
	if (p->signal->posix_cputimers.timers_active || p->posix_cputimers.timers_active)
		return "CPU-time timers";
#endif
	if (t->role == HPC_ROLE_DEPUTY)
		return NULL;

	mm = get_task_mm(p);
	if (!mm)
		return "kernel thread";
	why = mm_cantmove(mm);
	mmput(mm);
	return why;
}

int hpc_proc_pid_where(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
		       struct task_struct *task)
{
	struct hpc_task *t = task->hpc;
	unsigned int where = 0;

	if (t)
		where = t->role == HPC_ROLE_REMOTE ? hpc_nodes_self() : READ_ONCE(t->where);
	seq_printf(m, "%u\n", where);
	return 0;
}

int hpc_proc_pid_nmigs(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
		       struct task_struct *task)
{
	seq_printf(m, "%u\n", task->hpc ? READ_ONCE(task->hpc->nmigs) : 0);
	return 0;
}

int hpc_proc_pid_cantmove(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
			  struct task_struct *task)
{
	char buf[HPC_WHY_SIZE];
	const char *why;

	why = hpc_task_cantmove(task, buf, sizeof(buf));
	if (why)
		seq_printf(m, "%s\n", why);
	return 0;
}

void hpc_proc_pid_lock(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%d\n", task->hpc ? test_bit(HPC_T_LOCK, &task->hpc->flags) : 0);
}

/* Parse "N" or "home" (with an optional newline) from user space. */
static int parse_value(const char __user *ubuf, size_t count, bool home_ok, int max)
{
	char buf[16];
	int val;

	if (!count || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = 0;
	if (buf[count - 1] == '\n')
		buf[count - 1] = 0;
	if (home_ok && !strcmp(buf, "home"))
		return 0;
	if (kstrtoint(buf, 10, &val) || val < 0 || val > max)
		return -EINVAL;
	return val;
}

ssize_t hpc_proc_pid_write(struct task_struct *task, enum hpc_pid_file which,
			   const char __user *buf, size_t count)
{
	struct hpc_task *t = task->hpc;
	int val, ret;

	if (!t)		/* a kernel thread: cantmove says so */
		return which == HPC_PID_GOTO ? -EBUSY : -EINVAL;
	switch (which) {
	case HPC_PID_GOTO:
		val = parse_value(buf, count, true, U16_MAX);
		if (val < 0)
			return val;
		ret = hpc_request_move(task, val);
		break;
	case HPC_PID_LOCK:
		val = parse_value(buf, count, false, 1);
		if (val < 0)
			return val;
		assign_bit(HPC_T_LOCK, &t->flags, val);
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	return ret ?: count;
}
