// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: the announcement datagram, byte by byte (omdiscd.h has the
 * layout), and the checks a received one must pass before its address is
 * believed. Nothing here does I/O.
 */
#include <string.h>

#include "omdiscd.h"

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

void disc_encode(const struct disc_announce *a, uint8_t pkt[DISC_PKT_LEN])
{
	memcpy(pkt, DISC_MAGIC, 4);
	pkt[4] = DISC_VERSION;
	pkt[5] = a->prefix;
	pkt[6] = 0;
	pkt[7] = 0;
	put_be32(pkt + 8, a->addr);
}

enum disc_verdict disc_decode(const uint8_t *pkt, size_t len,
			      struct disc_announce *a)
{
	if (len < DISC_PKT_LEN)
		return DISC_SHORT;
	if (len > DISC_PKT_LEN)
		return DISC_LONG;
	if (memcmp(pkt, DISC_MAGIC, 4))
		return DISC_BAD_MAGIC;
	if (pkt[4] != DISC_VERSION)
		return DISC_BAD_VERSION;
	if (pkt[6] || pkt[7])
		return DISC_BAD_RESERVED;
	a->prefix = pkt[5];
	a->addr = get_be32(pkt + 8);
	return DISC_OK;
}

/*
 * A datagram from source (host byte order) is an announcement we take only
 * if it is well formed, announces its own source address, and that address
 * can be a node of our network under our netmask.
 */
enum disc_verdict disc_accept(const uint8_t *pkt, size_t len, uint32_t source,
			      uint32_t self, unsigned int prefix)
{
	uint32_t mask = disc_netmask(prefix);
	struct disc_announce a;
	enum disc_verdict v;

	v = disc_decode(pkt, len, &a);
	if (v != DISC_OK)
		return v;
	if (a.addr != source)
		return DISC_NOT_SOURCE;
	if (a.prefix != prefix)
		return DISC_OTHER_PREFIX;
	if ((a.addr & mask) != (self & mask))
		return DISC_OTHER_NET;
	if (disc_check_self(a.addr, prefix, NULL, 0) < 0)
		return DISC_NOT_NODE;
	if (a.addr == self)
		return DISC_SELF;
	return DISC_OK;
}

const char *disc_verdict_str(enum disc_verdict v)
{
	static const char *const str[] = {
		[DISC_OK] = "accepted",
		[DISC_SHORT] = "too short",
		[DISC_LONG] = "too long",
		[DISC_BAD_MAGIC] = "bad magic",
		[DISC_BAD_VERSION] = "unknown version",
		[DISC_BAD_RESERVED] = "reserved bytes not zero",
		[DISC_NOT_SOURCE] = "address is not the sender's",
		[DISC_OTHER_PREFIX] = "sender has another netmask",
		[DISC_OTHER_NET] = "sender is in another network",
		[DISC_NOT_NODE] = "address cannot be a node",
		[DISC_SELF] = "another host announces our address",
	};

	if ((unsigned int)v >= sizeof(str) / sizeof(str[0]) || !str[v])
		return "unknown";
	return str[v];
}
