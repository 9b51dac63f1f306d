// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write the seed corpus of the wire fuzz target: one valid message and one
 * valid body of every type, built with the encoders themselves, and a few
 * near misses so the refusing paths are covered from the start.
 *
 *	wire-seeds DIR
 *
 * tests/fuzz/run --seeds regenerates tests/fuzz/corpus/wire with it; the
 * files are committed, so a change of format shows up in the diff.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static const char *dir;

static void put(const char *name, const void *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void sample(unsigned int type, union hpc_wire_body *b, unsigned int count)
{
	unsigned int i;

	memset(b, 0, sizeof(*b));
	switch (type) {
	case HPC_WIRE_HELLO:
		b->hello.node = 3;
		b->hello.key_id = 1;
		for (i = 0; i < HPC_WIRE_NONCE_SIZE; i++)
			b->hello.nonce[i] = 0x11 * (i % 16);
		break;
	case HPC_WIRE_CHALLENGE:
		b->challenge.node = 3;
		for (i = 0; i < HPC_WIRE_NONCE_SIZE; i++)
			b->challenge.nonce[i] = i;
		for (i = 0; i < HPC_WIRE_PROOF_SIZE; i++)
			b->challenge.proof[i] = 0xff - i;
		break;
	case HPC_WIRE_AUTH:
		for (i = 0; i < HPC_WIRE_PROOF_SIZE; i++)
			b->auth.proof[i] = 0x80 | i;
		break;
	case HPC_WIRE_AUTH_FAIL:
		b->auth_fail.reason = HPC_WIRE_AUTH_FAIL_PROOF;
		break;
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		b->ping.stamp = 123456789;
		break;
	case HPC_WIRE_GOODBYE:
		b->goodbye.reason = HPC_WIRE_BYE_SHUTDOWN;
		break;
	case HPC_WIRE_LOAD:
		b->load.count = count;
		for (i = 0; i < count; i++) {
			struct hpc_wire_load_entry *e = &b->load.entry[i];

			e->node = i + 1;
			e->status = i % 3 ? HPC_WIRE_LOAD_UP : HPC_WIRE_LOAD_UP | HPC_WIRE_LOAD_STAY;
			e->age_ms = 100 * i;
			e->load = 1000 + i;
			e->speed = 10000;
			e->cpus = 1 + i % 4;
			e->util = (i * 7) % 101;
			e->mem_total = 1ULL << 31;
			e->mem_free = 1ULL << 30;
			e->mem_avail = 1ULL << 29;
		}
		break;
	}
}

static void seed(const char *name, unsigned int type, unsigned int count)
{
	static union hpc_wire_body b;
	struct hpc_wire_header h = {
		.type = type, .sender = 3, .seq = 1,
		.request_id = type == HPC_WIRE_PING || type == HPC_WIRE_PONG ? 5 : 0,
		.flags = type == HPC_WIRE_PONG ? HPC_WIRE_F_REPLY : 0,
	};
	uint8_t buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_LOAD_MAX_SIZE + HPC_WIRE_MAC_SIZE + 1];
	char fname[64];
	int n;

	sample(type, &b, count);
	n = hpc_wire_msg_encode(&h, &b, buf, sizeof(buf));
	if (n < 0) {
		fprintf(stderr, "wire-seeds: cannot encode %s: %d\n", name, n);
		exit(1);
	}
	memset(buf + n, 0, HPC_WIRE_MAC_SIZE);	/* a trailer, never looked at */
	snprintf(fname, sizeof(fname), "msg-%s", name);
	put(fname, buf, n + HPC_WIRE_MAC_SIZE);

	buf[0] = type;
	n = hpc_wire_body_encode(type, &b, buf + 1, sizeof(buf) - 1);
	snprintf(fname, sizeof(fname), "body-%s", name);
	put(fname, buf, n + 1);
}

int main(int argc, char **argv)
{
	uint8_t buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_LOAD_MAX_SIZE + HPC_WIRE_MAC_SIZE];
	struct hpc_wire_header h = { .type = HPC_WIRE_PING, .sender = 1, .seq = 1, .body_len = 8 };

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];

	seed("hello", HPC_WIRE_HELLO, 0);
	seed("challenge", HPC_WIRE_CHALLENGE, 0);
	seed("auth", HPC_WIRE_AUTH, 0);
	seed("auth-ok", HPC_WIRE_AUTH_OK, 0);
	seed("auth-fail", HPC_WIRE_AUTH_FAIL, 0);
	seed("ping", HPC_WIRE_PING, 0);
	seed("pong", HPC_WIRE_PONG, 0);
	seed("goodbye", HPC_WIRE_GOODBYE, 0);
	seed("load-1", HPC_WIRE_LOAD, 1);
	seed("load-3", HPC_WIRE_LOAD, 3);
	seed("load-16", HPC_WIRE_LOAD, HPC_WIRE_MAX_LOAD_ENTRIES);

	/* Near misses: a header announcing too much, a bad magic, a short one. */
	memset(buf, 0, sizeof(buf));
	hpc_wire_header_encode(&h, buf, sizeof(buf));
	buf[HPC_WIRE_HDR_BODY_LEN] = 0x7f;
	put("bad-oversize", buf, HPC_WIRE_HEADER_SIZE);
	hpc_wire_header_encode(&h, buf, sizeof(buf));
	buf[HPC_WIRE_HDR_MAGIC + 3] = '2';
	put("bad-magic", buf, HPC_WIRE_HEADER_SIZE + 8);
	hpc_wire_header_encode(&h, buf, sizeof(buf));
	put("bad-short", buf, HPC_WIRE_HEADER_SIZE - 1);
	return 0;
}
