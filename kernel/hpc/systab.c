// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system calls of a migrated process: which run where, and which user
 * memory they read and write.
 *
 * A guest's calls are caught at syscall entry (hpc_syscall_enter()). Memory
 * management, clocks and rseq run locally: they only touch the address
 * space, which is here. getpid() and gettid() are answered with the pid at
 * home. The calls of the table below are forwarded: the remote packs their
 * arguments and the buffers they read (hpc_systab_pack()), the deputy
 * copies the buffers into a scratch area of its own, empty, address space,
 * points the arguments there, makes the call with x64_sys_call() and sends
 * back the result and the buffers the call wrote (hpc_systab_run()), which
 * the remote copies to the original addresses (hpc_systab_unpack()).
 *
 * Every other call takes the process home, where it runs natively: that
 * is always correct, only slower. fork, exec, threads, sockets, mmap of a
 * file and calls with nested pointers (readv, sendmsg, most ioctls) are of
 * that kind.
 *
 * A fixed-size buffer that the call writes is sent both ways, so the bytes
 * a call leaves alone keep their value. A read()-style buffer returns only
 * the bytes the result counts, and its length is capped at
 * HPC_SYS_BUF_MAX (a shorter read or write is allowed by their contract).
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <linux/restart_block.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/sysinfo.h>
#include <linux/times.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <asm/ioctls.h>
#include <asm/stat.h>
#include <asm/syscall.h>
#include <asm/unaligned.h>
#include <asm/unistd.h>
#include <uapi/linux/stat.h>

#include <hpc/protocol.h>

#include "systab.h"

enum arg_kind {
	K_NONE,		/* a number */
	K_IN,		/* a buffer the call reads */
	K_INOUT,	/* a buffer it may write: sent both ways */
	K_OUT_RET,	/* a buffer it fills with as many bytes as it returns */
	K_STR,		/* a path or name */
};

/*
 * One argument: its kind, and for a buffer its length, either fixed (size)
 * or taken from another argument (len_arg) times mul.
 */
struct sys_arg {
	u8 kind;
	u8 len_arg;
	u8 mul;
	u16 size;
};

struct sys_entry {
	u8 action;
	struct sys_arg arg[HPC_WIRE_SYSCALL_ARGS];
};

#define N		{ K_NONE }
#define IN(a)		{ K_IN, a, 1, 0 }
#define INOUT(n)	{ K_INOUT, 0, 0, n }
#define INOUT_N(a, m)	{ K_INOUT, a, m, 0 }
#define OUT_RET(a)	{ K_OUT_RET, a, 1, 0 }
#define IN_FIX(n)	{ K_IN, 0, 0, n }
#define S		{ K_STR }
#define FWD(...)	{ .action = HPC_SYS_FORWARD, .arg = { __VA_ARGS__ } }
#define LOCAL		{ .action = HPC_SYS_LOCAL }

#define STAT_SIZE	sizeof(struct stat)
#define TS_SIZE		sizeof(struct __kernel_timespec)
#define SIGSET_SIZE	sizeof(sigset_t)
#define SIGACT_SIZE	32	/* struct sigaction of x86-64 */
#define RLIM_SIZE	sizeof(struct rlimit64)
#define ITIMER_SIZE	32	/* struct itimerval */
#define SIGINFO_SIZE	sizeof(siginfo_t)
#define RUSAGE_SIZE	sizeof(struct rusage)

