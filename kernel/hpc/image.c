// SPDX-License-Identifier: GPL-2.0-only
/*
 * The process image: everything a process's user half is, written by the
 * node it leaves and rebuilt by the node it arrives on, in its own context.
 *
 * The same code serves both ways. Leaving home, the process writes its
 * image and the new remote (remote.c) reads it into a fresh mm. Coming
 * home, the remote writes it and the deputy reads it back into the mm it
 * kept: that mm is emptied first, so both cases rebuild from nothing but
 * the vDSO.
 *
 * What is sent: the mm's layout fields and auxv, the VMAs (start, end,
 * protection), every page of a readable VMA that is not all zero (as an
 * anonymous copy: file mappings arrive as private anonymous memory), the
 * registers, the FXSAVE image of the FPU and the rseq registration. The
 * byte layout is in include/hpc/protocol.h; it is written to the channel
 * in IMAGE messages of up to HPC_IMAGE_CHUNK bytes.
 *
 * The registers are set on current, which the regset API refuses:
 * pt_regs directly, fs/gs base with do_arch_prctl_64() and the FPU with
 * fpu_set_current_fxsave(). A new remote starts through ret_from_fork,
 * which zeroes rax after we return, so rax is put back by a task work that
 * runs on the way out (hpc_image_fix_ax()).
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/cred.h>
#include <linux/elf.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmu_context.h>
#include <linux/ptrace.h>
#include <linux/regset.h>
#include <linux/resume_user_mode.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/mmu_context.h>
#include <asm/prctl.h>
#include <asm/proto.h>
#include <asm/vdso.h>

#include <hpc/hooks.h>
#include <hpc/protocol.h>

#include "chan.h"
#include "image.h"
#include "task.h"

/* Bytes of image per IMAGE message. */
#define HPC_IMAGE_CHUNK		(1024 * 1024)

/* How long a half waits for the next piece of an image. */
#define IMAGE_TIMEOUT		(60 * HZ)

/* The flags user mode may have; the rest are the kernel's (ptrace's set). */
#define USER_FLAGS	(X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_OF | \
			 X86_EFLAGS_RF | X86_EFLAGS_AC | X86_EFLAGS_ID)

static_assert(sizeof(struct user_regs_struct) == HPC_IMAGE_REGS * 8);

/* ---- the byte stream ------------------------------------------------- */

struct ostream {
	struct hpc_chan *chan;
	u8 *buf;
	size_t len;
	int err;
};

static void os_flush(struct ostream *os)
{
	if (!os->err && os->len)
		os->err = hpc_chan_send(os->chan, HPC_WIRE_MIG_IMAGE, 0, os->buf, os->len);
	os->len = 0;
}

static void os_put(struct ostream *os, const void *data, size_t n)
{
	const u8 *p = data;
	size_t step;

	while (n && !os->err) {
		step = min(n, HPC_IMAGE_CHUNK - os->len);
		memcpy(os->buf + os->len, p, step);
		os->len += step;
		p += step;
		n -= step;
		if (os->len == HPC_IMAGE_CHUNK)
			os_flush(os);
	}
}

static void os_u64(struct ostream *os, u64 v)
{
	__be64 be = cpu_to_be64(v);

	os_put(os, &be, sizeof(be));
}

struct istream {
	struct hpc_chan *chan;
	struct hpc_msg *msg;
	size_t pos;
	int err;
};

static void is_get(struct istream *is, void *data, size_t n)
{
	u8 *p = data;
	size_t step;

	while (n && !is->err) {
		if (!is->msg || is->pos == is->msg->len) {
			if (is->msg)
				hpc_msg_free(is->msg);
			is->msg = hpc_chan_wait(is->chan, TASK_KILLABLE | TASK_NOLOAD,
						IMAGE_TIMEOUT);
			is->pos = 0;
			if (IS_ERR(is->msg)) {
				is->err = PTR_ERR(is->msg);
				is->msg = NULL;
				break;
			}
			if (is->msg->type != HPC_WIRE_MIG_IMAGE) {
				is->err = -EPROTO;
				break;
			}
			continue;
		}
		step = min(n, is->msg->len - is->pos);
		memcpy(p, is->msg->data + is->pos, step);
		is->pos += step;
		p += step;
		n -= step;
	}
	if (is->err)
		memset(p, 0, n);
}

