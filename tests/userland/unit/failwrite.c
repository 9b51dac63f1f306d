// SPDX-License-Identifier: GPL-2.0-only
/*
 * failwrite ERRNO COMMAND [ARG...]: run COMMAND with every write(2) to a
 * file descriptor above 2 failing with ERRNO (a number or one of the names
 * below), through a seccomp filter. The tests use it to fake the kernel
 * refusing a write to /proc/<pid>/goto and the like, which plain files
 * cannot do (and file modes cannot either: the tests run as root).
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "failwrite: unknown architecture"
#endif

static const struct { const char *name; int e; } names[] = {
	{ "EPERM", EPERM }, { "EACCES", EACCES }, { "EBUSY", EBUSY },
	{ "EINVAL", EINVAL }, { "ESRCH", ESRCH }, { "ENOENT", ENOENT },
	{ "ENOSPC", ENOSPC }, { "EAGAIN", EAGAIN },
};

static int parse_errno(const char *s)
{
	size_t i;
	int v = atoi(s);

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i].name, s))
			return names[i].e;
	return v > 0 && v < 4096 ? v : -1;
}

int main(int argc, char **argv)
{
	int e = argc > 2 ? parse_errno(argv[1]) : -1;

	if (e < 0) {
		fprintf(stderr, "usage: failwrite ERRNO COMMAND [ARG...]\n");
		return 2;
	}
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 3, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (unsigned)e),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(code) / sizeof(code[0]), code };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
		perror("failwrite: seccomp");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
