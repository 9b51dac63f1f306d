/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * setpe: load the node map (and with -k the cluster key) into the kernel
 * (-w), check them (-c), write the kernel's table out (-r) or leave the
 * cluster (-off). main.c parses the options; each operation has its own
 * file. The map and the key file are parsed and checked by libhpc
 * (lib/map.c, lib/key.c), the kernel is reached only through libhpc.
 */
#ifndef SETPE_H
#define SETPE_H

#include <stdbool.h>

/* main.c */
const char *setpe_path(const char *rel);
void setpe_require_kernel(void);

/*
 * load.c: -w, and -c when write is false; path NULL: the default map;
 * keyfile (-k) NULL: leave the cluster key alone
 */
int setpe_load(const char *path, const char *keyfile, bool write);

/* read.c: -r; path NULL or "-": standard output */
int setpe_read(const char *path);

/* off.c: -off */
int setpe_off(void);

#endif /* SETPE_H */
