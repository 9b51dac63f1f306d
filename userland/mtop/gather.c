// SPDX-License-Identifier: GPL-2.0-only
/*
 * One sample of every process. The share of a CPU is the CPU time used
 * since the previous sample over the time between them; for the first
 * sample (and a process new since the previous one) it is the average
 * since the process started, from its start time and /proc/uptime.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hpc.h"
#include "mtop.h"

static double read_uptime(void)
{
	char buf[128];
	double v;

	if (hpc_read_text("uptime", buf, sizeof(buf)) < 0 || sscanf(buf, "%lf", &v) != 1 ||
	    v < 0)
		return 0;
	return v;
}

static void read_cluster(struct sample *s)
{
	unsigned *ids;
	size_t count, i;
	char rel[64], buf[64];

	if (hpc_read_long("hpc/admin/mospe", &s->mospe) < 0)
		s->mospe = -1;
	if (hpc_list_nodes(&ids, &count) < 0)
		return;
	s->nodes = count;
	for (i = 0; i < count; i++) {
		snprintf(rel, sizeof(rel), "hpc/nodes/%u/status", ids[i]);
		if (hpc_read_text(rel, buf, sizeof(buf)) == 0 && !strncmp(buf, "up", 2) &&
		    (buf[2] == '\0' || buf[2] == ' '))
			s->up++;
	}
	free(ids);
}

static const struct task *find(const struct sample *s, int pid)
{
	size_t lo = 0, hi = s ? s->count : 0, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (s->tasks[mid].p.pid == pid)
			return &s->tasks[mid];
		if (s->tasks[mid].p.pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static double share(const struct sample *s, const struct sample *prev, const struct hpc_proc *p)
{
	double hz = (double)sysconf(_SC_CLK_TCK), ticks = (double)(p->utime + p->stime);
	const struct task *old = prev ? find(prev, p->pid) : NULL;
	double span;

	if (old && old->p.start == p->start && s->uptime > prev->uptime) {
		ticks -= (double)(old->p.utime + old->p.stime);
		span = s->uptime - prev->uptime;
	} else {
		span = s->uptime - (double)p->start / hz;
	}
	if (span <= 0 || ticks < 0)
		return 0;
	return ticks / hz / span * 100;
}

int sample_take(struct sample *s, const struct sample *prev)
{
	size_t count, i;
	int *pids;

	memset(s, 0, sizeof(*s));
	if (hpc_list_pids(&pids, &count) < 0)
		return -1;
	s->uptime = read_uptime();
	read_cluster(s);
	s->tasks = calloc(count ? count : 1, sizeof(*s->tasks));
	if (!s->tasks) {
		free(pids);
		return -1;
	}
	for (i = 0; i < count; i++) {
		struct task *t = &s->tasks[s->count];

		if (hpc_read_proc(pids[i], &t->p) < 0)
			continue;	/* gone, or not readable: not shown */
		t->cpu = share(s, prev, &t->p);
		s->count++;
	}
	free(pids);
	return 0;
}

void sample_free(struct sample *s)
{
	free(s->tasks);
	memset(s, 0, sizeof(*s));
}