static const struct sys_entry systab[] = {
	/* Local: they only touch the address space, clocks or the task here. */
	[__NR_brk]		= LOCAL,
	[__NR_munmap]		= LOCAL,
	[__NR_mprotect]		= LOCAL,
	[__NR_mremap]		= LOCAL,
	[__NR_madvise]		= LOCAL,
	[__NR_arch_prctl]	= LOCAL,
	[__NR_rseq]		= LOCAL,
	[__NR_sched_yield]	= LOCAL,
	[__NR_getrandom]	= LOCAL,
	[__NR_clock_gettime]	= LOCAL,
	[__NR_clock_getres]	= LOCAL,
	[__NR_gettimeofday]	= LOCAL,
	[__NR_time]		= LOCAL,
	[__NR_getpid]		= { .action = HPC_SYS_PID },
	[__NR_gettid]		= { .action = HPC_SYS_PID },
	[__NR_exit]		= { .action = HPC_SYS_EXIT },
	[__NR_exit_group]	= { .action = HPC_SYS_EXIT },

	/* Files. */
	[__NR_read]		= FWD(N, OUT_RET(2), N),
	[__NR_write]		= FWD(N, IN(2), N),
	[__NR_pread64]		= FWD(N, OUT_RET(2), N, N),
	[__NR_pwrite64]		= FWD(N, IN(2), N, N),
	[__NR_open]		= FWD(S, N, N),
	[__NR_openat]		= FWD(N, S, N, N),
	[__NR_creat]		= FWD(S, N),
	[__NR_close]		= FWD(N),
	[__NR_lseek]		= FWD(N, N, N),
	[__NR_stat]		= FWD(S, INOUT(STAT_SIZE)),
	[__NR_lstat]		= FWD(S, INOUT(STAT_SIZE)),
	[__NR_fstat]		= FWD(N, INOUT(STAT_SIZE)),
	[__NR_newfstatat]	= FWD(N, S, INOUT(STAT_SIZE), N),
	[__NR_statx]		= FWD(N, S, N, N, INOUT(sizeof(struct statx))),
	[__NR_access]		= FWD(S, N),
	[__NR_faccessat]	= FWD(N, S, N),
	[__NR_faccessat2]	= FWD(N, S, N, N),
	[__NR_dup]		= FWD(N),
	[__NR_dup2]		= FWD(N, N),
	[__NR_dup3]		= FWD(N, N, N),
	[__NR_pipe]		= FWD(INOUT(8)),
	[__NR_pipe2]		= FWD(INOUT(8), N),
	[__NR_fcntl]		= FWD(N, N, N),
	[__NR_ioctl]		= FWD(N, N, N),	/* the third: see arg_spec() */
	[__NR_flock]		= FWD(N, N),
	[__NR_fsync]		= FWD(N),
	[__NR_fdatasync]	= FWD(N),
	[__NR_truncate]		= FWD(S, N),
	[__NR_ftruncate]	= FWD(N, N),
	[__NR_getdents]		= FWD(N, OUT_RET(2), N),
	[__NR_getdents64]	= FWD(N, OUT_RET(2), N),
	[__NR_getcwd]		= FWD(OUT_RET(1), N),
	[__NR_chdir]		= FWD(S),
	[__NR_fchdir]		= FWD(N),
	[__NR_rename]		= FWD(S, S),
	[__NR_renameat]		= FWD(N, S, N, S),
	[__NR_renameat2]	= FWD(N, S, N, S, N),
	[__NR_mkdir]		= FWD(S, N),
	[__NR_mkdirat]		= FWD(N, S, N),
	[__NR_rmdir]		= FWD(S),
	[__NR_link]		= FWD(S, S),
	[__NR_unlink]		= FWD(S),
	[__NR_unlinkat]		= FWD(N, S, N),
	[__NR_symlink]		= FWD(S, S),
	[__NR_readlink]		= FWD(S, OUT_RET(2), N),
	[__NR_readlinkat]	= FWD(N, S, OUT_RET(3), N),
	[__NR_chmod]		= FWD(S, N),
	[__NR_fchmod]		= FWD(N, N),
	[__NR_fchmodat]		= FWD(N, S, N),
	[__NR_chown]		= FWD(S, N, N),
	[__NR_fchown]		= FWD(N, N, N),
	[__NR_lchown]		= FWD(S, N, N),
	[__NR_umask]		= FWD(N),
	[__NR_poll]		= FWD(INOUT_N(1, 8), N, N),

	/* Identity, limits and the system: home's answers. */
	[__NR_uname]		= FWD(INOUT(sizeof(struct new_utsname))),
	[__NR_sysinfo]		= FWD(INOUT(sizeof(struct sysinfo))),
	[__NR_times]		= FWD(INOUT(sizeof(struct tms))),
	[__NR_getrusage]	= FWD(N, INOUT(RUSAGE_SIZE)),
	[__NR_getrlimit]	= FWD(N, INOUT(RLIM_SIZE)),
	[__NR_setrlimit]	= FWD(N, IN_FIX(RLIM_SIZE)),
	[__NR_prlimit64]	= FWD(N, N, IN_FIX(RLIM_SIZE), INOUT(RLIM_SIZE)),
	[__NR_getuid]		= FWD(),
	[__NR_geteuid]		= FWD(),
	[__NR_getgid]		= FWD(),
	[__NR_getegid]		= FWD(),
	[__NR_getppid]		= FWD(),
	[__NR_getpgrp]		= FWD(),
	[__NR_getpgid]		= FWD(N),
	[__NR_getsid]		= FWD(N),
	[__NR_setpgid]		= FWD(N, N),
	[__NR_setsid]		= FWD(),
	[__NR_getpriority]	= FWD(N, N),
	[__NR_setpriority]	= FWD(N, N, N),

	/* Signals, timers, children and sleeps: they belong to home. */
	[__NR_rt_sigaction]	= FWD(N, IN_FIX(SIGACT_SIZE), INOUT(SIGACT_SIZE), N),
	[__NR_rt_sigprocmask]	= FWD(N, IN_FIX(SIGSET_SIZE), INOUT(SIGSET_SIZE), N),
	[__NR_rt_sigpending]	= FWD(INOUT(SIGSET_SIZE), N),
	[__NR_kill]		= FWD(N, N),
	[__NR_tgkill]		= FWD(N, N, N),
	[__NR_alarm]		= FWD(N),
	[__NR_getitimer]	= FWD(N, INOUT(ITIMER_SIZE)),
	[__NR_setitimer]	= FWD(N, IN_FIX(ITIMER_SIZE), INOUT(ITIMER_SIZE)),
	[__NR_nanosleep]	= FWD(IN_FIX(TS_SIZE), INOUT(TS_SIZE)),
	[__NR_clock_nanosleep]	= FWD(N, N, IN_FIX(TS_SIZE), INOUT(TS_SIZE)),
	[__NR_pause]		= FWD(),
	[__NR_wait4]		= FWD(N, INOUT(4), N, INOUT(RUSAGE_SIZE)),
	[__NR_waitid]		= FWD(N, N, INOUT(SIGINFO_SIZE), N, INOUT(RUSAGE_SIZE)),
};