static u64 is_u64(struct istream *is)
{
	__be64 be;

	is_get(is, &be, sizeof(be));
	return be64_to_cpu(be);
}

/* ---- registers and FPU ----------------------------------------------- */

static const struct user_regset *regset_find(unsigned int note)
{
	const struct user_regset_view *view = task_user_regset_view(current);
	unsigned int i;

	for (i = 0; i < view->n; i++)
		if (view->regsets[i].core_note_type == note)
			return &view->regsets[i];
	return NULL;
}

static int regs_put(struct ostream *os)
{
	const struct user_regset *rs;
	struct user_regs_struct ur;
	u8 fx[HPC_IMAGE_FXSAVE_SIZE];
	unsigned int i;
	u64 *w = (u64 *)&ur;
	int ret;

	rs = regset_find(NT_PRSTATUS);
	if (!rs)
		return -ENODEV;
	ret = regset_get(current, rs, sizeof(ur), &ur);
	if (ret < 0)
		return ret;
	rs = regset_find(NT_PRFPREG);
	if (!rs)
		return -ENODEV;
	ret = regset_get(current, rs, sizeof(fx), fx);
	if (ret < 0)
		return ret;

	for (i = 0; i < HPC_IMAGE_REGS; i++)
		os_u64(os, w[i]);
	os_u64(os, sizeof(fx));
	os_put(os, fx, sizeof(fx));
#ifdef CONFIG_RSEQ
	os_u64(os, (unsigned long)current->rseq);
	os_u64(os, current->rseq_sig);
#else
	os_u64(os, 0);
	os_u64(os, 0);
#endif
	return 0;
}

/* Runs on a new remote's way out, after ret_from_fork zeroed rax. */
static void fix_ax(struct callback_head *head)
{
	struct hpc_task *t = container_of(head, struct hpc_task, fix_ax);

	current_pt_regs()->ax = t->saved_ax;
}

static int regs_get(struct istream *is, struct pt_regs *regs, bool guest)
{
	struct user_regs_struct ur;
	u8 fx[HPC_IMAGE_FXSAVE_SIZE];
	u64 *w = (u64 *)&ur, rseq, rseq_sig;
	unsigned int i;
	int ret;

	for (i = 0; i < HPC_IMAGE_REGS; i++)
		w[i] = is_u64(is);
	if (is_u64(is) != sizeof(fx))
		return is->err ?: -EINVAL;
	is_get(is, fx, sizeof(fx));
	rseq = is_u64(is);
	rseq_sig = is_u64(is);
	if (is->err)
		return is->err;
	if (ur.ip >= TASK_SIZE_MAX || ur.sp >= TASK_SIZE_MAX || ur.fs_base >= TASK_SIZE_MAX ||
	    ur.gs_base >= TASK_SIZE_MAX || rseq >= TASK_SIZE_MAX || rseq_sig > U32_MAX)
		return -EINVAL;

	ret = fpu_set_current_fxsave(fx, sizeof(fx));
	if (ret)
		return ret;
	regs->r15 = ur.r15;
	regs->r14 = ur.r14;
	regs->r13 = ur.r13;
	regs->r12 = ur.r12;
	regs->bp = ur.bp;
	regs->bx = ur.bx;
	regs->r11 = ur.r11;
	regs->r10 = ur.r10;
	regs->r9 = ur.r9;
	regs->r8 = ur.r8;
	regs->ax = ur.ax;
	regs->cx = ur.cx;
	regs->dx = ur.dx;
	regs->si = ur.si;
	regs->di = ur.di;
	regs->orig_ax = guest ? -1 : ur.orig_ax;
	regs->ip = ur.ip;
	regs->cs = __USER_CS;
	regs->flags = (ur.flags & USER_FLAGS) | X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->sp = ur.sp;
	regs->ss = __USER_DS;
	ret = do_arch_prctl_64(current, ARCH_SET_FS, ur.fs_base);
	if (!ret)
		ret = do_arch_prctl_64(current, ARCH_SET_GS, ur.gs_base);
	if (ret)
		return ret;
#ifdef CONFIG_RSEQ
	current->rseq = (struct rseq __user *)(unsigned long)rseq;
	current->rseq_sig = rseq_sig;
	rseq_set_notify_resume(current);
#endif
	if (guest) {
		struct hpc_task *t = current->hpc;

		t->saved_ax = ur.ax;
		init_task_work(&t->fix_ax, fix_ax);
		ret = task_work_add(current, &t->fix_ax, TWA_RESUME);
	}
	return ret;
}

