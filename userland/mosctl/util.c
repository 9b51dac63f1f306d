// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the mosctl commands: reading and writing /proc/hpc
 * files through libhpc with errors that name the file, argument parsing,
 * and picking the node a command is about.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hpc.h"
#include "mosctl.h"

/* The real path of rel (under $HPC_PROC_ROOT if set), for messages. */
const char *mosctl_path(const char *rel)
{
	static char buf[4096];

	if (hpc_path(buf, sizeof(buf), rel) < 0)
		return rel;
	return buf;
}

/* Does rel exist? Resolved through libhpc so $HPC_PROC_ROOT applies. */
static int hpc_stat(const char *rel, struct stat *st)
{
	char path[4096];

	if (hpc_path(path, sizeof(path), rel) < 0)
		return -1;
	return stat(path, st);
}

void mosctl_require_hpc(void)
{
	struct stat st;

	if (hpc_stat("hpc", &st) < 0)
		errx(1, "%s: %s -- is this an openMosix kernel?",
		     mosctl_path("hpc"), strerror(errno));
}

/* Report the failure (errno) of an access to rel and exit 1. */
void mosctl_fail(const char *rel)
{
	int e = errno;

	if (e == ENOENT)
		mosctl_require_hpc();
	errno = e;
	err(1, "%s", mosctl_path(rel));
}

void mosctl_read_line(const char *rel, char *buf, size_t size)
{
	if (hpc_read_text(rel, buf, size) < 0)
		mosctl_fail(rel);
}

long long mosctl_read_number(const char *rel)
{
	char buf[64], *end;
	long long v;

	mosctl_read_line(rel, buf, sizeof(buf));
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || end == buf || *end)
		errx(1, "%s: unexpected contents '%s'", mosctl_path(rel), buf);
	return v;
}

void mosctl_write_number(const char *rel, long long val)
{
	if (hpc_write_long(rel, val) < 0)
		mosctl_fail(rel);
}

/* Plain decimal digits only: no sign, no spaces, no hex. */
bool mosctl_parse_number(const char *s, long long min, long long max,
			 long long *val)
{
	long long v = 0;
	const char *p;

	if (!*s)
		return false;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > max)
			return false;
	}
	if (v < min)
		return false;
	*val = v;
	return true;
}

long long mosctl_arg_number(const char *what, const char *s, long long min,
			    long long max)
{
	long long v;

	if (!mosctl_parse_number(s, min, max, &v))
		mosctl_usage_error(NULL, "bad %s '%s' (expected %lld..%lld)",
				   what, s, min, max);
	return v;
}

unsigned int mosctl_arg_node(const char *s)
{
	return mosctl_arg_number("node id", s, 1, HPC_MAX_NODE);
}

const char *mosctl_node_file(unsigned int id, const char *file)
{
	static char buf[64];

	if (file)
		snprintf(buf, sizeof(buf), "hpc/nodes/%u/%s", id, file);
	else
		snprintf(buf, sizeof(buf), "hpc/nodes/%u", id);
	return buf;
}

bool mosctl_node_known(unsigned int id)
{
	const char *rel = mosctl_node_file(id, NULL);
	struct stat st;

	if (hpc_stat(rel, &st) == 0)
		return S_ISDIR(st.st_mode);
	if (errno != ENOENT)
		err(1, "%s", mosctl_path(rel));
	mosctl_require_hpc();
	return false;
}

/* This node's id from admin/mospe; 0 when it is not in a cluster. */
unsigned int mosctl_this_node(void)
{
	const char *rel = "hpc/admin/mospe";
	long long id = mosctl_read_number(rel);

	if (id < 0 || id > HPC_MAX_NODE)
		errx(1, "%s: unexpected contents '%lld'", mosctl_path(rel), id);
	return id;
}

/*
 * The node a "COMMAND [ID]" is about: ID if given, else this node. Returns
 * 0 only when there is no ID, this node is not in a cluster and the caller
 * can do without one (need_cluster false).
 */
unsigned int mosctl_node_select(int argc, char **argv, bool need_cluster)
{
	unsigned int id;

	if (argc > 1) {
		id = mosctl_arg_node(argv[1]);
		if (!mosctl_node_known(id))
			errx(1, "no node %u in the cluster", id);
		return id;
	}
	id = mosctl_this_node();
	if (id == 0) {
		if (need_cluster)
			errx(1, "this node is not in a cluster (mospe is 0); give a node id");
		return 0;
	}
	if (!mosctl_node_known(id))
		errx(1, "this node (%u) is missing from %s", id,
		     mosctl_path("hpc/nodes"));
	return id;
}

void mosctl_node_label(char *buf, size_t size, unsigned int id)
{
	if (id)
		snprintf(buf, size, "node %u", id);
	else
		snprintf(buf, size, "this node");
}

long long mosctl_read_node_number(unsigned int id, const char *file)
{
	return mosctl_read_number(mosctl_node_file(id, file));
}

void mosctl_format_bytes(char *buf, size_t size, long long bytes)
{
	if (bytes >= 1LL << 30)
		snprintf(buf, size, "%.1f GiB", bytes / (double)(1LL << 30));
	else
		snprintf(buf, size, "%.1f MiB", bytes / (double)(1LL << 20));
}