static const struct sys_entry *entry_of(unsigned int nr)
{
	if (nr >= ARRAY_SIZE(systab))
		return NULL;
	return &systab[nr];
}

/* The out size of the ioctls that are forwarded, or 0 for the others. */
static unsigned int ioctl_size(unsigned long cmd)
{
	switch (cmd) {
	case TCGETS:
		return 36;	/* struct termios */
	case TIOCGWINSZ:
		return 8;	/* struct winsize */
	case FIONREAD:
	case TIOCGPGRP:
		return 4;
	}
	return 0;
}

/**
 * hpc_systab_action() - where a guest's system call runs
 * @nr:   the x86-64 system call number
 * @args: its six arguments
 *
 * Return: &enum hpc_sys_action.
 */
enum hpc_sys_action hpc_systab_action(unsigned int nr, const unsigned long *args)
{
	const struct sys_entry *e = entry_of(nr);

	if (!e)
		return HPC_SYS_HOME;
	switch (nr) {
	case __NR_mmap:
		/* Private anonymous memory is local; a file or shared memory is not. */
		return (args[3] & MAP_ANONYMOUS) && (args[3] & MAP_TYPE) == MAP_PRIVATE ?
		       HPC_SYS_LOCAL : HPC_SYS_HOME;
	case __NR_fcntl:
		switch (args[1]) {
		case F_DUPFD: case F_DUPFD_CLOEXEC: case F_GETFD: case F_SETFD:
		case F_GETFL: case F_SETFL:
			return HPC_SYS_FORWARD;
		}
		return HPC_SYS_HOME;
	case __NR_ioctl:
		return ioctl_size(args[1]) ? HPC_SYS_FORWARD : HPC_SYS_HOME;
	case __NR_rt_sigaction:
	case __NR_rt_sigprocmask:
		return args[3] == SIGSET_SIZE ? HPC_SYS_FORWARD : HPC_SYS_HOME;
	case __NR_rt_sigpending:
		return args[1] == SIGSET_SIZE ? HPC_SYS_FORWARD : HPC_SYS_HOME;
	case __NR_setitimer:
		/* A CPU-time timer keeps the process home (cantmove). */
		return args[0] == ITIMER_REAL ? HPC_SYS_FORWARD : HPC_SYS_HOME;
	}
	return e->action;
}

