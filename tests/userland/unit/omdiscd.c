// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of omdiscd's pure parts: the announcement codec and the checks
 * of a received datagram (packet.c), the node table built from a set of
 * addresses (table.c) and the set of nodes heard (peers.c). One TAP line
 * per check, "ok - NAME" or "not ok - NAME: why"; exit status 1 if any
 * check failed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"
#include "map.h"
#include "omdiscd.h"

#define A(a, b, c, d)	((uint32_t)(a) << 24 | (b) << 16 | (c) << 8 | (d))
#define N(x)		(sizeof(x) / sizeof((x)[0]))

static int failures;

static void result(int good, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void result(int good, const char *fmt, ...)
{
	va_list ap;

	printf(good ? "ok - " : "not ok - ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	failures += !good;
}

/* ---- packet.c ---- */

static const uint8_t good_pkt[DISC_PKT_LEN] = {
	'o', 'm', 'd', 'i', 1, 24, 0, 0, 10, 77, 0, 3,
};

static void test_encode(void)
{
	struct disc_announce a = { .addr = A(10, 77, 0, 3), .prefix = 24 };
	struct disc_announce b = { 0 };
	uint8_t pkt[DISC_PKT_LEN];

	disc_encode(&a, pkt);
	result(!memcmp(pkt, good_pkt, sizeof(pkt)),
	       "encode 10.77.0.3/24 gives the documented 12 bytes");
	result(disc_decode(pkt, sizeof(pkt), &b) == DISC_OK &&
	       b.addr == a.addr && b.prefix == 24,
	       "decode gives back the address and the prefix");
	a.addr = A(255, 254, 1, 128);
	a.prefix = 16;
	disc_encode(&a, pkt);
	result(pkt[5] == 16 && pkt[8] == 255 && pkt[9] == 254 && pkt[10] == 1 &&
	       pkt[11] == 128, "the address goes in network byte order");
}

static void expect_decode(const char *name, const uint8_t *pkt, size_t len,
			  enum disc_verdict want)
{
	struct disc_announce a;
	enum disc_verdict v = disc_decode(pkt, len, &a);

	result(v == want, "decode %s: %s%s%s", name, disc_verdict_str(want),
	       v == want ? "" : ", got ", v == want ? "" : disc_verdict_str(v));
}

static void test_decode_bad(void)
{
	uint8_t pkt[1500];
	char name[64];
	size_t len, i;

	memset(pkt, 0, sizeof(pkt));
	memcpy(pkt, good_pkt, sizeof(good_pkt));
	for (len = 0; len < DISC_PKT_LEN; len++) {
		snprintf(name, sizeof(name), "%zu bytes", len);
		expect_decode(name, pkt, len, DISC_SHORT);
	}
	expect_decode("13 bytes", pkt, 13, DISC_LONG);
	expect_decode("1500 bytes", pkt, 1500, DISC_LONG);
	for (i = 0; i < 4; i++) {
		memcpy(pkt, good_pkt, sizeof(good_pkt));
		pkt[i] ^= 0x20;
		snprintf(name, sizeof(name), "magic byte %zu changed", i);
		expect_decode(name, pkt, DISC_PKT_LEN, DISC_BAD_MAGIC);
	}
	memcpy(pkt, good_pkt, sizeof(good_pkt));
	pkt[4] = 0;
	expect_decode("version 0", pkt, DISC_PKT_LEN, DISC_BAD_VERSION);
	pkt[4] = 2;
	expect_decode("version 2", pkt, DISC_PKT_LEN, DISC_BAD_VERSION);
	memcpy(pkt, good_pkt, sizeof(good_pkt));
	pkt[6] = 1;
	expect_decode("byte 6 not zero", pkt, DISC_PKT_LEN, DISC_BAD_RESERVED);
	pkt[6] = 0;
	pkt[7] = 0x80;
	expect_decode("byte 7 not zero", pkt, DISC_PKT_LEN, DISC_BAD_RESERVED);
	memset(pkt, 0, DISC_PKT_LEN);
	expect_decode("all zeros", pkt, DISC_PKT_LEN, DISC_BAD_MAGIC);
}

static void expect_accept(const char *name, uint32_t addr, unsigned int prefix,
			  uint32_t source, enum disc_verdict want)
{
	struct disc_announce a = { .addr = addr, .prefix = prefix };
	uint8_t pkt[DISC_PKT_LEN];
	enum disc_verdict v;

	disc_encode(&a, pkt);
	v = disc_accept(pkt, sizeof(pkt), source, A(10, 77, 0, 1), 24);
	result(v == want, "accept %s: %s%s%s", name, disc_verdict_str(want),
	       v == want ? "" : ", got ", v == want ? "" : disc_verdict_str(v));
}

static void test_accept(void)
{
	uint32_t peer = A(10, 77, 0, 2);
	uint8_t pkt[DISC_PKT_LEN];

	expect_accept("a peer of our network", peer, 24, peer, DISC_OK);
	expect_accept("the last host of the network", A(10, 77, 0, 254), 24,
		      A(10, 77, 0, 254), DISC_OK);
	expect_accept("an address that is not the source", A(10, 77, 0, 9), 24,
		      peer, DISC_NOT_SOURCE);
	expect_accept("another netmask", peer, 16, peer, DISC_OTHER_PREFIX);
	expect_accept("another network", A(10, 78, 0, 2), 24, A(10, 78, 0, 2),
		      DISC_OTHER_NET);
	expect_accept("host part 0", A(10, 77, 0, 0), 24, A(10, 77, 0, 0),
		      DISC_NOT_NODE);
	expect_accept("the broadcast address", A(10, 77, 0, 255), 24,
		      A(10, 77, 0, 255), DISC_NOT_NODE);
	expect_accept("our own address", A(10, 77, 0, 1), 24, A(10, 77, 0, 1),
		      DISC_SELF);
	memcpy(pkt, good_pkt, sizeof(pkt));
	pkt[0] = 'O';
	result(disc_accept(pkt, sizeof(pkt), A(10, 77, 0, 3), A(10, 77, 0, 1), 24) ==
	       DISC_BAD_MAGIC, "accept checks the format first");
	result(disc_accept(good_pkt, 11, A(10, 77, 0, 3), A(10, 77, 0, 1), 24) ==
	       DISC_SHORT, "accept refuses a short datagram");
}

static void test_verdict_str(void)
{
	int v, named = 1;

	for (v = DISC_OK; v <= DISC_SELF; v++)
		named &= strcmp(disc_verdict_str(v), "unknown") != 0;
	result(named, "every verdict has a name");
	result(!strcmp(disc_verdict_str(DISC_SELF + 1), "unknown") &&
	       !strcmp(disc_verdict_str(-1), "unknown"),
	       "a verdict out of range is \"unknown\"");
}

/* ---- table.c ---- */

/* want: the table text, or else the start of the error message. */
static void expect_table(const char *name, const uint32_t *addrs, size_t n,
			 unsigned int prefix, const char *want, const char *err)
{
	char buf[HPC_MAP_TEXT_MAX], msg[512];
	int len = disc_table(addrs, n, prefix, buf, sizeof(buf), msg, sizeof(msg));

	if (want)
		result(len >= 0 && (size_t)len == strlen(want) && !strcmp(buf, want),
		       "table %s%s%s", name, len < 0 ? ": " : "",
		       len < 0 ? msg : "");
	else
		result(len < 0 && !strncmp(msg, err, strlen(err)),
		       "table %s is refused%s%s", name, len < 0 ? "" : ", got ",
		       len < 0 ? "" : buf);
	if (!want && len < 0 && strncmp(msg, err, strlen(err)))
		printf("#   message: %s\n#   wanted:  %s...\n", msg, err);
}

static void test_table(void)
{
	static const uint32_t three[] = {
		A(10, 77, 0, 1), A(10, 77, 0, 2), A(10, 77, 0, 3),
	};
	static const uint32_t shuffled[] = {
		A(10, 77, 0, 3), A(10, 77, 0, 1), A(10, 77, 0, 2),
		A(10, 77, 0, 2), A(10, 77, 0, 3),
	};
	static const uint32_t gaps[] = {
		A(10, 77, 0, 8), A(10, 77, 0, 1), A(10, 77, 0, 5),
		A(10, 77, 0, 2), A(10, 77, 0, 7), A(10, 77, 0, 3),
	};
	static const uint32_t one[] = { A(10, 77, 0, 42) };
	static const uint32_t wide[] = {
		A(172, 16, 1, 3), A(172, 16, 0, 255), A(172, 16, 1, 0),
		A(172, 16, 1, 2), A(172, 16, 255, 254),
	};
	static const uint32_t p31[] = { A(192, 168, 5, 1) };
	static const uint32_t zero[] = { A(10, 77, 0, 1), A(10, 77, 0, 0) };
	static const uint32_t bcast[] = { A(10, 77, 0, 255) };
	static const uint32_t two_nets[] = { A(10, 77, 0, 1), A(10, 77, 1, 1) };
	static const uint32_t loop[] = { A(127, 0, 0, 1) };
	static const uint32_t mcast[] = { A(224, 1, 2, 3) };

	expect_table("of three nodes is one range", three, N(three), 24,
		     "1 10.77.0.1 3\n", NULL);
	expect_table("ignores order and duplicates", shuffled, N(shuffled), 24,
		     "1 10.77.0.1 3\n", NULL);
	expect_table("with gaps has one range per run", gaps, N(gaps), 24,
		     "1 10.77.0.1 3\n5 10.77.0.5 1\n7 10.77.0.7 2\n", NULL);
	expect_table("of one node", one, N(one), 24, "42 10.77.0.42 1\n", NULL);
	expect_table("of a /16 uses the host part as id", wide, N(wide), 16,
		     "255 172.16.0.255 2\n258 172.16.1.2 2\n65534 172.16.255.254 1\n",
		     NULL);
	expect_table("of a /31", p31, N(p31), 31, "1 192.168.5.1 1\n", NULL);
	expect_table("of a /15", one, N(one), 15, NULL,
		     "10.77.0.42/15: the network is larger than a /16");
	expect_table("of a /8", one, N(one), 8, NULL,
		     "10.77.0.42/8: the network is larger than a /16");
	expect_table("of a /32", one, N(one), 32, NULL,
		     "10.77.0.42/32: the host part of the address is 0");
	expect_table("with host part 0", zero, N(zero), 24, NULL,
		     "10.77.0.0/24: the host part of the address is 0");
	expect_table("with the broadcast address", bcast, N(bcast), 24, NULL,
		     "10.77.0.255/24 is the network's broadcast address");
	expect_table("of two networks", two_nets, N(two_nets), 24, NULL,
		     "10.77.0.1 and 10.77.1.1/24 are not in one network");
	expect_table("of loopback", loop, N(loop), 24, NULL,
		     "node table:1: address 127.0.0.1 of node 1 is a loopback address");
	expect_table("of multicast", mcast, N(mcast), 24, NULL,
		     "node table:1: address 224.1.2.3 of node 3 is a multicast address");
	expect_table("of no address", one, 0, 24, NULL, "no addresses");
}

/* Every other address of 172.16.0.0/16: n nodes, n ranges. */
static void test_table_ranges(void)
{
	static uint32_t addrs[300];
	char buf[HPC_MAP_TEXT_MAX], msg[512];
	size_t i;
	int len;

	for (i = 0; i < N(addrs); i++)
		addrs[i] = A(172, 16, 0, 0) + 2 * (i + 1);
	len = disc_table(addrs, 256, 16, buf, sizeof(buf), msg, sizeof(msg));
	result(len > 0 && !strncmp(buf, "2 172.16.0.2 1\n4 172.16.0.4 1\n", 30) &&
	       strstr(buf, "\n512 172.16.2.0 1\n") && buf[len - 1] == '\n',
	       "table of 256 separate nodes has 256 ranges");
	expect_table("needing 257 ranges", addrs, 257, 16, NULL,
		     "the nodes need more than 256 ranges");
}

/* What the builder writes, the map parser reads back with the same ids. */
static void test_table_roundtrip(void)
{
	static uint32_t addrs[1000];
	char buf[HPC_MAP_TEXT_MAX], msg[512] = "";
	struct hpc_map map;
	size_t i, n = 0, wrong = 0;

	srandom(4661);
	for (i = 0; i < N(addrs); i++) {
		uint32_t host = 1 + random() % 65534;

		/* 500 nodes in runs, so they stay within 256 ranges. */
		if (i % 4)
			host = addrs[n - 1] - A(172, 16, 0, 0) + 1;
		if (host == 0 || host >= 65535)
			continue;
		addrs[n++] = A(172, 16, 0, 0) + host;
		if (n == 500)
			break;
	}
	result(disc_table(addrs, n, 16, buf, sizeof(buf), msg, sizeof(msg)) > 0,
	       "table of 500 random nodes is made%s%s", *msg ? ": " : "", msg);
	result(hpc_map_parse_text(&map, buf, "table", msg, sizeof(msg)) == 0,
	       "the map parser accepts it");
	for (i = 0; i < n; i++)
		wrong += hpc_map_lookup(&map, addrs[i]) !=
			 disc_node_id(addrs[i], 16);
	result(wrong == 0, "every node has its host part as id (%zu wrong)", wrong);
}

static void test_check_self(void)
{
	char msg[256] = "";

	result(disc_check_self(A(10, 77, 0, 3), 24, msg, sizeof(msg)) == 0,
	       "10.77.0.3/24 can be a node");
	result(disc_check_self(A(10, 77, 255, 255), 16, msg, sizeof(msg)) < 0 &&
	       !strcmp(msg, "10.77.255.255/16 is the network's broadcast address, not a node's"),
	       "10.77.255.255/16 cannot: '%s'", msg);
	result(disc_check_self(A(10, 77, 0, 3), 33, msg, sizeof(msg)) < 0 &&
	       !strcmp(msg, "10.77.0.3/33: not a netmask"), "a /33 is refused");
	result(disc_check_self(A(10, 77, 0, 3), 12, NULL, 0) < 0,
	       "the check works without a message buffer");
	result(disc_node_id(A(10, 77, 0, 3), 24) == 3 &&
	       disc_node_id(A(10, 77, 1, 3), 16) == 259 &&
	       disc_node_id(A(10, 77, 255, 254), 16) == 65534,
	       "node ids are the host part");
	result(disc_netmask(0) == 0 && disc_netmask(16) == 0xffff0000 &&
	       disc_netmask(32) == 0xffffffff, "netmasks of /0, /16, /32");
}

/* ---- peers.c ---- */

static void test_peers(void)
{
	struct peers p = { 0 };
	char buf[HPC_MAP_TEXT_MAX], msg[256];
	uint32_t addr = 0, i;
	int ok = 1;

	result(peers_heard(&p, A(10, 77, 0, 2), 1000) == 1, "a new node joins");
	result(peers_heard(&p, A(10, 77, 0, 2), 5000) == 0,
	       "a known node heard again does not join twice");
	result(peers_heard(&p, A(10, 77, 0, 3), 2000) == 1 && p.n == 2,
	       "a second node joins");
	result(peers_next_expiry(&p, 10000) == 12000,
	       "the next expiry is the oldest node's");
	result(peers_table(&p, A(10, 77, 0, 1), 24, buf, sizeof(buf), msg,
			   sizeof(msg)) > 0 && !strcmp(buf, "1 10.77.0.1 3\n"),
	       "the table holds this node and the peers");
	result(peers_expire(&p, 11999, 10000, &addr) == 0,
	       "no node leaves before the timeout");
	result(peers_expire(&p, 12000, 10000, &addr) == 1 &&
	       addr == A(10, 77, 0, 3) && p.n == 1,
	       "the silent node leaves at the timeout");
	result(peers_expire(&p, 14999, 10000, &addr) == 0,
	       "hearing a node again keeps it");
	result(peers_expire(&p, 15000, 10000, &addr) == 1 && p.n == 0,
	       "then it leaves too");
	result(peers_next_expiry(&p, 10000) == UINT64_MAX, "no node, no expiry");
	result(peers_table(&p, A(10, 77, 0, 1), 24, buf, sizeof(buf), msg,
			   sizeof(msg)) > 0 && !strcmp(buf, "1 10.77.0.1 1\n"),
	       "alone, the table holds this node only");
	for (i = 0; i < PEERS_MAX && ok; i++)
		ok = peers_heard(&p, A(172, 16, 0, 0) + i + 1, 1) == 1;
	result(ok && peers_heard(&p, A(172, 17, 0, 1), 1) == -1,
	       "at most %d other nodes are kept", PEERS_MAX);
	free(p.peer);
}

int main(void)
{
	test_encode();
	test_decode_bad();
	test_accept();
	test_verdict_str();
	test_table();
	test_table_ranges();
	test_table_roundtrip();
	test_check_self();
	test_peers();
	return failures ? 1 : 0;
}
