// SPDX-License-Identifier: GPL-2.0-only
/*
 * For the live views (mosmon, mtop): a signal only sets a flag, which the
 * view's loop checks between two short waits for a key, so the terminal is
 * always restored by the loop itself.
 */
#include <string.h>
#include <time.h>

#include "live.h"

volatile sig_atomic_t hpc_live_stop;

static void on_signal(int sig)
{
	hpc_live_stop = 1;
}

void hpc_live_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

double hpc_live_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
