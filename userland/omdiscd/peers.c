// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: the other nodes heard, each with the time it was last heard.
 * A node joins when it is first heard and leaves when it has been silent
 * for the timeout. Nothing here does I/O or reads the clock: the caller
 * passes the time, so the tests can too.
 */
#include <stdio.h>
#include <stdlib.h>

#include "omdiscd.h"

int peers_heard(struct peers *p, uint32_t addr, uint64_t now)
{
	struct peer *grown;
	size_t i, cap;

	for (i = 0; i < p->n; i++) {
		if (p->peer[i].addr == addr) {
			p->peer[i].seen = now;
			return 0;
		}
	}
	if (p->n == PEERS_MAX)
		return -1;
	if (p->n == p->cap) {
		cap = p->cap ? p->cap * 2 : 16;
		grown = realloc(p->peer, cap * sizeof(*grown));
		if (!grown)
			return -1;
		p->peer = grown;
		p->cap = cap;
	}
	p->peer[p->n].addr = addr;
	p->peer[p->n].seen = now;
	p->n++;
	return 1;
}

int peers_expire(struct peers *p, uint64_t now, uint64_t timeout,
		 uint32_t *addr)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (now - p->peer[i].seen < timeout)
			continue;
		*addr = p->peer[i].addr;
		p->peer[i] = p->peer[--p->n];
		return 1;
	}
	return 0;
}

uint64_t peers_next_expiry(const struct peers *p, uint64_t timeout)
{
	uint64_t next = UINT64_MAX;
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->peer[i].seen + timeout < next)
			next = p->peer[i].seen + timeout;
	return next;
}

int peers_table(const struct peers *p, uint32_t self, unsigned int prefix,
		char *buf, size_t size, char *msg, size_t msgsize)
{
	uint32_t *addrs = malloc((p->n + 1) * sizeof(*addrs));
	size_t i;
	int len;

	if (!addrs) {
		snprintf(msg, msgsize, "out of memory");
		return -1;
	}
	addrs[0] = self;
	for (i = 0; i < p->n; i++)
		addrs[i + 1] = p->peer[i].addr;
	len = disc_table(addrs, p->n + 1, prefix, buf, size, msg, msgsize);
	free(addrs);
	return len;
}
