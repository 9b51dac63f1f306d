/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libhpc: the cluster key file. Every node of a cluster holds the same
 * secret key, kept as hexadecimal text in a file only root can read
 * (default /etc/openmosix/key) and handed to the kernel through
 * /proc/hpc/admin/key. See Documentation/hpc/security.rst.
 */
#ifndef HPC_KEY_H
#define HPC_KEY_H

#include <stddef.h>

/* A key is 16..64 bytes, written as 32..128 hexadecimal digits. */
#define HPC_KEY_MIN_DIGITS	32
#define HPC_KEY_MAX_DIGITS	128
/* Room for the text of a key: the digits, a newline and a NUL. */
#define HPC_KEY_TEXT_SIZE	(HPC_KEY_MAX_DIGITS + 2)

/* The proc file that takes the key, relative to the proc root. */
#define HPC_KEY_PROC		"hpc/admin/key"

/* The default key file: $HPC_ETC/openmosix/key ($HPC_ETC replaces /etc). */
const char *hpc_key_default_path(void);

/*
 * Read the key file at path and check it: a regular file owned by root
 * that neither group nor others may read or write, holding 32..128
 * hexadecimal digits (an even number) and at most one newline, at the end.
 * On success text holds the digits and one newline, NUL-terminated; on
 * failure -1 and msg says what is wrong, naming the file.
 */
int hpc_key_load(const char *path, char text[HPC_KEY_TEXT_SIZE], char *msg, size_t msgsize);

/*
 * Hand a key (text from hpc_key_load()) to the kernel in one write; -1
 * with errno as the kernel set it, and msg saying what failed.
 */
int hpc_key_write_kernel(const char *text, char *msg, size_t msgsize);

#endif /* HPC_KEY_H */