/* The kind and length of argument i; lengths are not checked here. */
static enum arg_kind arg_spec(unsigned int nr, const unsigned long *args, unsigned int i,
			      u64 *len)
{
	const struct sys_arg *a = &entry_of(nr)->arg[i];

	if (nr == __NR_ioctl && i == 2) {
		*len = ioctl_size(args[1]);
		return K_INOUT;
	}
	if (a->kind == K_STR)
		*len = PATH_MAX;
	else if (a->size)
		*len = a->size;
	else
		*len = (u64)args[a->len_arg] * a->mul;
	return a->kind;
}

/* Room for a buffer in the scratch area and the messages. */
static u32 rounded(u64 len)
{
	return ALIGN(len, 16);
}

/**
 * hpc_systab_pack() - the SYSCALL payload of a forwarded call, on the remote
 * @nr:   the call
 * @args: its arguments; a length beyond %HPC_SYS_BUF_MAX is lowered here
 * @bufp: the payload, to be freed with kvfree()
 * @lenp: its length
 *
 * Return: 0, -EFAULT if a buffer cannot be read (the call fails with it,
 * as it would at home), -E2BIG if the buffers are too big to forward or a
 * path too long (the call then goes home), -ENOMEM.
 */
int hpc_systab_pack(unsigned int nr, unsigned long *args, u8 **bufp, u32 *lenp)
{
	const struct sys_entry *e = entry_of(nr);
	u64 len[HPC_WIRE_SYSCALL_ARGS], total = 0;
	char *str = NULL;
	unsigned int i;
	u8 *buf, *p;
	int ret = 0;

	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS; i++) {
		enum arg_kind kind = arg_spec(nr, args, i, &len[i]);
		const struct sys_arg *a = &e->arg[i];

		if (kind == K_NONE || !args[i]) {
			len[i] = 0;
			continue;
		}
		if (len[i] > HPC_SYS_BUF_MAX) {
			/* read() and write() may do less than asked. */
			if ((kind != K_IN && kind != K_OUT_RET) || a->size || a->mul != 1)
				return -E2BIG;
			args[a->len_arg] = HPC_SYS_BUF_MAX;
			len[i] = HPC_SYS_BUF_MAX;
		}
		if (kind == K_OUT_RET)
			len[i] = 0;	/* nothing to send, only room at home */
		total += HPC_WIRE_BUF_HEAD + rounded(len[i]);
	}
	if (total > HPC_SYS_BUF_MAX + HPC_WIRE_SYSCALL_ARGS * (PATH_MAX + 32))
		return -E2BIG;

	buf = kvmalloc(8 * HPC_WIRE_SYSCALL_ARGS + total, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	p = buf;
	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS; i++, p += 8)
		put_unaligned_be64(args[i], p);
	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS && !ret; i++) {
		u64 unused;
		long n;

		if (!len[i])
			continue;
		switch (arg_spec(nr, args, i, &unused)) {
		case K_STR:
			if (!str)
				str = kmalloc(PATH_MAX, GFP_KERNEL);
			if (!str) {
				ret = -ENOMEM;
				break;
			}
			n = strncpy_from_user(str, (const char __user *)args[i], PATH_MAX);
			if (n < 0)
				ret = n;
			else if (n == PATH_MAX)
				ret = -E2BIG;
			else
				len[i] = n + 1;
			if (ret)
				break;
			put_unaligned_be32(i, p);
			put_unaligned_be32(len[i], p + 4);
			memcpy(p + HPC_WIRE_BUF_HEAD, str, len[i]);
			p += HPC_WIRE_BUF_HEAD + len[i];
			break;
		case K_IN:
		case K_INOUT:
			put_unaligned_be32(i, p);
			put_unaligned_be32(len[i], p + 4);
			if (copy_from_user(p + HPC_WIRE_BUF_HEAD, (const void __user *)args[i],
					   len[i]))
				ret = -EFAULT;
			p += HPC_WIRE_BUF_HEAD + len[i];
			break;
		default:
			break;
		}
	}
	kfree(str);
	if (ret) {
		kvfree(buf);
		return ret;
	}
	*bufp = buf;
	*lenp = p - buf;
	return 0;
}