/* ---- memory ------------------------------------------------------------ */

struct vma_rec {
	u64 start;
	u64 end;
	u64 flags;
};

static bool vma_is_vdso(struct mm_struct *mm, struct vm_area_struct *vma)
{
	const struct vdso_image *image = mm->context.vdso_image;
	unsigned long base = (unsigned long)mm->context.vdso;

	return image && base && vma->vm_start >= base + image->sym_vvar_start &&
	       vma->vm_end <= base + image->size;
}

/* The VMAs of current that move, into a new array; *count of them. */
static struct vma_rec *vmas_snapshot(unsigned int *count)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct vma_rec *recs;
	unsigned int n = 0;

	VMA_ITERATOR(vmi, mm, 0);

	mmap_read_lock(mm);
	recs = kvcalloc(mm->map_count + 1, sizeof(*recs), GFP_KERNEL);
	if (!recs)
		goto out;
	for_each_vma(vmi, vma) {
		u64 f = 0;

		if (vma_is_vdso(mm, vma))
			continue;
		if (vma->vm_flags & VM_READ)
			f |= HPC_IMAGE_VMA_READ;
		if (vma->vm_flags & VM_WRITE)
			f |= HPC_IMAGE_VMA_WRITE;
		if (vma->vm_flags & VM_EXEC)
			f |= HPC_IMAGE_VMA_EXEC;
		if (vma->vm_flags & VM_GROWSDOWN)
			f |= HPC_IMAGE_VMA_GROWSDOWN;
		if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
		    !vma->vm_file && mm->brk > mm->start_brk)
			f |= HPC_IMAGE_VMA_HEAP;
		recs[n].start = vma->vm_start;
		recs[n].end = vma->vm_end;
		recs[n].flags = f;
		n++;
	}
out:
	mmap_read_unlock(mm);
	*count = n;
	return recs;
}

/**
 * hpc_mm_clear() - unmap everything of current's mm but the vDSO
 * @keep_args: keep the pages of the command line and the environment
 *
 * The deputy keeps an mm with only its arguments while the process runs
 * elsewhere, so that ps shows the command line; coming home starts from an
 * empty one.
 *
 * Return: 0 or -ENOMEM.
 */
int hpc_mm_clear(bool keep_args)
{
	struct mm_struct *mm = current->mm;
	unsigned long lo = 0, hi = 0;
	struct vma_rec *recs;
	unsigned int i, n;
	int ret = 0;

	if (keep_args) {
		spin_lock(&mm->arg_lock);
		if (mm->arg_start < mm->env_end) {
			lo = mm->arg_start & PAGE_MASK;
			hi = PAGE_ALIGN(mm->env_end);
		}
		spin_unlock(&mm->arg_lock);
	}
	recs = vmas_snapshot(&n);
	if (!recs)
		return -ENOMEM;
	for (i = 0; i < n && !ret; i++) {
		unsigned long start = recs[i].start, end = recs[i].end;

		if (start >= hi || end <= lo) {
			ret = vm_munmap(start, end - start);
			continue;
		}
		if (start < lo)
			ret = vm_munmap(start, lo - start);
		if (!ret && end > hi)
			ret = vm_munmap(hi, end - hi);
	}
	kvfree(recs);
	return ret;
}

static void mm_put(struct ostream *os)
{
	struct mm_struct *mm = current->mm;
	const struct cred *cred = current_cred();
	u64 words[HPC_IMAGE_MM_WORDS] = {
		mm->start_code, mm->end_code, mm->start_data, mm->end_data,
		mm->start_brk, mm->brk, mm->start_stack, mm->arg_start, mm->arg_end,
		mm->env_start, mm->env_end, mm->mmap_base, mm->mmap_legacy_base,
	};
	struct rlimit rlim[HPC_IMAGE_RLIMITS];
	char comm[TASK_COMM_LEN];
	unsigned int i;

	static_assert(RLIM_NLIMITS == HPC_IMAGE_RLIMITS);
	static_assert(TASK_COMM_LEN == 16);
	static_assert(ARRAY_SIZE(mm->saved_auxv) <= HPC_IMAGE_AUXV_MAX);

	os_u64(os, HPC_IMAGE_MAGIC);
	os_u64(os, HPC_IMAGE_VERSION);
	for (i = 0; i < HPC_IMAGE_MM_WORDS; i++)
		os_u64(os, words[i]);
	os_u64(os, (unsigned long)mm->context.vdso);
	os_u64(os, ARRAY_SIZE(mm->saved_auxv));
	for (i = 0; i < ARRAY_SIZE(mm->saved_auxv); i++)
		os_u64(os, mm->saved_auxv[i]);
	os_u64(os, current->personality);
	os_u64(os, from_kuid(&init_user_ns, cred->euid));
	os_u64(os, from_kgid(&init_user_ns, cred->egid));
	get_task_comm(comm, current);
	os_put(os, comm, sizeof(comm));
	task_lock(current->group_leader);
	memcpy(rlim, current->signal->rlim, sizeof(rlim));
	task_unlock(current->group_leader);
	os_u64(os, HPC_IMAGE_RLIMITS);
	for (i = 0; i < HPC_IMAGE_RLIMITS; i++) {
		os_u64(os, rlim[i].rlim_cur);
		os_u64(os, rlim[i].rlim_max);
	}
}

