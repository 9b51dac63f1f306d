// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the wire protocol decoders (kernel/hpc/wire.c, built
 * unchanged against shim/).
 *
 * Each input is read two ways:
 *
 *  - as a message: the header decoder gets the first bytes, and if it takes
 *    them, the body decoder of the decoded type gets what follows, cut at
 *    the announced body length (whatever comes after is the trailer);
 *  - as a body: the first byte picks the type, the rest goes to that type's
 *    own decoder, so bodies are reached even without a valid header.
 *
 * Whatever is accepted must encode back to exactly the same bytes (the
 * encoding is canonical) and the encoders must keep within their buffers;
 * whatever is refused must be refused with a documented error and leave the
 * output untouched. Any breach abort()s, which libFuzzer and the replay
 * driver report as a crash. ASan and UBSan watch every read.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

#define GUARD		0xa5
#define POISON		0x5a
#define OUT_SIZE	(HPC_WIRE_HEADER_SIZE + HPC_WIRE_LOAD_MAX_SIZE + HPC_WIRE_MAC_SIZE + 64)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define check(cond) do {							\
	if (!(cond)) {								\
		fprintf(stderr, "wire-fuzz: %s:%d: check failed: %s\n",	\
			__FILE__, __LINE__, #cond);				\
		abort();							\
	}									\
} while (0)

static int all_bytes(const void *p, uint8_t v, size_t n)
{
	const uint8_t *b = p;

	while (n--)
		if (*b++ != v)
			return 0;
	return 1;
}

/* Encoding @b of @type into every buffer too small fails and writes nothing. */
static void check_encode_bounds(unsigned int type, const union hpc_wire_body *b, int n)
{
	static uint8_t out[OUT_SIZE];
	int size;

	/* Every size would be slow for a fuzzer: the edges say enough. */
	for (size = n - 1; size >= 0 && size >= n - 3; size--) {
		memset(out, GUARD, sizeof(out));
		check(hpc_wire_body_encode(type, b, out, size) == -EMSGSIZE);
		check(all_bytes(out, GUARD, sizeof(out)));
	}
	if (n > 0) {
		memset(out, GUARD, sizeof(out));
		check(hpc_wire_body_encode(type, b, out, 0) == -EMSGSIZE);
		check(all_bytes(out, GUARD, sizeof(out)));
	}
}

/* The input as one message: header, body, then anything (the trailer). */
static void fuzz_message(const uint8_t *data, size_t size)
{
	static union hpc_wire_body body;
	static uint8_t out[OUT_SIZE];
	struct hpc_wire_header h;
	size_t avail, take;
	int err, n;

	memset(&h, POISON, sizeof(h));
	err = hpc_wire_header_decode(&h, data, size);
	if (err) {
		check(err == -EBADMSG || err == -EMSGSIZE || err == -EINVAL);
		check((err == -EINVAL) == (size < HPC_WIRE_HEADER_SIZE));
		check(all_bytes(&h, POISON, sizeof(h)));
		return;
	}
	check(size >= HPC_WIRE_HEADER_SIZE);
	check(h.body_len <= HPC_WIRE_MAX_BODY);
	check(hpc_wire_type_known(h.type));

	/* Canonical header. */
	memset(out, GUARD, sizeof(out));
	check(hpc_wire_header_encode(&h, out, HPC_WIRE_HEADER_SIZE) == HPC_WIRE_HEADER_SIZE);
	check(!memcmp(out, data, HPC_WIRE_HEADER_SIZE));
	check(all_bytes(out + HPC_WIRE_HEADER_SIZE, GUARD, sizeof(out) - HPC_WIRE_HEADER_SIZE));
	check(hpc_wire_header_encode(&h, out, HPC_WIRE_HEADER_SIZE - 1) == -EMSGSIZE);

	avail = size - HPC_WIRE_HEADER_SIZE;
	take = avail < h.body_len ? avail : h.body_len;
	memset(&body, POISON, sizeof(body));
	err = hpc_wire_body_decode(&h, &body, data + HPC_WIRE_HEADER_SIZE, take);
	if (err) {
		check(err == -EBADMSG);
		check(all_bytes(&body, POISON, sizeof(body)));
		return;
	}
	check(take == h.body_len);

	/* Canonical message: header and body come out byte for byte. */
	n = hpc_wire_body_size(h.type, &body);
	check(n == (int)h.body_len);
	memset(out, GUARD, sizeof(out));
	n = hpc_wire_msg_encode(&h, &body, out, HPC_WIRE_HEADER_SIZE + take + HPC_WIRE_MAC_SIZE);
	check(n == (int)(HPC_WIRE_HEADER_SIZE + take));
	check(!memcmp(out, data, n));
	check(all_bytes(out + n, GUARD, sizeof(out) - n));

	memset(out, GUARD, sizeof(out));
	check(hpc_wire_msg_encode(&h, &body, out, n + HPC_WIRE_MAC_SIZE - 1) == -EMSGSIZE);
	check(all_bytes(out, GUARD, sizeof(out)));
}

static int decode_by_type(unsigned int type, union hpc_wire_body *b,
			  const uint8_t *p, size_t len)
{
	switch (type) {
	case HPC_WIRE_HELLO:
		return hpc_wire_hello_decode(&b->hello, p, len);
	case HPC_WIRE_CHALLENGE:
		return hpc_wire_challenge_decode(&b->challenge, p, len);
	case HPC_WIRE_AUTH:
		return hpc_wire_auth_decode(&b->auth, p, len);
	case HPC_WIRE_AUTH_OK:
		return len ? -EBADMSG : 0;
	case HPC_WIRE_AUTH_FAIL:
		return hpc_wire_auth_fail_decode(&b->auth_fail, p, len);
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		return hpc_wire_ping_decode(&b->ping, p, len);
	case HPC_WIRE_GOODBYE:
		return hpc_wire_goodbye_decode(&b->goodbye, p, len);
	case HPC_WIRE_LOAD:
		return hpc_wire_load_decode(&b->load, p, len);
	}
	return -EBADMSG;
}

/* The input as a type byte and a body. */
static void fuzz_body(const uint8_t *data, size_t size)
{
	static union hpc_wire_body body;
	static uint8_t out[OUT_SIZE];
	unsigned int type;
	size_t len;
	int err, n;

	if (size < 1)
		return;
	type = data[0];
	len = size - 1;
	memset(&body, POISON, sizeof(body));
	err = decode_by_type(type, &body, data + 1, len);
	if (err) {
		check(err == -EBADMSG);
		check(all_bytes(&body, POISON, sizeof(body)));
		return;
	}
	check(hpc_wire_type_known(type));
	check(len <= HPC_WIRE_LOAD_MAX_SIZE);

	n = hpc_wire_body_size(type, &body);
	check(n == (int)len);
	memset(out, GUARD, sizeof(out));
	check(hpc_wire_body_encode(type, &body, out, sizeof(out)) == n);
	check(!memcmp(out, data + 1, len));
	check(all_bytes(out + n, GUARD, sizeof(out) - n));
	check_encode_bounds(type, &body, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly @size bytes, so ASan sees any read past the end. */
	uint8_t *copy = malloc(size ? size : 1);

	check(copy);
	memcpy(copy, data, size);
	fuzz_message(copy, size);
	fuzz_body(copy, size);
	free(copy);
	return 0;
}
