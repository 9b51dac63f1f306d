// SPDX-License-Identifier: GPL-2.0-only
/*
 * The views: what a column shows in each, the top of its scale and how the
 * axis is labelled. Labels stay within LABEL_WIDTH characters whatever the
 * value, switching to K/M/G/... suffixes when a number gets long.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mosmon.h"

/* v >= 1e6 as "1.5M", "92P": one decimal below 10, none above. */
static void suffixed(char *buf, size_t size, double v, double base, const char *units)
{
	int u = 0;

	while (v >= 999.5 && units[u + 1]) {
		v /= base;
		u++;
	}
	snprintf(buf, size, v < 9.95 ? "%.1f%c" : "%.0f%c", v, units[u]);
}

static void label_number(char *buf, size_t size, double v)
{
	if (v >= 999999.5)
		suffixed(buf, size, v, 1000, " KMGTPEZY");
	else if (v >= 100 || fabs(v - round(v)) < 1e-9)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, v < 10 ? "%.2f" : "%.1f", v);
}

static void label_load(char *buf, size_t size, double v)
{
	v /= 100;
	if (v == 0)
		snprintf(buf, size, "0");
	else if (v >= 999999.5)
		suffixed(buf, size, v, 1000, " KMGTPEZY");
	else
		snprintf(buf, size, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
}

static void label_bytes(char *buf, size_t size, double v)
{
	if (v == 0)
		snprintf(buf, size, "0");
	else if (v < 999.5)
		snprintf(buf, size, "%.0fB", v);
	else
		suffixed(buf, size, v, 1024, "BKMGTPE");
}

static void label_percent(char *buf, size_t size, double v)
{
	snprintf(buf, size, "%.0f%%", v);
}

static long long get_load(const struct node *n) { return n->load; }
static long long get_speed(const struct node *n) { return n->speed; }
static long long get_util(const struct node *n) { return n->util; }
static long long get_cpus(const struct node *n) { return n->cpus; }
static long long get_tmem(const struct node *n) { return n->tmem; }
static long long no_whole(const struct node *n) { return -1; }

static long long used(long long total, long long avail)
{
	if (total < 0 || avail < 0)
		return -1;
	return avail < total ? total - avail : 0;
}

static long long get_mem_used(const struct node *n) { return used(n->tmem, n->mem); }
static long long get_rmem_used(const struct node *n) { return used(n->tmem, n->rmem); }

/* The largest value among the nodes that are up, at least 1. */
static double largest(const struct node *const *nodes, size_t count,
		      long long (*get)(const struct node *))
{
	double top = 1;
	long long v;
	size_t i;

	for (i = 0; i < count; i++) {
		if (!nodes[i]->up)
			continue;
		v = get(nodes[i]);
		if (v > top)
			top = (double)v;
	}
	return top;
}

/* The smallest of 1, 2, 5 times a power of ten that is >= v. */
static double nice_ceil(double v)
{
	double p = pow(10, floor(log10(v)));

	if (v <= p * (1 + 1e-9))
		return p;
	if (v <= 2 * p * (1 + 1e-9))
		return 2 * p;
	if (v <= 5 * p * (1 + 1e-9))
		return 5 * p;
	return 10 * p;
}

/* Load scales from 1.00 (one standard CPU busy) in steps of 1, 2, 5. */
static double scale_load(const struct node *const *nodes, size_t count)
{
	double top = largest(nodes, count, get_load) / 100;

	return nice_ceil(top < 1 ? 1 : top) * 100;
}

static double scale_speed(const struct node *const *nodes, size_t count)
{
	return largest(nodes, count, get_speed);
}

static double scale_mem(const struct node *const *nodes, size_t count)
{
	return largest(nodes, count, get_tmem);
}

static double scale_util(const struct node *const *nodes, size_t count)
{
	return 100;
}

static double scale_cpus(const struct node *const *nodes, size_t count)
{
	return largest(nodes, count, get_cpus);
}

const struct view_info views[VIEW_COUNT] = {
	[VIEW_LOAD] = { "load", "Load", get_load, no_whole, scale_load, label_load },
	[VIEW_SPEED] = { "speed", "Speed", get_speed, no_whole, scale_speed, label_number },
	[VIEW_MEM] = { "mem", "Memory used of total", get_mem_used, get_tmem,
		       scale_mem, label_bytes },
	[VIEW_RMEM] = { "rmem", "Raw memory used of total", get_rmem_used, get_tmem,
			scale_mem, label_bytes },
	[VIEW_UTIL] = { "util", "Utilisation", get_util, no_whole, scale_util,
			label_percent },
	[VIEW_CPUS] = { "cpus", "CPUs", get_cpus, no_whole, scale_cpus, label_number, true },
};

int view_by_name(const char *name)
{
	int v;

	for (v = 0; v < VIEW_COUNT; v++)
		if (!strcmp(name, views[v].name))
			return v;
	return -1;
}

int view_by_key(int key)
{
	switch (key) {
	case 'l': return VIEW_LOAD;
	case 's': return VIEW_SPEED;
	case 'm': return VIEW_MEM;
	case 'r': return VIEW_RMEM;
	case 'u': return VIEW_UTIL;
	case 'c': case 'p': return VIEW_CPUS;
	}
	return -1;
}
