/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libhpc, the process side: the files of /proc/<pid>/ (relative to the proc
 * root like everything in hpc.h). Used by migrate, mosrun, mps and mtop.
 */
#ifndef HPC_PID_H
#define HPC_PID_H

#include <stddef.h>

/*
 * The relative path "<pid>/<name>" ("self/<name>" when pid is 0), for the
 * functions of hpc.h. -1 with ENAMETOOLONG if it does not fit.
 */
int hpc_pid_file(char *rel, size_t size, int pid, const char *name);

/* The processes: the numeric names in the proc root, ascending, malloc()ed. */
int hpc_list_pids(int **pids, size_t *count);

#define HPC_CMDLINE_MAX 4096

/* One process as read from /proc/<pid>/{stat,status,cmdline,where}. */
struct hpc_proc {
	int pid;
	char comm[64];
	char state;
	int ppid, pgrp, session, tty, tpgid;
	long nice, threads;
	unsigned long long utime, stime;	/* clock ticks */
	unsigned long long start;		/* ticks after boot */
	long long uid;		/* effective uid; -1 if unknown */
	long long node;		/* /proc/<pid>/where; -1 if there is none */
	char cmdline[HPC_CMDLINE_MAX];	/* arguments joined by spaces; "" if none */
};

/*
 * Read one process. -1 with errno: ENOENT or ESRCH when it is gone, EINVAL
 * when its stat file is not in the kernel's format, others from the files.
 */
int hpc_read_proc(int pid, struct hpc_proc *p);

/* The name of a tty_nr of stat ("pts/3", "tty1", "ttyS0"); "?" for none. */
const char *hpc_tty_name(int tty, char *buf, size_t size);

#endif /* HPC_PID_H */
