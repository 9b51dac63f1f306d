// SPDX-License-Identifier: GPL-2.0-only
/*
 * -jLIST: a comma-separated list of node ids and ranges ("1-4,7"); one node
 * is drawn from it at random, every node equally likely.
 */
#include <stdlib.h>
#include <sys/random.h>

#include "hpc.h"
#include "mosrun.h"

/* A node id at *s; advances *s past it. -1 if there is none. */
static long node_at(const char **s)
{
	long v = 0;
	int digits = 0;

	while (**s >= '0' && **s <= '9' && digits < 6) {
		v = v * 10 + (**s - '0');
		(*s)++;
		digits++;
	}
	if (!digits || (**s >= '0' && **s <= '9') || v < 1 || v > HPC_MAX_NODE)
		return -1;
	return v;
}

/* Walk the list: count the nodes, and find the pick-th one if pick >= 0. */
static long walk(const char *s, long pick, unsigned *node)
{
	long count = 0, first, last;

	for (;;) {
		first = node_at(&s);
		if (first < 0)
			return -1;
		last = first;
		if (*s == '-') {
			s++;
			last = node_at(&s);
			if (last < first)
				return -1;
		}
		if (pick >= count && pick <= count + (last - first)) {
			*node = (unsigned)(first + (pick - count));
			return 0;
		}
		count += last - first + 1;
		if (!*s)
			break;
		if (*s++ != ',')
			return -1;
	}
	return count;
}

int list_draw(const char *list, unsigned *node)
{
	unsigned long r = 0;
	long count = walk(list, -1, node);

	if (count <= 0)
		return -1;
	if (getrandom(&r, sizeof(r), 0) != sizeof(r))
		r = (unsigned long)rand();
	return walk(list, (long)(r % (unsigned long)count), node) == 0 ? 0 : -1;
}
