// SPDX-License-Identifier: GPL-2.0-only
/*
 * Read every node of /proc/hpc/nodes into a plain array. A file that cannot
 * be read or does not hold a number leaves that value unknown (-1), so one
 * odd node never stops the monitor; a node whose directory vanished while
 * we read it is left out.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"
#include "mosmon.h"

static long long read_value(unsigned id, const char *file)
{
	char rel[64];
	long long v;

	snprintf(rel, sizeof(rel), "hpc/nodes/%u/%s", id, file);
	if (hpc_read_long(rel, &v) < 0 || v < 0)
		return -1;
	return v;
}

/* 1: up, 0: down, -1: the node is gone. */
static int read_status(unsigned id)
{
	char rel[64], buf[256];
	size_t len = strlen("up");

	snprintf(rel, sizeof(rel), "hpc/nodes/%u/status", id);
	if (hpc_read_text(rel, buf, sizeof(buf)) < 0)
		return errno == ENOENT ? -1 : 0;
	return !strncmp(buf, "up", len) && (buf[len] == '\0' || buf[len] == ' ');
}

static bool read_node(struct node *n, unsigned id)
{
	int status = read_status(id);

	if (status < 0)
		return false;
	n->id = id;
	n->up = status;
	n->cpus = read_value(id, "CPUs");
	n->load = read_value(id, "load");
	n->speed = read_value(id, "speed");
	n->mem = read_value(id, "mem");
	n->rmem = read_value(id, "rmem");
	n->tmem = read_value(id, "tmem");
	n->util = read_value(id, "util");
	return true;
}

int cluster_gather(struct cluster *c)
{
	unsigned *ids;
	size_t count, i;

	if (hpc_list_nodes(&ids, &count) < 0)
		return -1;
	cluster_free(c);
	if (count) {
		c->nodes = calloc(count, sizeof(*c->nodes));
		if (!c->nodes) {
			free(ids);
			return -1;
		}
	}
	for (i = 0; i < count; i++) {
		if (!read_node(&c->nodes[c->count], ids[i]))
			continue;
		c->up += c->nodes[c->count].up;
		c->count++;
	}
	free(ids);
	return 0;
}

void cluster_free(struct cluster *c)
{
	free(c->nodes);
	memset(c, 0, sizeof(*c));
}

/* Say why cluster_gather() failed, naming the directory. */
void cluster_warn(void)
{
	char path[4096];
	int e = errno;

	if (hpc_path(path, sizeof(path), "hpc/nodes") < 0)
		snprintf(path, sizeof(path), "hpc/nodes");
	if (e == ENOENT)
		warnx("%s: %s (is this an openMosix kernel?)", path, strerror(e));
	else
		warnx("%s: %s", path, strerror(e));
}
