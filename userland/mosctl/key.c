// SPDX-License-Identifier: GPL-2.0-only
/*
 * The cluster key: setkey hands a key file to the kernel, genkey makes a
 * new key file. The file checks and the write to the kernel are libhpc's
 * (lib/key.c), shared with setpe -k.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "key.h"
#include "mosctl.h"

/* Bytes of a key made by genkey: 256 bits. */
#define GENKEY_BYTES	32

int cmd_setkey(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : hpc_key_default_path();
	char text[HPC_KEY_TEXT_SIZE], msg[4200];
	int ret;

	if (hpc_key_load(path, text, msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	ret = hpc_key_write_kernel(text, msg, sizeof(msg));
	explicit_bzero(text, sizeof(text));
	if (ret < 0 && errno == ENOENT)
		mosctl_require_hpc();	/* the same words as every command */
	if (ret < 0)
		errx(1, "%s", msg);
	return 0;
}

/* The default key's directory, /etc/openmosix, may not exist yet. */
static void make_default_dir(const char *path)
{
	char dir[4096], *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = '\0';
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		err(1, "%s", dir);
}

static void write_all(int fd, const char *path, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			unlink(path);
			errno = e;
			err(1, "%s", path);
		}
		buf += n;
		len -= n;
	}
}

int cmd_genkey(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : hpc_key_default_path();
	unsigned char key[GENKEY_BYTES];
	char text[2 * GENKEY_BYTES + 2];
	ssize_t n;
	size_t i;
	int fd;

	if (argc == 1)
		make_default_dir(path);
	/* O_EXCL: never overwrite a key, the cluster may depend on it. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		errx(1, "%s already exists; not overwriting a key (remove it first to make a new one)",
		     path);
	if (fd < 0)
		err(1, "%s", path);
	/* Whatever the umask let through, the key is root's alone. */
	if (fchmod(fd, 0600) < 0) {
		unlink(path);
		err(1, "%s", path);
	}
	do {
		n = getrandom(key, sizeof(key), 0);
	} while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(key)) {
		unlink(path);
		errx(1, "getrandom: %s", n < 0 ? strerror(errno) : "short read");
	}
	for (i = 0; i < sizeof(key); i++)
		snprintf(text + 2 * i, 3, "%02x", key[i]);
	text[2 * GENKEY_BYTES] = '\n';
	text[2 * GENKEY_BYTES + 1] = '\0';
	explicit_bzero(key, sizeof(key));
	write_all(fd, path, text, 2 * GENKEY_BYTES + 1);
	explicit_bzero(text, sizeof(text));
	if (fsync(fd) < 0 || close(fd) < 0) {
		int e = errno;

		unlink(path);
		errno = e;
		err(1, "%s", path);
	}
	return 0;
}
