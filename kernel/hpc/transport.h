/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Authenticated TCP connections between the nodes.
 */
#ifndef _HPC_TRANSPORT_H
#define _HPC_TRANSPORT_H

#include "wire.h"

void hpc_transport_update(void);
void hpc_transport_rekey(void);
void hpc_transport_forget(unsigned int id);
void hpc_transport_drop_lost(void);
int hpc_transport_send(unsigned int id, unsigned int type, const union hpc_wire_body *body);
bool hpc_transport_running(void);

#endif /* _HPC_TRANSPORT_H */
