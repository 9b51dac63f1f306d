// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: read and write the files of /proc/hpc and /proc/<pid>.
 */
#include <ctype.h>
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
