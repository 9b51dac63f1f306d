// SPDX-License-Identifier: GPL-2.0-only
/*
 * One frame: two summary lines, a blank line, the column header and one
 * line per process, the busiest first (then the most CPU time, then pid).
 * NODE is "home", the id of the node the process runs on, or "-" when it
 * has no /proc/<pid>/where (a kernel thread, or no openMosix kernel).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mtop.h"

static int add(struct frame *f, size_t width, const char *fmt, ...)
{
	char **lines = realloc(f->lines, (f->count + 1) * sizeof(*lines));
	va_list ap;
	char *line;
	int n;

	if (!lines)
		return -1;
	f->lines = lines;
	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n > width)
		line[width] = '\0';
	f->lines[f->count++] = line;
	return 0;
}

static int busiest_first(const void *a, const void *b)
{
	const struct task *x = *(const struct task *const *)a;
	const struct task *y = *(const struct task *const *)b;
	unsigned long long tx = x->p.utime + x->p.stime, ty = y->p.utime + y->p.stime;

	if (x->cpu != y->cpu)
		return x->cpu < y->cpu ? 1 : -1;
	if (tx != ty)
		return tx < ty ? 1 : -1;
	return (x->p.pid > y->p.pid) - (x->p.pid < y->p.pid);
}

static int summary(struct frame *f, const struct sample *s, size_t width)
{
	size_t running = 0, away = 0, i;

	for (i = 0; i < s->count; i++) {
		running += s->tasks[i].p.state == 'R';
		away += s->tasks[i].p.node > 0;
	}
	if (add(f, width, "mtop: %zu processes, %zu running, %zu away from home",
		s->count, running, away) < 0)
		return -1;
	if (s->mospe < 0)
		return add(f, width, "openMosix: no /proc/hpc (not an openMosix kernel)");
	if (s->mospe == 0)
		return add(f, width, "openMosix: this node is not in a cluster");
	return add(f, width, "openMosix: this is node %lld; %zu nodes known, %zu up",
		   s->mospe, s->nodes, s->up);
}

static int task_line(struct frame *f, const struct task *t, size_t width)
{
	const struct hpc_proc *p = &t->p;
	unsigned long long hz = (unsigned long long)sysconf(_SC_CLK_TCK);
	unsigned long long ticks = p->utime + p->stime, hundredths = ticks * 100 / hz;
	char node[24], uid[24], cmd[80];

	if (p->node < 0)
		snprintf(node, sizeof(node), "-");
	else if (p->node == 0)
		snprintf(node, sizeof(node), "home");
	else
		snprintf(node, sizeof(node), "%lld", p->node);
	if (p->uid < 0)
		snprintf(uid, sizeof(uid), "-");
	else
		snprintf(uid, sizeof(uid), "%lld", p->uid);
	snprintf(cmd, sizeof(cmd), "[%s]", p->comm);
	return add(f, width, "%5d %5s %5s %c %5.1f %4llu:%02llu.%02llu %s", p->pid, uid,
		   node, p->state, t->cpu, hundredths / 6000, hundredths / 100 % 60,
		   hundredths % 100, p->cmdline[0] ? p->cmdline : cmd);
}

int frame_render(struct frame *f, const struct sample *s, size_t width)
{
	const struct task **order = calloc(s->count ? s->count : 1, sizeof(*order));
	size_t i;
	int ret = -1;

	memset(f, 0, sizeof(*f));
	if (!order)
		return -1;
	for (i = 0; i < s->count; i++)
		order[i] = &s->tasks[i];
	qsort(order, s->count, sizeof(*order), busiest_first);
	if (summary(f, s, width) < 0 || add(f, width, "%s", "") < 0 ||
	    add(f, width, "  PID   UID  NODE S  %%CPU      TIME+ COMMAND") < 0)
		goto out;
	for (i = 0; i < s->count; i++)
		if (task_line(f, order[i], width) < 0)
			goto out;
	ret = 0;
out:
	free(order);
	return ret;
}

void frame_free(struct frame *f)
{
	size_t i;

	for (i = 0; i < f->count; i++)
		free(f->lines[i]);
	free(f->lines);
	memset(f, 0, sizeof(*f));
}
