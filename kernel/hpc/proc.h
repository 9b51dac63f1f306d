/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _HPC_PROC_H
#define _HPC_PROC_H

int hpc_proc_init(void);

#endif /* _HPC_PROC_H */