static int pages_put(struct ostream *os, const struct vma_rec *recs, unsigned int n)
{
	unsigned long addr;
	unsigned int i;
	void *page;

	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (i = 0; i < n && !os->err; i++) {
		if (!(recs[i].flags & HPC_IMAGE_VMA_READ))
			continue;
		for (addr = recs[i].start; addr < recs[i].end && !os->err; addr += PAGE_SIZE) {
			/* A page past the end of a file reads as a fault: it has nothing. */
			if (copy_from_user(page, (void __user *)addr, PAGE_SIZE))
				continue;
			if (!memchr_inv(page, 0, PAGE_SIZE))
				continue;
			os_u64(os, addr);
			os_put(os, page, PAGE_SIZE);
			cond_resched();
		}
	}
	os_u64(os, HPC_IMAGE_END);
	kfree(page);
	return 0;
}

/**
 * hpc_image_send() - write current's image to the other half
 * @chan: the channel
 * @regs: current's user registers
 *
 * Return: 0, or the error that stopped it (the channel is then dead or
 * the image incomplete; the receiver refuses it).
 */
int hpc_image_send(struct hpc_chan *chan, struct pt_regs *regs)
{
	struct ostream os = { .chan = chan };
	struct vma_rec *recs;
	unsigned int i, n;
	int ret;

	os.buf = kvmalloc(HPC_IMAGE_CHUNK, GFP_KERNEL);
	recs = vmas_snapshot(&n);
	if (!os.buf || !recs) {
		ret = -ENOMEM;
		goto out;
	}
	mm_put(&os);
	os_u64(&os, n);
	for (i = 0; i < n; i++) {
		os_u64(&os, recs[i].start);
		os_u64(&os, recs[i].end);
		os_u64(&os, recs[i].flags);
	}
	ret = pages_put(&os, recs, n);
	if (!ret)
		ret = regs_put(&os);
	os_u64(&os, HPC_IMAGE_MAGIC);
	os_flush(&os);
	if (!ret)
		ret = os.err;
out:
	kvfree(recs);
	kvfree(os.buf);
	return ret;
}

/* A guest runs with home's user and group ids and no capabilities. */
static int guest_creds(u64 uid, u64 gid)
{
	kuid_t kuid = make_kuid(&init_user_ns, uid);
	kgid_t kgid = make_kgid(&init_user_ns, gid);
	struct group_info *none;
	struct cred *new;

	if (uid > U32_MAX || gid > U32_MAX || !uid_valid(kuid) || !gid_valid(kgid))
		return -EINVAL;
	none = groups_alloc(0);
	if (!none)
		return -ENOMEM;
	new = prepare_creds();
	if (!new) {
		put_group_info(none);
		return -ENOMEM;
	}
	new->uid = kuid;
	new->euid = kuid;
	new->suid = kuid;
	new->fsuid = kuid;
	new->gid = kgid;
	new->egid = kgid;
	new->sgid = kgid;
	new->fsgid = kgid;
	cap_clear(new->cap_inheritable);
	cap_clear(new->cap_permitted);
	cap_clear(new->cap_effective);
	cap_clear(new->cap_bset);
	cap_clear(new->cap_ambient);
	set_groups(new, none);
	put_group_info(none);
	return commit_creds(new);
}