/* Take one buffer record off a payload. */
static int buf_next(const u8 **p, const u8 *end, u32 *idx, u32 *len, const u8 **data)
{
	if (end - *p < HPC_WIRE_BUF_HEAD)
		return -EPROTO;
	*idx = get_unaligned_be32(*p);
	*len = get_unaligned_be32(*p + 4);
	if (*idx >= HPC_WIRE_SYSCALL_ARGS || *len > end - *p - HPC_WIRE_BUF_HEAD)
		return -EPROTO;
	*data = *p + HPC_WIRE_BUF_HEAD;
	*p += HPC_WIRE_BUF_HEAD + *len;
	return 0;
}

/**
 * hpc_systab_unpack() - apply a SYSRET payload on the remote
 * @nr:   the call
 * @args: its arguments as packed (the buffers' addresses are the remote's)
 * @data: the payload
 * @len:  its length
 *
 * Return: the call's result, or -EIO for a malformed payload.
 */
long hpc_systab_unpack(unsigned int nr, const unsigned long *args, const u8 *data, u32 len)
{
	const u8 *p = data, *end = data + len, *bytes;
	u32 idx, n;
	long result;
	u64 max;

	if (len < 8)
		return -EIO;
	result = (long)get_unaligned_be64(p);
	p += 8;
	while (p < end) {
		enum arg_kind kind;

		if (buf_next(&p, end, &idx, &n, &bytes))
			return -EIO;
		kind = arg_spec(nr, args, idx, &max);
		if ((kind != K_INOUT && kind != K_OUT_RET) || !args[idx] || n > max)
			return -EIO;
		/* The call happened; a buffer that went away here loses its bytes. */
		if (copy_to_user((void __user *)args[idx], bytes, n))
			pr_debug("system call %u: cannot write back %u bytes\n", nr, n);
	}
	return result;
}

/*
 * An interrupted sleep or poll is restarted at home (the process comes home
 * for the signal), by restart_syscall(), with pointers it saved: make them
 * the process's own instead of the scratch area's.
 */
static void restart_fixup(unsigned int nr, const unsigned long *orig)
{
	struct restart_block *rb = &current->restart_block;

	switch (nr) {
	case __NR_nanosleep:
		rb->nanosleep.rmtp = (struct __kernel_timespec __user *)orig[1];
		break;
	case __NR_clock_nanosleep:
		rb->nanosleep.rmtp = (struct __kernel_timespec __user *)orig[3];
		break;
	case __NR_poll:
		rb->poll.ufds = (struct pollfd __user *)orig[0];
		break;
	}
}

/**
 * hpc_systab_run() - make a forwarded call at home, in the deputy
 * @nr:         the call
 * @data:       the SYSCALL payload
 * @len:        its length
 * @scratch:    the deputy's scratch area (%HPC_SYS_SCRATCH bytes)
 * @replyp:     the SYSRET payload, to be freed with kvfree()
 * @reply_lenp: its length
 *
 * Return: 0 (the call's result is in the reply), -EPROTO for a payload
 * that does not fit the table, -ENOMEM, -EFAULT if the scratch area is gone.
 */
