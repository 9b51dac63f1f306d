// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: list the nodes the kernel knows, the directories of /proc/hpc/nodes.
 * Only names that are a node id (decimal 1..65535, no leading zero) count;
 * anything else in the directory is skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"

static int parse_id(const char *name, unsigned *id)
{
	unsigned long v = 0;
	const char *p;

	if (*name < '1' || *name > '9')
		return -1;
	for (p = name; *p; p++) {
		if (*p < '0' || *p > '9' || p - name >= 5)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (v > HPC_MAX_NODE)
		return -1;
	*id = (unsigned)v;
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return (x > y) - (x < y);
}

static int grow(unsigned **ids, size_t *cap)
{
	size_t ncap = *cap ? *cap * 2 : 64;
	unsigned *n = realloc(*ids, ncap * sizeof(**ids));

	if (!n)
		return -1;
	*ids = n;
	*cap = ncap;
	return 0;
}

int hpc_list_nodes(unsigned **ids, size_t *count)
{
	char path[4096];
	struct dirent *de;
	unsigned *list = NULL, id;
	size_t n = 0, cap = 0;
	DIR *dir;
	int e;

	if (hpc_path(path, sizeof(path), "hpc/nodes") < 0)
		return -1;
	dir = opendir(path);
	if (!dir)
		return -1;
	errno = 0;
	while ((de = readdir(dir))) {
		if (parse_id(de->d_name, &id) < 0)
			continue;
		if (n == cap && grow(&list, &cap) < 0)
			goto fail;
		list[n++] = id;
		errno = 0;
	}
	if (errno)
		goto fail;
	closedir(dir);
	if (n)
		qsort(list, n, sizeof(*list), cmp_id);
	*ids = list;
	*count = n;
	return 0;
fail:
	e = errno;
	closedir(dir);
	free(list);
	errno = e;
	return -1;
}
