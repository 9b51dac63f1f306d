/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where each system call of a migrated process runs, and the user memory
 * its arguments point to.
 */
#ifndef _HPC_SYSTAB_H
#define _HPC_SYSTAB_H

#include <linux/types.h>

struct hpc_msg;
struct pt_regs;

enum hpc_sys_action {
	HPC_SYS_HOME,		/* the process goes home and makes the call there */
	HPC_SYS_LOCAL,		/* runs where the process is (memory, clocks) */
	HPC_SYS_FORWARD,	/* runs at home for it, with its buffers */
	HPC_SYS_PID,		/* answered with the pid at home */
	HPC_SYS_EXIT,		/* forwarded; the process ends at home */
};

/* Largest total of buffers one forwarded call carries either way. */
#define HPC_SYS_BUF_MAX		(512 * 1024)
/* Room the deputy maps for them (buffers are rounded up to 16 bytes). */
#define HPC_SYS_SCRATCH		(HPC_SYS_BUF_MAX + 64 * 1024)

enum hpc_sys_action hpc_systab_action(unsigned int nr, const unsigned long *args);
int hpc_systab_pack(unsigned int nr, unsigned long *args, u8 **bufp, u32 *lenp);
long hpc_systab_unpack(unsigned int nr, const unsigned long *args, const u8 *data, u32 len);
int hpc_systab_run(unsigned int nr, const u8 *data, u32 len, unsigned long scratch,
		   u8 **replyp, u32 *reply_lenp);

#endif /* _HPC_SYSTAB_H */
