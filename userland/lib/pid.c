// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: the files of /proc/<pid>/. A process can exit while we read it;
 * its files then fail with ENOENT or ESRCH and callers skip it.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hpc.h"
#include "pid.h"

int hpc_pid_file(char *rel, size_t size, int pid, const char *name)
{
	int n;

	if (pid)
		n = snprintf(rel, size, "%d/%s", pid, name);
	else
		n = snprintf(rel, size, "self/%s", name);
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int hpc_list_pids(int **pids, size_t *count)
{
	unsigned long *nums;
	size_t i, n;
	int *list;

	if (hpc_list_numbers("", 0x7fffffff, &nums, &n) < 0)
		return -1;
	list = n ? malloc(n * sizeof(*list)) : NULL;
	if (n && !list) {
		free(nums);
		return -1;
	}
	for (i = 0; i < n; i++)
		list[i] = (int)nums[i];
	free(nums);
	*pids = list;
	*count = n;
	return 0;
}

/* Read a file of the process as it is (cmdline holds NULs); its length. */
static ssize_t read_raw(int pid, const char *name, char *buf, size_t size)
{
	char rel[64], path[4096];
	size_t len = 0;
	ssize_t n;
	int fd, e;

	if (hpc_pid_file(rel, sizeof(rel), pid, name) < 0 ||
	    hpc_path(path, sizeof(path), rel) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (len < size - 1) {
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return (ssize_t)len;
}

/* "pid (comm) state ppid pgrp session tty_nr tpgid flags ... starttime ..." */
static int parse_stat(char *buf, struct hpc_proc *p)
{
	char *open = strchr(buf, '('), *close = strrchr(buf, ')');
	long long f[20];
	char *s, *end;
	int i;

	if (!open || !close || close < open)
		return -1;
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(close - open - 1), open + 1);
	s = close + 1;
	if (s[0] != ' ' || !s[1] || s[2] != ' ')
		return -1;
	p->state = s[1];
	s += 2;
	/* f[1..19]: fields 4 (ppid) to 22 (starttime) of proc(5) */
	for (i = 1; i < 20; i++) {
		errno = 0;
		f[i] = strtoll(s, &end, 10);
		if (errno || end == s || (*end != ' ' && *end != '\0' && *end != '\n'))
			return -1;
		s = end;
	}
	if (f[11] < 0 || f[12] < 0 || f[19] < 0)
		return -1;
	p->ppid = (int)f[1];
	p->pgrp = (int)f[2];
	p->session = (int)f[3];
	p->tty = (int)f[4];
	p->tpgid = (int)f[5];
	p->utime = (unsigned long long)f[11];
	p->stime = (unsigned long long)f[12];
	p->nice = (long)f[16];
	p->threads = (long)f[17];
	p->start = (unsigned long long)f[19];
	return 0;
}

static long long read_uid(int pid)
{
	char buf[4096], *line;
	long long ruid, euid;

	if (read_raw(pid, "status", buf, sizeof(buf)) < 0)
		return -1;
	line = strstr(buf, "\nUid:");
	if (!line || sscanf(line + 5, "%lld %lld", &ruid, &euid) != 2)
		return -1;
	return euid;
}

static void read_cmdline(int pid, struct hpc_proc *p)
{
	ssize_t len = read_raw(pid, "cmdline", p->cmdline, sizeof(p->cmdline));
	ssize_t i;

	if (len < 0)
		len = 0;
	while (len > 0 && p->cmdline[len - 1] == '\0')
		len--;
	for (i = 0; i < len; i++) {
		if (p->cmdline[i] == '\0')
			p->cmdline[i] = ' ';
		else if (!isprint((unsigned char)p->cmdline[i]))
			p->cmdline[i] = '?';
	}
	p->cmdline[len] = '\0';
}

int hpc_read_proc(int pid, struct hpc_proc *p)
{
	char buf[1024], rel[64];
	long long node;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	if (read_raw(pid, "stat", buf, sizeof(buf)) < 0)
		return -1;
	if (parse_stat(buf, p) < 0) {
		errno = EINVAL;
		return -1;
	}
	p->uid = read_uid(pid);
	if (hpc_pid_file(rel, sizeof(rel), pid, "where") < 0 ||
	    hpc_read_long(rel, &node) < 0 || node < 0)
		node = -1;
	p->node = node;
	read_cmdline(pid, p);
	return 0;
}

const char *hpc_tty_name(int tty, char *buf, size_t size)
{
	unsigned major = ((unsigned)tty >> 8) & 0xfff;
	unsigned minor = ((unsigned)tty & 0xff) | (((unsigned)tty >> 12) & 0xfff00);

	if (tty == 0)
		snprintf(buf, size, "?");
	else if (major >= 136 && major <= 143)
		snprintf(buf, size, "pts/%u", (major - 136) * 256 + minor);
	else if (major == 4 && minor < 64)
		snprintf(buf, size, "tty%u", minor);
	else if (major == 4)
		snprintf(buf, size, "ttyS%u", minor - 64);
	else if (major == 5 && minor == 1)
		snprintf(buf, size, "console");
	else
		snprintf(buf, size, "%u:%u", major, minor);
	return buf;
}
