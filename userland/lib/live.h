/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * For the live views (mosmon, mtop): stopping on a signal and the clock
 * that paces their refreshes.
 */
#ifndef HPC_LIVE_H
#define HPC_LIVE_H

#include <signal.h>

/* Set by SIGINT, SIGTERM and SIGHUP once hpc_live_catch_signals() ran. */
extern volatile sig_atomic_t hpc_live_stop;

void hpc_live_catch_signals(void);

/* Seconds on the monotonic clock. */
double hpc_live_now(void);

#endif /* HPC_LIVE_H */