/* Give current, a new guest with no mm, an empty one with home's vDSO. */
static int guest_mm(unsigned long vdso)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm, *active;
	struct rlimit rlim_stack;
	int ret;

	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	task_lock(tsk->group_leader);
	rlim_stack = tsk->signal->rlim[RLIMIT_STACK];
	task_unlock(tsk->group_leader);
	arch_pick_mmap_layout(mm, &rlim_stack);
	mm->task_size = TASK_SIZE;

	/* As exec_mmap() installs a new mm, for a task that had none. */
	task_lock(tsk);
	membarrier_exec_mmap(mm);
	local_irq_disable();
	active = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	activate_mm(active, mm);
	local_irq_enable();
	lru_gen_add_mm(mm);
	task_unlock(tsk);
	lru_gen_use_mm(mm);
	mmdrop(active);

	set_dumpable(mm, SUID_DUMP_DISABLE);
	ret = map_vdso_once(&vdso_image_64, vdso + vdso_image_64.sym_vvar_start);
	if (ret)
		return ret;
	return (unsigned long)mm->context.vdso == vdso ? 0 : -EXDEV;
}

static int mm_get(struct istream *is, bool guest)
{
	u64 words[HPC_IMAGE_MM_WORDS], auxv[HPC_IMAGE_AUXV_MAX], vdso, n, pers, uid, gid;
	struct rlimit rlim[HPC_IMAGE_RLIMITS];
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	unsigned int i;
	int ret;

	if (is_u64(is) != HPC_IMAGE_MAGIC || is_u64(is) != HPC_IMAGE_VERSION)
		return is->err ?: -EINVAL;
	for (i = 0; i < HPC_IMAGE_MM_WORDS; i++)
		words[i] = is_u64(is);
	vdso = is_u64(is);
	n = is_u64(is);
	if (n > HPC_IMAGE_AUXV_MAX)
		return is->err ?: -EINVAL;
	for (i = 0; i < n; i++)
		auxv[i] = is_u64(is);
	pers = is_u64(is);
	uid = is_u64(is);
	gid = is_u64(is);
	is_get(is, comm, sizeof(comm));
	comm[sizeof(comm) - 1] = 0;
	if (is_u64(is) != HPC_IMAGE_RLIMITS)
		return is->err ?: -EINVAL;
	for (i = 0; i < HPC_IMAGE_RLIMITS; i++) {
		rlim[i].rlim_cur = is_u64(is);
		rlim[i].rlim_max = is_u64(is);
		if (rlim[i].rlim_cur > rlim[i].rlim_max)
			return is->err ?: -EINVAL;
	}
	if (is->err)
		return is->err;
	for (i = 0; i < HPC_IMAGE_MM_WORDS; i++)
		if (words[i] >= TASK_SIZE_MAX)
			return -EINVAL;
	if (vdso >= TASK_SIZE_MAX || pers > U32_MAX)
		return -EINVAL;

	if (guest) {
		ret = guest_creds(uid, gid);
		if (ret)
			return ret;
		current->personality = pers;
		set_task_comm(current, comm);
		task_lock(current->group_leader);
		memcpy(current->signal->rlim, rlim, sizeof(rlim));
		task_unlock(current->group_leader);
		ret = guest_mm(vdso);
		if (ret)
			return ret;
	} else if ((unsigned long)current->mm->context.vdso != vdso) {
		return -EXDEV;
	}

	mm = current->mm;
	mmap_write_lock(mm);
	mm->start_code = words[0];
	mm->end_code = words[1];
	mm->start_data = words[2];
	mm->end_data = words[3];
	mm->start_brk = words[4];
	mm->brk = words[5];
	mm->start_stack = words[6];
	spin_lock(&mm->arg_lock);
	mm->arg_start = words[7];
	mm->arg_end = words[8];
	mm->env_start = words[9];
	mm->env_end = words[10];
	spin_unlock(&mm->arg_lock);
	mm->mmap_base = words[11];
	mm->mmap_legacy_base = words[12];
	memset(mm->saved_auxv, 0, sizeof(mm->saved_auxv));
	for (i = 0; i < n && i < ARRAY_SIZE(mm->saved_auxv); i++)
		mm->saved_auxv[i] = auxv[i];
	mmap_write_unlock(mm);
	return 0;
}