int hpc_systab_run(unsigned int nr, const u8 *data, u32 len, unsigned long scratch,
		   u8 **replyp, u32 *reply_lenp)
{
	unsigned long args[HPC_WIRE_SYSCALL_ARGS], orig[HPC_WIRE_SYSCALL_ARGS];
	unsigned long at[HPC_WIRE_SYSCALL_ARGS] = { 0 };
	u64 size[HPC_WIRE_SYSCALL_ARGS] = { 0 }, want, total = 8;
	const u8 *p = data, *end = data + len, *bytes;
	struct pt_regs regs = { 0 };
	unsigned long off = 0;
	enum arg_kind kind;
	u8 *reply, *q;
	unsigned int i;
	long result;
	u32 idx, n;

	if (!entry_of(nr) || len < 8 * HPC_WIRE_SYSCALL_ARGS)
		return -EPROTO;
	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS; i++, p += 8)
		orig[i] = get_unaligned_be64(p);
	memcpy(args, orig, sizeof(args));
	if (hpc_systab_action(nr, args) != HPC_SYS_FORWARD)
		return -EPROTO;

	/* The buffers the call reads, into the scratch area. */
	while (p < end) {
		if (buf_next(&p, end, &idx, &n, &bytes) || at[idx])
			return -EPROTO;
		kind = arg_spec(nr, args, idx, &want);
		if (kind == K_STR) {
			if (!n || n > want || bytes[n - 1] || memchr(bytes, 0, n) != bytes + n - 1)
				return -EPROTO;
		} else if ((kind != K_IN && kind != K_INOUT) || n != want) {
			return -EPROTO;
		}
		if (!args[idx] || off + rounded(n) > HPC_SYS_SCRATCH)
			return -EPROTO;
		at[idx] = scratch + off;
		size[idx] = n;
		off += rounded(n);
		if (copy_to_user((void __user *)at[idx], bytes, n))
			return -EFAULT;
	}
	/* Room for what it writes; every buffer the remote has must be here. */
	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS; i++) {
		kind = arg_spec(nr, args, i, &want);
		if (kind == K_NONE || !args[i])
			continue;
		if (kind == K_OUT_RET) {
			if (want > HPC_SYS_BUF_MAX || off + rounded(want) > HPC_SYS_SCRATCH)
				return -EPROTO;
			at[i] = scratch + off;
			size[i] = want;
			off += rounded(want);
		} else if (!at[i]) {
			/* Only an empty buffer (write(fd, p, 0)) travels without bytes. */
			if (want)
				return -EPROTO;
			at[i] = scratch;
		}
		if (kind == K_INOUT || kind == K_OUT_RET)
			total += HPC_WIRE_BUF_HEAD + size[i];
		args[i] = at[i];
	}

	regs.di = args[0];
	regs.si = args[1];
	regs.dx = args[2];
	regs.r10 = args[3];
	regs.r8 = args[4];
	regs.r9 = args[5];
	regs.orig_ax = nr;
	result = x64_sys_call(&regs, nr);
	if (result == -ERESTART_RESTARTBLOCK)
		restart_fixup(nr, orig);

	reply = kvmalloc(total, GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	put_unaligned_be64(result, reply);
	q = reply + 8;
	for (i = 0; i < HPC_WIRE_SYSCALL_ARGS; i++) {
		kind = arg_spec(nr, args, i, &want);
		/* A call may write a fixed buffer when it fails (nanosleep's rem). */
		if (!at[i] || (kind != K_INOUT && kind != K_OUT_RET) ||
		    (kind == K_OUT_RET && result <= 0))
			continue;
		n = kind == K_OUT_RET ? min_t(u64, result, size[i]) : size[i];
		put_unaligned_be32(i, q);
		put_unaligned_be32(n, q + 4);
		if (copy_from_user(q + HPC_WIRE_BUF_HEAD, (const void __user *)at[i], n)) {
			kvfree(reply);
			return -EFAULT;
		}
		q += HPC_WIRE_BUF_HEAD + n;
	}
	*replyp = reply;
	*reply_lenp = q - reply;
	return 0;
}
