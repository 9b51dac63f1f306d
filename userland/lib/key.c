// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: read and check the cluster key file, and give the key to the
 * kernel. The file is checked on the descriptor that is read (fstat), so
 * what is checked is what is used. The text is checked here with the
 * kernel's rules so that a bad file gets a precise message instead of the
 * kernel's bare EINVAL. Copies of the key are wiped after use.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hpc.h"
#include "key.h"

const char *hpc_key_default_path(void)
{
	static char path[4096];
	const char *etc = getenv("HPC_ETC");

	snprintf(path, sizeof(path), "%s/openmosix/key", etc && *etc ? etc : "/etc");
	return path;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* The file's owner and mode: the key must be root's alone. */
static int check_file(int fd, const char *path, char *msg, size_t msgsize)
{
	struct stat st;

	if (fstat(fd, &st) < 0) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(msg, msgsize, "%s: not a regular file", path);
		return -1;
	}
	if (st.st_uid != 0) {
		snprintf(msg, msgsize, "%s: owned by uid %u, not by root; a cluster key must be root's alone (chown root %s)",
			 path, (unsigned int)st.st_uid, path);
		return -1;
	}
	if (st.st_mode & 077) {
		snprintf(msg, msgsize, "%s: mode %04o: group or others may read or write it; a cluster key must be root's alone (chmod 600 %s)",
			 path, (unsigned int)(st.st_mode & 07777), path);
		return -1;
	}
	return 0;
}

/* The text of a key: digits, then at most one newline. */
static int check_text(const char *text, size_t len, const char *path, char *msg,
		      size_t msgsize)
{
	size_t digits = len, i;

	if (len && text[len - 1] == '\n')
		digits--;
	for (i = 0; i < digits; i++) {
		if (is_hex(text[i]))
			continue;
		if (text[i] == '\n')
			snprintf(msg, msgsize, "%s: more than one line; a key is one line of hexadecimal digits",
				 path);
		else if (text[i] == '\r')
			snprintf(msg, msgsize, "%s: carriage return after the key; the line must end with a bare newline",
				 path);
		else if (text[i] == ' ' || text[i] == '\t')
			snprintf(msg, msgsize, "%s: %s at byte %zu; a key is hexadecimal digits alone",
				 path, text[i] == ' ' ? "a space" : "a tab", i + 1);
		else if (text[i] > ' ' && text[i] < 0x7f)
			snprintf(msg, msgsize, "%s: '%c' at byte %zu is not a hexadecimal digit",
				 path, text[i], i + 1);
		else
			snprintf(msg, msgsize, "%s: byte %zu (0x%02x) is not a hexadecimal digit",
				 path, i + 1, (unsigned char)text[i]);
		return -1;
	}
	if (digits == 0) {
		snprintf(msg, msgsize, "%s: empty; a key is %d to %d hexadecimal digits (make one with mosctl genkey)",
			 path, HPC_KEY_MIN_DIGITS, HPC_KEY_MAX_DIGITS);
		return -1;
	}
	if (digits < HPC_KEY_MIN_DIGITS || digits > HPC_KEY_MAX_DIGITS) {
		snprintf(msg, msgsize, "%s: %s key (%zu digits): a key is %d to %d hexadecimal digits",
			 path, digits < HPC_KEY_MIN_DIGITS ? "too short a" : "too long a",
			 digits, HPC_KEY_MIN_DIGITS, HPC_KEY_MAX_DIGITS);
		return -1;
	}
	if (digits % 2) {
		snprintf(msg, msgsize, "%s: odd number of digits (%zu): a key is whole bytes, two digits each",
			 path, digits);
		return -1;
	}
	return 0;
}

int hpc_key_load(const char *path, char text[HPC_KEY_TEXT_SIZE], char *msg, size_t msgsize)
{
	char buf[HPC_KEY_TEXT_SIZE + 1];	/* one more byte tells "too long" */
	size_t len = 0;
	ssize_t n;
	int fd, ret = -1;

	/* O_NONBLOCK: a FIFO must not hang us before fstat() refuses it. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (check_file(fd, path, msg, msgsize) < 0)
		goto out;
	while (len < sizeof(buf)) {
		n = read(fd, buf + len, sizeof(buf) - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += n;
	}
	if (len == sizeof(buf)) {
		snprintf(msg, msgsize, "%s: too long: a key is %d to %d hexadecimal digits on one line",
			 path, HPC_KEY_MIN_DIGITS, HPC_KEY_MAX_DIGITS);
		goto out;
	}
	if (check_text(buf, len, path, msg, msgsize) < 0)
		goto out;
	if (buf[len - 1] != '\n')
		buf[len++] = '\n';
	memcpy(text, buf, len);
	text[len] = '\0';
	ret = 0;
out:
	explicit_bzero(buf, sizeof(buf));
	close(fd);
	return ret;
}

int hpc_key_write_kernel(const char *text, char *msg, size_t msgsize)
{
	char path[4096];
	struct stat st;
	int e;

	if (hpc_write_text(HPC_KEY_PROC, text) == 0)
		return 0;
	e = errno;
	if (hpc_path(path, sizeof(path), HPC_KEY_PROC) < 0)
		snprintf(path, sizeof(path), "%s", HPC_KEY_PROC);
	if (e == ENOENT) {
		char hpc[4096];

		if (hpc_path(hpc, sizeof(hpc), "hpc") == 0 && stat(hpc, &st) < 0)
			snprintf(msg, msgsize, "%s does not exist: not an openMosix kernel", hpc);
		else
			snprintf(msg, msgsize, "%s does not exist: this kernel cannot take a cluster key",
				 path);
	} else if (e == EINVAL) {
		snprintf(msg, msgsize, "%s: %s: the kernel refused the key (its log says why)",
			 path, strerror(e));
	} else {
		snprintf(msg, msgsize, "%s: %s", path, strerror(e));
	}
	errno = e;
	return -1;
}
