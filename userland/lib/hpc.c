// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: read and write the files of /proc/hpc and /proc/<pid>.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hpc.h"

const char *hpc_proc_root(void)
{
	const char *root = getenv("HPC_PROC_ROOT");

	return root && *root ? root : "/proc";
}

int hpc_path(char *buf, size_t size, const char *rel)
{
	int n = snprintf(buf, size, "%s/%s", hpc_proc_root(), rel);

	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int hpc_read_text(const char *rel, char *buf, size_t size)
{
	char path[4096];
	size_t len = 0;
	ssize_t n;
	int fd;

	if (size == 0 || hpc_path(path, sizeof(path), rel) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (len < size - 1) {
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;

			close(fd);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		len += n;
	}
	close(fd);
	buf[len] = '\0';
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return 0;
}

int hpc_read_long(const char *rel, long long *val)
{
	char buf[64], *end;
	long long v;

	if (hpc_read_text(rel, buf, sizeof(buf)) < 0)
		return -1;
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || end == buf || *end) {
		errno = EINVAL;
		return -1;
	}
	*val = v;
	return 0;
}

int hpc_write_text(const char *rel, const char *text)
{
	char path[4096];
	size_t len = strlen(text);
	ssize_t n;
	int fd, e;

	if (hpc_path(path, sizeof(path), rel) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CLOEXEC | O_TRUNC);
	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	e = errno;
	if (close(fd) < 0 && n >= 0) {
		n = -1;
		e = errno;
	}
	if (n < 0) {
		errno = e;
		return -1;
	}
	if ((size_t)n != len) {
		errno = EIO;
		return -1;
	}
	return 0;
}

int hpc_write_long(const char *rel, long long val)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld\n", val);
	return hpc_write_text(rel, buf);
}

const char *hpc_shown(const char *s, char *buf)
{
	size_t i;

	for (i = 0; s[i] && i < HPC_SHOWN_MAX; i++)
		buf[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
	strcpy(buf + i, s[i] ? "..." : "");
	return buf;
}

/* A decimal number without leading zero, 1..max; 0 if name is anything else. */
static unsigned long dir_number(const char *name, unsigned long max)
{
	unsigned long v = 0;
	const char *p;

	if (*name < '1' || *name > '9')
		return 0;
	for (p = name; *p; p++) {
		if (*p < '0' || *p > '9' || v > max / 10)
			return 0;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	return v <= max ? v : 0;
}

static int cmp_number(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return (x > y) - (x < y);
}

int hpc_list_numbers(const char *rel, unsigned long max, unsigned long **nums, size_t *count)
{
	unsigned long *list = NULL, *grown, v;
	size_t n = 0, cap = 0;
	char path[4096];
	struct dirent *de;
	DIR *dir;
	int e;

	if (hpc_path(path, sizeof(path), rel) < 0)
		return -1;
	dir = opendir(path);
	if (!dir)
		return -1;
	errno = 0;
	while ((de = readdir(dir))) {
		v = dir_number(de->d_name, max);
		if (!v)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown)
				goto fail;
			list = grown;
		}
		list[n++] = v;
		errno = 0;
	}
	if (errno)
		goto fail;
	closedir(dir);
	if (n)
		qsort(list, n, sizeof(*list), cmp_number);
	*nums = list;
	*count = n;
	return 0;
fail:
	e = errno;
	closedir(dir);
	free(list);
	errno = e;
	return -1;
}
