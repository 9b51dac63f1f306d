/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libhpc: the one place where the openMosix tools talk to the kernel.
 *
 * Every path is relative to the proc root, "/proc" unless the environment
 * variable HPC_PROC_ROOT names another directory (the tests point it at a
 * fake tree). Functions return 0 or -1 with errno set, like system calls.
 */
#ifndef HPC_LIB_H
#define HPC_LIB_H

#include <stddef.h>

/* The proc root in use: $HPC_PROC_ROOT or "/proc". */
const char *hpc_proc_root(void);

/* Build "<root>/<rel>" into buf; -1 with ENAMETOOLONG if it does not fit. */
int hpc_path(char *buf, size_t size, const char *rel);

/* Read a whole small file into buf (NUL-terminated, trailing newline removed). */
int hpc_read_text(const char *rel, char *buf, size_t size);

/* Read a file holding one decimal integer. */
int hpc_read_long(const char *rel, long long *val);

/* Write text to a file in one write(2); the kernel's errno is kept. */
int hpc_write_text(const char *rel, const char *text);

/* Write one decimal integer followed by a newline. */
int hpc_write_long(const char *rel, long long val);

/* The largest node id. */
#define HPC_MAX_NODE 65535

/*
 * The ids of the nodes in /proc/hpc/nodes, ascending, in a malloc()ed array
 * the caller frees (NULL when there are none).
 */
int hpc_list_nodes(unsigned **ids, size_t *count);

/*
 * The entries of directory rel that are decimal numbers 1..max without
 * leading zeros, sorted, in a malloc()ed array; other names are skipped.
 */
int hpc_list_numbers(const char *rel, unsigned long max, unsigned long **nums, size_t *count);

/* Longest piece of untrusted text quoted back in a message. */
#define HPC_SHOWN_MAX 32

/*
 * Bad input quoted back in a message: at most HPC_SHOWN_MAX characters,
 * unprintable ones as '?', "..." when cut. buf needs HPC_SHOWN_MAX + 4 bytes.
 */
const char *hpc_shown(const char *s, char *buf);

#endif /* HPC_LIB_H */
