/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The process image: a process's user half, as it travels between nodes.
 */
#ifndef _HPC_IMAGE_H
#define _HPC_IMAGE_H

#include <linux/types.h>

struct hpc_chan;
struct pt_regs;

int hpc_image_send(struct hpc_chan *chan, struct pt_regs *regs);
int hpc_image_receive(struct hpc_chan *chan, struct pt_regs *regs, bool guest);
int hpc_mm_clear(bool keep_args);

#endif /* _HPC_IMAGE_H */
