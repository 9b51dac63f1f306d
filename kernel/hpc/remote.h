/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guests: the processes of other nodes that run here.
 */
#ifndef _HPC_REMOTE_H
#define _HPC_REMOTE_H

#include <linux/types.h>

struct proc_dir_entry;

void hpc_remote_offer(u16 peer, u32 pid, u32 epoch, u32 src);
int hpc_remote_init(struct proc_dir_entry *hpc_root);

#endif /* _HPC_REMOTE_H */
