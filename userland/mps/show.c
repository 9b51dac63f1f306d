// SPDX-License-Identifier: GPL-2.0-only
/*
 * One line per process. The NODE column is /proc/<pid>/where: "home" for a
 * process running at home, the node id for one running elsewhere, and "-"
 * when there is no where file (a kernel thread, or no openMosix kernel).
 * The machine-readable format prints 0 for home instead.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hpc.h"
#include "mps.h"

static const char *node_text(long long node, bool machine, char *buf, size_t size)
{
	if (node < 0)
		return "-";
	if (node == 0 && !machine)
		return "home";
	snprintf(buf, size, "%lld", node);
	return buf;
}

/* lock or nmigs of the process, "-" if it has none. */
static const char *pid_value(int pid, const char *name, char *buf, size_t size)
{
	char rel[64];
	long long v;

	if (hpc_pid_file(rel, sizeof(rel), pid, name) < 0 || hpc_read_long(rel, &v) < 0)
		return "-";
	snprintf(buf, size, "%lld", v);
	return buf;
}

static const char *stat_text(const struct hpc_proc *p, char *buf)
{
	char *s = buf;

	*s++ = p->state;
	if (p->nice < 0)
		*s++ = '<';
	else if (p->nice > 0)
		*s++ = 'N';
	if (p->pid == p->session)
		*s++ = 's';
	if (p->threads > 1)
		*s++ = 'l';
	if (p->tty && p->tpgid == p->pgrp)
		*s++ = '+';
	*s = '\0';
	return buf;
}

/* CPU time as [D-]HH:MM:SS. */
static const char *time_text(unsigned long long ticks, char *buf, size_t size)
{
	unsigned long long t = ticks / (unsigned long long)sysconf(_SC_CLK_TCK);

	if (t >= 86400)
		snprintf(buf, size, "%llu-%02llu:%02llu:%02llu", t / 86400,
			 t / 3600 % 24, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%02llu:%02llu:%02llu", t / 3600, t / 60 % 60, t % 60);
	return buf;
}

static const char *command_text(const struct hpc_proc *p, char *buf, size_t size)
{
	if (p->cmdline[0])
		return p->cmdline;
	snprintf(buf, size, "[%s]", p->comm);
	return buf;
}

/* Print a line, cut at the width when there is one. */
static void put_line(const struct show *s, const char *line)
{
	if (s->width && strlen(line) > s->width)
		printf("%.*s\n", (int)s->width, line);
	else
		printf("%s\n", line);
}

void show_header(const struct show *s)
{
	if (s->format == FORMAT_SHORT)
		put_line(s, "  PID  NODE TTY      STAT     TIME COMMAND");
	else if (s->format == FORMAT_LONG)
		put_line(s, "  PID  PPID   UID  NODE LOCK NMIGS TTY      STAT     TIME COMMAND");
}

void show_proc(const struct show *s, const struct hpc_proc *p)
{
	char line[HPC_CMDLINE_MAX + 256], node[24], lock[32], nmigs[32], tty[32];
	char st[8], tm[32], cmd[80], uid[24];
	bool machine = s->format == FORMAT_MACHINE;
	const char *n = node_text(p->node, machine, node, sizeof(node));
	const char *c = command_text(p, cmd, sizeof(cmd));

	hpc_tty_name(p->tty, tty, sizeof(tty));
	stat_text(p, st);
	if (p->uid < 0)
		snprintf(uid, sizeof(uid), "-");
	else
		snprintf(uid, sizeof(uid), "%lld", p->uid);
	if (s->format == FORMAT_SHORT) {
		snprintf(line, sizeof(line), "%5d %5s %-8s %-4s %8s %s", p->pid, n, tty,
			 st, time_text(p->utime + p->stime, tm, sizeof(tm)), c);
	} else if (s->format == FORMAT_LONG) {
		snprintf(line, sizeof(line), "%5d %5d %5s %5s %4s %5s %-8s %-4s %8s %s",
			 p->pid, p->ppid, uid, n,
			 pid_value(p->pid, "lock", lock, sizeof(lock)),
			 pid_value(p->pid, "nmigs", nmigs, sizeof(nmigs)), tty, st,
			 time_text(p->utime + p->stime, tm, sizeof(tm)), c);
	} else {
		unsigned long long hz = (unsigned long long)sysconf(_SC_CLK_TCK);
		unsigned long long t = p->utime + p->stime;

		snprintf(line, sizeof(line), "%d %d %s %s %s %s %s %s %llu.%02llu %s",
			 p->pid, p->ppid, uid, n,
			 pid_value(p->pid, "lock", lock, sizeof(lock)),
			 pid_value(p->pid, "nmigs", nmigs, sizeof(nmigs)),
			 p->tty ? tty : "-", st, t / hz, t % hz * 100 / hz, c);
		printf("%s\n", line);
		return;
	}
	put_line(s, line);
}