static int vmas_get(struct istream *is, struct vma_rec **recsp, unsigned int *countp)
{
	unsigned long prot, flags, ret;
	struct vma_rec *recs;
	unsigned int i;
	u64 n;

	n = is_u64(is);
	if (is->err)
		return is->err;
	if (n > HPC_IMAGE_VMAS_MAX)
		return -EINVAL;
	recs = kvcalloc(n + 1, sizeof(*recs), GFP_KERNEL);
	if (!recs)
		return -ENOMEM;
	*recsp = recs;
	*countp = n;
	for (i = 0; i < n; i++) {
		recs[i].start = is_u64(is);
		recs[i].end = is_u64(is);
		recs[i].flags = is_u64(is);
		if (is->err)
			return is->err;
		if (recs[i].start >= recs[i].end || recs[i].end > TASK_SIZE_MAX ||
		    !PAGE_ALIGNED(recs[i].start) || !PAGE_ALIGNED(recs[i].end) ||
		    (i && recs[i].start < recs[i - 1].end) ||
		    (recs[i].flags & ~(u64)HPC_IMAGE_VMA_KNOWN))
			return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		prot = 0;
		if (recs[i].flags & HPC_IMAGE_VMA_READ)
			prot |= PROT_READ;
		if (recs[i].flags & HPC_IMAGE_VMA_WRITE)
			prot |= PROT_WRITE;
		if (recs[i].flags & HPC_IMAGE_VMA_EXEC)
			prot |= PROT_EXEC;
		flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE;
		if (recs[i].flags & HPC_IMAGE_VMA_GROWSDOWN)
			flags |= MAP_GROWSDOWN;
		ret = vm_mmap(NULL, recs[i].start, recs[i].end - recs[i].start, prot, flags, 0);
		if (IS_ERR_VALUE(ret))
			return ret;
		if (ret != recs[i].start)
			return -EINVAL;
	}
	return 0;
}

static int pages_get(struct istream *is, const struct vma_rec *recs, unsigned int n)
{
	unsigned int i = 0;
	void *page;
	u64 addr, prev = 0;
	int ret = 0;

	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (;;) {
		addr = is_u64(is);
		if (is->err || addr == HPC_IMAGE_END)
			break;
		if (!PAGE_ALIGNED(addr) || (prev && addr <= prev)) {
			ret = -EINVAL;
			break;
		}
		prev = addr;
		while (i < n && recs[i].end <= addr)
			i++;
		if (i == n || addr < recs[i].start) {
			ret = -EINVAL;
			break;
		}
		is_get(is, page, PAGE_SIZE);
		if (is->err)
			break;
		if (recs[i].flags & HPC_IMAGE_VMA_WRITE) {
			if (copy_to_user((void __user *)(unsigned long)addr, page, PAGE_SIZE))
				ret = -EFAULT;
		} else if (access_remote_vm(current->mm, addr, page, PAGE_SIZE,
					    FOLL_FORCE | FOLL_WRITE) != PAGE_SIZE) {
			ret = -EFAULT;
		}
		if (ret) {
			pr_warn("process image: cannot write the page at %#llx (area %#llx-%#llx, %#llx)\n",
				addr, recs[i].start, recs[i].end, recs[i].flags);
			break;
		}
		cond_resched();
	}
	kfree(page);
	return ret ?: is->err;
}

/**
 * hpc_image_receive() - rebuild the process from an image, in current
 * @chan:  the channel the image arrives on
 * @regs:  current's user registers, which become the process's
 * @guest: current is a new remote with no mm yet; else the deputy, whose
 *         mm is emptied first
 *
 * On failure current's user state is not usable: the caller ends it.
 *
 * Return: 0, -EINVAL for an image that does not make sense, -EXDEV for one
 * from a node with another vDSO, or the error of the mm or the channel.
 */
int hpc_image_receive(struct hpc_chan *chan, struct pt_regs *regs, bool guest)
{
	struct istream is = { .chan = chan };
	struct vma_rec *recs = NULL;
	unsigned int n = 0;
	int ret;

	if (!guest) {
		ret = hpc_mm_clear(false);
		if (ret)
			return ret;
	}
	ret = mm_get(&is, guest);
	if (!ret)
		ret = vmas_get(&is, &recs, &n);
	if (!ret)
		ret = pages_get(&is, recs, n);
	if (!ret)
		ret = regs_get(&is, regs, guest);
	if (!ret && is_u64(&is) != HPC_IMAGE_MAGIC)
		ret = is.err ?: -EINVAL;
	if (is.msg)
		hpc_msg_free(is.msg);
	kvfree(recs);
	return ret;
}
