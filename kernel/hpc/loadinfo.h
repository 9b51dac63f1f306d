/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * This node's load information, measured here and spread by gossip.
 */
#ifndef _HPC_LOADINFO_H
#define _HPC_LOADINFO_H

#include "wire.h"

/* How often this node measures itself and gossips, and to how many nodes. */
#define HPC_LOAD_SAMPLE_MS	250
#define HPC_GOSSIP_MS		1000
#define HPC_GOSSIP_FANOUT	2

int hpc_loadinfo_init(void);
void hpc_loadinfo_receive(unsigned int from, const struct hpc_wire_load *msg);

#endif /* _HPC_LOADINFO_H */
