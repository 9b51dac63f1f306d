/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit tests of the wire protocol's encoders and decoders, included at the
 * bottom of wire.c. tests/fuzz builds the same suite in user space.
 *
 * The golden byte sequences are the protocol: if one of them has to change,
 * the format changed, and HPC_WIRE_VERSION must change with it.
 */
#include <kunit/test.h>

#define TEST_SENDER	7
/* Room for any message, and for a LOAD of one entry too many. */
#define TEST_BUF_SIZE	(HPC_WIRE_HEADER_SIZE + HPC_WIRE_MAC_SIZE + \
			 HPC_WIRE_LOAD_SIZE(HPC_WIRE_MAX_LOAD_ENTRIES + 1))

/* Every type this version defines, and the body lengths each allows. */
static const struct {
	u8 type;
	u32 min_len;
	u32 max_len;
} test_types[] = {
	{ HPC_WIRE_HELLO,     38, 38 },
	{ HPC_WIRE_CHALLENGE, 66, 66 },
	{ HPC_WIRE_AUTH,      32, 32 },
	{ HPC_WIRE_AUTH_OK,    0,  0 },
	{ HPC_WIRE_AUTH_FAIL,  2,  2 },
	{ HPC_WIRE_PING,       8,  8 },
	{ HPC_WIRE_PONG,       8,  8 },
	{ HPC_WIRE_GOODBYE,    2,  2 },
	{ HPC_WIRE_LOAD,      46, 2 + 16 * 44 },
};

/* Big buffers and bodies live here, off the kernel stack. */
struct wire_test_ctx {
	union hpc_wire_body in;
	union hpc_wire_body out;
	u8 buf[TEST_BUF_SIZE];
	u8 ref[TEST_BUF_SIZE];
};

static struct wire_test_ctx *ctx_alloc(struct kunit *test)
{
	struct wire_test_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	return c;
}

static bool all_bytes(const void *p, u8 v, size_t n)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != v)
			return false;
	return true;
}

/* The offset of the first difference, or -1: says where a layout broke. */
static int first_diff(const u8 *a, const u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return i;
	return -1;
}

/* A valid header: a PING is a request, a PONG its reply. */
static struct hpc_wire_header test_header(u8 type, u32 body_len)
{
	struct hpc_wire_header h = {
		.type = type,
		.sender = TEST_SENDER,
		.seq = 1,
		.request_id = type == HPC_WIRE_PING || type == HPC_WIRE_PONG ? 77 : 0,
		.flags = type == HPC_WIRE_PONG ? HPC_WIRE_F_REPLY : 0,
		.body_len = body_len,
	};

	return h;
}

static const struct hpc_wire_load_entry test_entries[] = {
	{
		.node = 1, .status = HPC_WIRE_LOAD_UP, .age_ms = 250, .load = 1000,
		.speed = 10000, .cpus = 2, .util = 50,
		.mem_total = 1ULL << 30, .mem_free = 1ULL << 29, .mem_avail = 1ULL << 28,
	},
	{
		.node = 2, .status = HPC_WIRE_LOAD_UP | HPC_WIRE_LOAD_BLOCK, .age_ms = 3000,
		.load = 0, .speed = 25000, .cpus = 8, .util = 0,
		.mem_total = 16ULL << 30, .mem_free = 16ULL << 30, .mem_avail = 12ULL << 30,
	},
	{
		.node = 300, .status = 0, .age_ms = 60000, .load = 7, .speed = 1, .cpus = 1,
		.util = 100, .mem_total = 4096, .mem_free = 0, .mem_avail = 4096,
	},
};

/* A valid body of every type, with no field left at a default. */
static void sample_body(u8 type, union hpc_wire_body *b)
{
	unsigned int i;

	memset(b, 0, sizeof(*b));
	switch (type) {
	case HPC_WIRE_HELLO:
		b->hello.node = TEST_SENDER;
		b->hello.key_id = 0xdeadbeef;
		for (i = 0; i < HPC_WIRE_NONCE_SIZE; i++)
			b->hello.nonce[i] = i + 1;
		break;
	case HPC_WIRE_CHALLENGE:
		b->challenge.node = TEST_SENDER;
		for (i = 0; i < HPC_WIRE_NONCE_SIZE; i++)
			b->challenge.nonce[i] = 0x40 + i;
		for (i = 0; i < HPC_WIRE_PROOF_SIZE; i++)
			b->challenge.proof[i] = 0x80 + i;
		break;
	case HPC_WIRE_AUTH:
		for (i = 0; i < HPC_WIRE_PROOF_SIZE; i++)
			b->auth.proof[i] = 0xff - i;
		break;
	case HPC_WIRE_AUTH_FAIL:
		b->auth_fail.reason = HPC_WIRE_AUTH_FAIL_KEY;
		break;
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		b->ping.stamp = 0x1122334455667788ULL;
		break;
	case HPC_WIRE_GOODBYE:
		b->goodbye.reason = HPC_WIRE_BYE_LEAVE;
		break;
	case HPC_WIRE_LOAD:
		b->load.count = ARRAY_SIZE(test_entries);
		memcpy(b->load.entry, test_entries, sizeof(test_entries));
		break;
	}
}

static void expect_entry_eq(struct kunit *test, const struct hpc_wire_load_entry *a,
			    const struct hpc_wire_load_entry *b)
{
	KUNIT_EXPECT_EQ(test, a->node, b->node);
	KUNIT_EXPECT_EQ(test, a->status, b->status);
	KUNIT_EXPECT_EQ(test, a->age_ms, b->age_ms);
	KUNIT_EXPECT_EQ(test, a->load, b->load);
	KUNIT_EXPECT_EQ(test, a->speed, b->speed);
	KUNIT_EXPECT_EQ(test, a->cpus, b->cpus);
	KUNIT_EXPECT_EQ(test, a->util, b->util);
	KUNIT_EXPECT_EQ(test, a->mem_total, b->mem_total);
	KUNIT_EXPECT_EQ(test, a->mem_free, b->mem_free);
	KUNIT_EXPECT_EQ(test, a->mem_avail, b->mem_avail);
}

/* Field by field, so that two swapped fields cannot hide each other. */
static void expect_body_eq(struct kunit *test, u8 type, const union hpc_wire_body *a,
			   const union hpc_wire_body *b)
{
	unsigned int i;

	switch (type) {
	case HPC_WIRE_HELLO:
		KUNIT_EXPECT_EQ(test, a->hello.node, b->hello.node);
		KUNIT_EXPECT_EQ(test, a->hello.key_id, b->hello.key_id);
		KUNIT_EXPECT_EQ(test, memcmp(a->hello.nonce, b->hello.nonce,
					     HPC_WIRE_NONCE_SIZE), 0);
		break;
	case HPC_WIRE_CHALLENGE:
		KUNIT_EXPECT_EQ(test, a->challenge.node, b->challenge.node);
		KUNIT_EXPECT_EQ(test, memcmp(a->challenge.nonce, b->challenge.nonce,
					     HPC_WIRE_NONCE_SIZE), 0);
		KUNIT_EXPECT_EQ(test, memcmp(a->challenge.proof, b->challenge.proof,
					     HPC_WIRE_PROOF_SIZE), 0);
		break;
	case HPC_WIRE_AUTH:
		KUNIT_EXPECT_EQ(test, memcmp(a->auth.proof, b->auth.proof,
					     HPC_WIRE_PROOF_SIZE), 0);
		break;
	case HPC_WIRE_AUTH_FAIL:
		KUNIT_EXPECT_EQ(test, a->auth_fail.reason, b->auth_fail.reason);
		break;
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		KUNIT_EXPECT_EQ(test, a->ping.stamp, b->ping.stamp);
		break;
	case HPC_WIRE_GOODBYE:
		KUNIT_EXPECT_EQ(test, a->goodbye.reason, b->goodbye.reason);
		break;
	case HPC_WIRE_LOAD:
		KUNIT_EXPECT_EQ(test, a->load.count, b->load.count);
		for (i = 0; i < a->load.count && i < HPC_WIRE_MAX_LOAD_ENTRIES; i++)
			expect_entry_eq(test, &a->load.entry[i], &b->load.entry[i]);
		break;
	}
}

static void expect_header_eq(struct kunit *test, const struct hpc_wire_header *a,
			     const struct hpc_wire_header *b)
{
	KUNIT_EXPECT_EQ(test, a->type, b->type);
	KUNIT_EXPECT_EQ(test, a->flags, b->flags);
	KUNIT_EXPECT_EQ(test, a->sender, b->sender);
	KUNIT_EXPECT_EQ(test, a->seq, b->seq);
	KUNIT_EXPECT_EQ(test, a->request_id, b->request_id);
	KUNIT_EXPECT_EQ(test, a->body_len, b->body_len);
}

/*
 * The golden message: a LOAD of two entries, answering request 0xa1b2c3d4.
 * Header, then body.
 */
static const u8 golden_header[HPC_WIRE_HEADER_SIZE] = {
	0x4f, 0x4d, 0x58, 0x31,				/* magic "OMX1" */
	0x01,						/* version */
	0x10,						/* type LOAD */
	0x00, 0x01,					/* flags REPLY */
	0x12, 0x34,					/* sender */
	0x00, 0x00,					/* reserved */
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,	/* seq */
	0xa1, 0xb2, 0xc3, 0xd4,				/* request id */
	0x00, 0x00, 0x00, 0x5a,				/* body length 90 */
};

static const struct hpc_wire_header golden_header_value = {
	.type = HPC_WIRE_LOAD,
	.flags = HPC_WIRE_F_REPLY,
	.sender = 0x1234,
	.seq = 0x0102030405060708ULL,
	.request_id = 0xa1b2c3d4,
	.body_len = 90,
};

static const u8 golden_load[90] = {
	0x00, 0x02,					/* count */
	/* entry 0 */
	0x00, 0x01,					/* node 1 */
	0x00, 0x09,					/* status UP | BLOCK */
	0x00, 0x00, 0x05, 0xdc,				/* age 1500 ms */
	0x00, 0x01, 0x23, 0x45,				/* load */
	0x00, 0x00, 0x27, 0x10,				/* speed 10000 */
	0x00, 0x04,					/* cpus */
	0x00, 0x4b,					/* util 75 % */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,	/* total 8 GiB */
	0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00,	/* free 2 GiB */
	0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,	/* available 1 GiB */
	/* entry 1 */
	0xff, 0xfe,					/* node 65534 */
	0x00, 0x37,					/* UP STAY LSTAY QUIET NOMFS */
	0x00, 0x00, 0x00, 0x00,				/* age 0 */
	0x00, 0x00, 0x00, 0x00,				/* load 0 */
	0xfe, 0xdc, 0xba, 0x98,				/* speed */
	0x01, 0x00,					/* cpus 256 */
	0x00, 0x64,					/* util 100 % */
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,	/* total */
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,	/* free = total */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* available 0 */
};

static void golden_load_value(struct hpc_wire_load *m)
{
	static const struct hpc_wire_load_entry e[2] = {
		{
			.node = 1, .status = HPC_WIRE_LOAD_UP | HPC_WIRE_LOAD_BLOCK,
			.age_ms = 1500, .load = 0x12345, .speed = 10000, .cpus = 4,
			.util = 75, .mem_total = 8ULL << 30, .mem_free = 2ULL << 30,
			.mem_avail = 1ULL << 30,
		},
		{
			.node = 65534,
			.status = HPC_WIRE_LOAD_UP | HPC_WIRE_LOAD_STAY | HPC_WIRE_LOAD_LSTAY |
				  HPC_WIRE_LOAD_QUIET | HPC_WIRE_LOAD_NOMFS,
			.age_ms = 0, .load = 0, .speed = 0xfedcba98, .cpus = 256, .util = 100,
			.mem_total = 0x0123456789abcdefULL, .mem_free = 0x0123456789abcdefULL,
			.mem_avail = 0,
		},
	};

	m->count = 2;
	memcpy(m->entry, e, sizeof(e));
}

static void hpc_wire_test_header_golden(struct kunit *test)
{
	struct hpc_wire_header h;
	u8 buf[HPC_WIRE_HEADER_SIZE];

	KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&golden_header_value, buf, sizeof(buf)),
			HPC_WIRE_HEADER_SIZE);
	KUNIT_EXPECT_EQ_MSG(test, first_diff(buf, golden_header, sizeof(buf)), -1,
			    "encoded header differs from the golden bytes");

	KUNIT_ASSERT_EQ(test, hpc_wire_header_decode(&h, golden_header, sizeof(golden_header)), 0);
	expect_header_eq(test, &h, &golden_header_value);
}

static void hpc_wire_test_load_golden(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	struct hpc_wire_header h;
	int n;

	golden_load_value(&c->in.load);
	KUNIT_EXPECT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)),
			(int)sizeof(golden_load));
	KUNIT_EXPECT_EQ_MSG(test, first_diff(c->buf, golden_load, sizeof(golden_load)), -1,
			    "encoded LOAD differs from the golden bytes");

	KUNIT_ASSERT_EQ(test, hpc_wire_load_decode(&c->out.load, golden_load,
						   sizeof(golden_load)), 0);
	expect_body_eq(test, HPC_WIRE_LOAD, &c->out, &c->in);

	/* The whole message: golden header, then golden body. */
	n = hpc_wire_msg_encode(&golden_header_value, &c->in, c->buf, sizeof(c->buf));
	KUNIT_ASSERT_EQ(test, n, HPC_WIRE_HEADER_SIZE + (int)sizeof(golden_load));
	KUNIT_EXPECT_EQ(test, first_diff(c->buf, golden_header, HPC_WIRE_HEADER_SIZE), -1);
	KUNIT_EXPECT_EQ(test, first_diff(c->buf + HPC_WIRE_HEADER_SIZE, golden_load,
					 sizeof(golden_load)), -1);
	KUNIT_ASSERT_EQ(test, hpc_wire_header_decode(&h, c->buf, n), 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf + HPC_WIRE_HEADER_SIZE,
						   h.body_len), 0);
	expect_body_eq(test, HPC_WIRE_LOAD, &c->out, &c->in);
}

/*
 * Each field at its extremes: the three columns of values are used
 * together, so sender 1 goes with seq 1 and request id 0, and so on.
 */
static void hpc_wire_test_header_roundtrip(struct kunit *test)
{
	static const u16 senders[] = { 1, 0x1234, 65535 };
	static const u64 seqs[] = { 1, 0x8000000000000000ULL, U64_MAX };
	static const u32 requests[] = { 0, 1, U32_MAX };
	struct hpc_wire_header h, d;
	u8 buf[HPC_WIRE_HEADER_SIZE];
	unsigned int t, v, r, l;

	for (t = 0; t < ARRAY_SIZE(test_types); t++) {
		for (v = 0; v < ARRAY_SIZE(senders) * 2 * 2; v++) {
			l = v & 1;
			r = (v >> 1) & 1;
			h.type = test_types[t].type;
			h.body_len = l ? test_types[t].max_len : test_types[t].min_len;
			h.sender = senders[v / 4];
			h.seq = seqs[v / 4];
			h.request_id = requests[v / 4];
			h.flags = r ? HPC_WIRE_F_REPLY : 0;
			if (r && !h.request_id)
				continue;
			if (h.type == HPC_WIRE_PING && (r || !h.request_id))
				continue;
			if (h.type == HPC_WIRE_PONG && !r)
				continue;
			KUNIT_ASSERT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)),
					HPC_WIRE_HEADER_SIZE);
			memset(&d, 0, sizeof(d));
			KUNIT_ASSERT_EQ(test, hpc_wire_header_decode(&d, buf, sizeof(buf)), 0);
			expect_header_eq(test, &d, &h);
		}
	}
}

/* One change to the golden header, and what the decoder must say to it. */
static const struct {
	u8 off;
	u8 width;
	u32 val;
	int err;
} header_mutations[] = {
	{ HPC_WIRE_HDR_MAGIC, 1, 0x00, -EBADMSG },
	{ HPC_WIRE_HDR_MAGIC + 3, 1, 0x32, -EBADMSG },
	{ HPC_WIRE_HDR_MAGIC, 4, 0x314d584f, -EBADMSG },	/* little-endian magic */
	{ HPC_WIRE_HDR_VERSION, 1, 0, -EBADMSG },
	{ HPC_WIRE_HDR_VERSION, 1, 2, -EBADMSG },
	{ HPC_WIRE_HDR_VERSION, 1, 0xff, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0x00, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0x06, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0x0b, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0x11, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, HPC_WIRE_MIG_MOVED + 1, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, HPC_WIRE_MIGRATE_LAST, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0x80, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, 0xff, -EBADMSG },
	{ HPC_WIRE_HDR_TYPE, 1, HPC_WIRE_HELLO, -EBADMSG },	/* 90 bytes: not a HELLO */
	{ HPC_WIRE_HDR_FLAGS, 2, 0x0002, -EBADMSG },
	{ HPC_WIRE_HDR_FLAGS, 2, 0x0100, -EBADMSG },
	{ HPC_WIRE_HDR_FLAGS, 2, 0x8000, -EBADMSG },
	{ HPC_WIRE_HDR_FLAGS, 2, 0xffff, -EBADMSG },
	{ HPC_WIRE_HDR_FLAGS, 2, 0x0000, 0 },			/* a request, not a reply */
	{ HPC_WIRE_HDR_SENDER, 2, 0, -EBADMSG },
	{ HPC_WIRE_HDR_SENDER, 2, 1, 0 },
	{ HPC_WIRE_HDR_SENDER, 2, 0xffff, 0 },
	{ HPC_WIRE_HDR_RESERVED, 2, 0x0001, -EBADMSG },
	{ HPC_WIRE_HDR_RESERVED, 2, 0x8000, -EBADMSG },
	{ HPC_WIRE_HDR_SEQ, 4, 0, 0 },				/* high half 0: seq still > 0 */
	{ HPC_WIRE_HDR_SEQ + 4, 4, 0, 0 },
	{ HPC_WIRE_HDR_REQUEST_ID, 4, 0, -EBADMSG },		/* a reply to nothing */
	{ HPC_WIRE_HDR_REQUEST_ID, 4, 1, 0 },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 0, -EBADMSG },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 2 + 44 - 1, -EBADMSG },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 2 + 44, 0 },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 2 + 16 * 44, 0 },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 2 + 16 * 44 + 1, -EBADMSG },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 2 + 17 * 44, -EBADMSG },
	{ HPC_WIRE_HDR_BODY_LEN, 4, HPC_WIRE_MAX_BODY, -EBADMSG },
	{ HPC_WIRE_HDR_BODY_LEN, 4, HPC_WIRE_MAX_BODY + 1, -EMSGSIZE },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 0x80000000, -EMSGSIZE },
	{ HPC_WIRE_HDR_BODY_LEN, 4, 0xffffffff, -EMSGSIZE },
};

static void put_be(u8 *p, unsigned int width, u32 val)
{
	while (width--) {
		p[width] = val & 0xff;
		val >>= 8;
	}
}

static void hpc_wire_test_header_rejects(struct kunit *test)
{
	struct hpc_wire_header h;
	u8 buf[HPC_WIRE_HEADER_SIZE];
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(header_mutations); i++) {
		memcpy(buf, golden_header, sizeof(buf));
		put_be(buf + header_mutations[i].off, header_mutations[i].width,
		       header_mutations[i].val);
		memset(&h, 0x5a, sizeof(h));
		err = hpc_wire_header_decode(&h, buf, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, err, header_mutations[i].err,
				    "mutation %u: %u bytes at %u set to %#x", i,
				    header_mutations[i].width, header_mutations[i].off,
				    header_mutations[i].val);
		if (err)
			KUNIT_EXPECT_TRUE_MSG(test, all_bytes(&h, 0x5a, sizeof(h)),
					      "mutation %u: failed decode wrote its output", i);
	}

	/* Sequence number 0, which no message carries. */
	memcpy(buf, golden_header, sizeof(buf));
	memset(buf + HPC_WIRE_HDR_SEQ, 0, 8);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), -EBADMSG);

	/* A PING must be a request, a PONG a reply. */
	h = test_header(HPC_WIRE_PING, HPC_WIRE_PING_SIZE);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), HPC_WIRE_HEADER_SIZE);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), 0);
	put_be(buf + HPC_WIRE_HDR_REQUEST_ID, 4, 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), -EBADMSG);
	put_be(buf + HPC_WIRE_HDR_REQUEST_ID, 4, 1);
	put_be(buf + HPC_WIRE_HDR_FLAGS, 2, HPC_WIRE_F_REPLY);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), -EBADMSG);
	buf[HPC_WIRE_HDR_TYPE] = HPC_WIRE_PONG;
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), 0);
	put_be(buf + HPC_WIRE_HDR_FLAGS, 2, 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), -EBADMSG);
	h = test_header(HPC_WIRE_PING, HPC_WIRE_PING_SIZE);
	h.request_id = 0;
	KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), -EINVAL);
	h = test_header(HPC_WIRE_PONG, HPC_WIRE_PING_SIZE);
	h.flags = 0;
	KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), -EINVAL);

	/* A request with no id is fine; a reply with no id is not. */
	memcpy(buf, golden_header, sizeof(buf));
	memset(buf + HPC_WIRE_HDR_FLAGS, 0, 2);
	memset(buf + HPC_WIRE_HDR_REQUEST_ID, 0, 4);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, h.request_id, 0);
}

static void hpc_wire_test_header_short(struct kunit *test)
{
	struct hpc_wire_header h;
	size_t len;

	for (len = 0; len < HPC_WIRE_HEADER_SIZE; len++) {
		memset(&h, 0x5a, sizeof(h));
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_header_decode(&h, golden_header, len), -EINVAL,
				    "header of %zu bytes", len);
		KUNIT_EXPECT_TRUE(test, all_bytes(&h, 0x5a, sizeof(h)));
	}
}

/* The golden header with one rule broken, for each @i until it returns false. */
static bool bad_header(unsigned int i, struct hpc_wire_header *h)
{
	*h = golden_header_value;
	switch (i) {
	case 0:
		h->type = 0;
		break;
	case 1:
		h->type = HPC_WIRE_MIG_MOVED + 1;
		break;
	case 2:
		h->flags = 0x0002;
		break;
	case 3:
		h->sender = 0;
		break;
	case 4:
		h->seq = 0;
		break;
	case 5:
		h->request_id = 0;	/* with HPC_WIRE_F_REPLY */
		break;
	case 6:
		h->body_len = 0;
		break;
	case 7:
		h->body_len = HPC_WIRE_MAX_BODY + 1;
		break;
	case 8:
		h->type = HPC_WIRE_PING;	/* with a LOAD's length */
		break;
	case 9:
		h->body_len = HPC_WIRE_LOAD_MAX_SIZE + 1;
		break;
	default:
		return false;
	}
	return true;
}

static void hpc_wire_test_header_encode_rejects(struct kunit *test)
{
	struct hpc_wire_header h;
	u8 buf[HPC_WIRE_HEADER_SIZE + 8];
	unsigned int i;
	size_t size, used;

	for (i = 0; bad_header(i, &h); i++) {
		memset(buf, 0xa5, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), -EINVAL,
				    "invalid header %u encoded", i);
		KUNIT_EXPECT_TRUE(test, all_bytes(buf, 0xa5, sizeof(buf)));
	}

	for (size = 0; size <= sizeof(buf); size++) {
		used = size < HPC_WIRE_HEADER_SIZE ? 0 : HPC_WIRE_HEADER_SIZE;
		memset(buf, 0xa5, sizeof(buf));
		KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&golden_header_value, buf, size),
				used ? HPC_WIRE_HEADER_SIZE : -EMSGSIZE);
		KUNIT_EXPECT_TRUE_MSG(test, all_bytes(buf + used, 0xa5, sizeof(buf) - used),
				      "wrote out of bounds with %zu bytes of room", size);
	}
}

static void hpc_wire_test_body_roundtrip(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	struct hpc_wire_header h;
	unsigned int t;
	int n, again;

	for (t = 0; t < ARRAY_SIZE(test_types); t++) {
		u8 type = test_types[t].type;

		sample_body(type, &c->in);
		n = hpc_wire_body_size(type, &c->in);
		KUNIT_EXPECT_GE(test, n, (int)test_types[t].min_len);
		KUNIT_EXPECT_LE(test, n, (int)test_types[t].max_len);
		KUNIT_ASSERT_EQ(test, hpc_wire_body_encode(type, &c->in, c->buf, TEST_BUF_SIZE), n);

		memset(&c->out, 0, sizeof(c->out));
		h = test_header(type, n);
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_body_decode(&h, &c->out, c->buf, n), 0,
				    "type %#x", type);
		expect_body_eq(test, type, &c->out, &c->in);

		/* Decoding is canonical: the same bytes come out again. */
		memcpy(c->ref, c->buf, n);
		memset(c->buf, 0, n);
		again = hpc_wire_body_encode(type, &c->out, c->buf, TEST_BUF_SIZE);
		KUNIT_EXPECT_EQ(test, again, n);
		KUNIT_EXPECT_EQ(test, first_diff(c->buf, c->ref, n), -1);
	}
}

static void hpc_wire_test_msg_roundtrip(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	u8 *body = c->buf + HPC_WIRE_HEADER_SIZE;
	struct hpc_wire_header h, d;
	unsigned int t;
	int n;

	for (t = 0; t < ARRAY_SIZE(test_types); t++) {
		u8 type = test_types[t].type;

		sample_body(type, &c->in);
		h = test_header(type, 12345);	/* body_len is the encoder's to fill */
		h.seq = 42;
		h.request_id = 9;
		n = hpc_wire_msg_encode(&h, type == HPC_WIRE_AUTH_OK ? NULL : &c->in,
					c->buf, sizeof(c->buf));
		KUNIT_ASSERT_GE(test, n, HPC_WIRE_HEADER_SIZE);

		KUNIT_ASSERT_EQ(test, hpc_wire_header_decode(&d, c->buf, n), 0);
		h.body_len = n - HPC_WIRE_HEADER_SIZE;
		expect_header_eq(test, &d, &h);
		memset(&c->out, 0, sizeof(c->out));
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&d, &c->out, body, d.body_len), 0);
		expect_body_eq(test, type, &c->out, &c->in);
	}
}

/* Cut every valid message at every byte: no prefix may decode. */
static void hpc_wire_test_truncation(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	u8 *body = c->buf + HPC_WIRE_HEADER_SIZE;
	struct hpc_wire_header h, d;
	unsigned int t;
	int n, cut;

	for (t = 0; t < ARRAY_SIZE(test_types); t++) {
		u8 type = test_types[t].type;

		sample_body(type, &c->in);
		h = test_header(type, 0);
		n = hpc_wire_msg_encode(&h, &c->in, c->buf, sizeof(c->buf));
		KUNIT_ASSERT_GE(test, n, HPC_WIRE_HEADER_SIZE);
		KUNIT_ASSERT_EQ(test, hpc_wire_header_decode(&h, c->buf, n), 0);

		for (cut = 0; cut < n; cut++) {
			if (cut < HPC_WIRE_HEADER_SIZE) {
				KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&d, c->buf, cut),
						-EINVAL);
				continue;
			}
			/* The receiver has the header but not all of the body. */
			memset(&c->out, 0x5a, sizeof(c->out));
			KUNIT_EXPECT_EQ_MSG(test, hpc_wire_body_decode(&h, &c->out, body,
								       cut - HPC_WIRE_HEADER_SIZE),
					    -EBADMSG, "type %#x cut at %d", type, cut);
			/* A header that claims the short length does not help. */
			d = h;
			d.body_len = cut - HPC_WIRE_HEADER_SIZE;
			KUNIT_EXPECT_EQ_MSG(test,
					    hpc_wire_body_decode(&d, &c->out, body, d.body_len),
					    -EBADMSG, "type %#x body of %u", type, d.body_len);
			KUNIT_EXPECT_TRUE(test, all_bytes(&c->out, 0x5a, sizeof(c->out)));
		}

		/* One byte too many is as bad as one too few. */
		c->buf[n] = 0;
		d = h;
		d.body_len = h.body_len + 1;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_body_decode(&d, &c->out, body, d.body_len),
				    -EBADMSG, "type %#x with a trailing byte", type);
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, body, h.body_len + 1),
				-EBADMSG);
	}
}

/* Every encoder, at every buffer size too small: -EMSGSIZE, nothing written. */
static void hpc_wire_test_encode_bounds(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	struct hpc_wire_header h;
	unsigned int t;
	int n, total, size;

	for (t = 0; t < ARRAY_SIZE(test_types); t++) {
		u8 type = test_types[t].type;

		sample_body(type, &c->in);
		n = hpc_wire_body_size(type, &c->in);
		KUNIT_ASSERT_GE(test, n, 0);
		for (size = 0; size <= n; size++) {
			memset(c->buf, 0xa5, sizeof(c->buf));
			KUNIT_EXPECT_EQ(test, hpc_wire_body_encode(type, &c->in, c->buf, size),
					size < n ? -EMSGSIZE : n);
			KUNIT_EXPECT_TRUE_MSG(test, all_bytes(c->buf + (size < n ? 0 : n), 0xa5,
							      sizeof(c->buf) - (size < n ? 0 : n)),
					      "type %#x, size %d: wrote out of bounds", type, size);
		}

		h = test_header(type, 0);
		total = HPC_WIRE_HEADER_SIZE + n + HPC_WIRE_MAC_SIZE;
		for (size = 0; size <= total; size++) {
			int want = size < total ? -EMSGSIZE : HPC_WIRE_HEADER_SIZE + n;
			int clean = size < total ? 0 : HPC_WIRE_HEADER_SIZE + n;

			memset(c->buf, 0xa5, sizeof(c->buf));
			KUNIT_EXPECT_EQ(test, hpc_wire_msg_encode(&h, &c->in, c->buf, size), want);
			KUNIT_EXPECT_TRUE_MSG(test, all_bytes(c->buf + clean, 0xa5,
							      sizeof(c->buf) - clean),
					      "type %#x, message size %d: wrote out of bounds",
					      type, size);
		}
	}
}

/* One change to one entry of the sample LOAD (struct or bytes alike). */
static const struct {
	u8 entry;
	u8 off;
	u64 val;
} load_mutations[] = {
	{ 0, HPC_WIRE_LE_NODE, 0 },
	{ 2, HPC_WIRE_LE_NODE, 0 },
	{ 1, HPC_WIRE_LE_NODE, 1 },		/* the same node as entry 0 */
	{ 2, HPC_WIRE_LE_NODE, 1 },
	{ 2, HPC_WIRE_LE_NODE, 2 },
	{ 0, HPC_WIRE_LE_STATUS, 0x0040 },
	{ 1, HPC_WIRE_LE_STATUS, 0x8000 | HPC_WIRE_LOAD_UP },
	{ 0, HPC_WIRE_LE_SPEED, 0 },
	{ 1, HPC_WIRE_LE_CPUS, 0 },
	{ 0, HPC_WIRE_LE_UTIL, 101 },
	{ 2, HPC_WIRE_LE_UTIL, 0xffff },
	{ 0, HPC_WIRE_LE_MEM_FREE, (1ULL << 30) + 1 },		/* free > total */
	{ 2, HPC_WIRE_LE_MEM_AVAIL, 4097 },			/* available > total */
	{ 1, HPC_WIRE_LE_MEM_TOTAL, (12ULL << 30) },		/* total < free */
	{ 0, HPC_WIRE_LE_MEM_TOTAL, 0 },
};

static void entry_set(struct hpc_wire_load_entry *e, u8 off, u64 val)
{
	switch (off) {
	case HPC_WIRE_LE_NODE:
		e->node = val;
		break;
	case HPC_WIRE_LE_STATUS:
		e->status = val;
		break;
	case HPC_WIRE_LE_SPEED:
		e->speed = val;
		break;
	case HPC_WIRE_LE_CPUS:
		e->cpus = val;
		break;
	case HPC_WIRE_LE_UTIL:
		e->util = val;
		break;
	case HPC_WIRE_LE_MEM_TOTAL:
		e->mem_total = val;
		break;
	case HPC_WIRE_LE_MEM_FREE:
		e->mem_free = val;
		break;
	case HPC_WIRE_LE_MEM_AVAIL:
		e->mem_avail = val;
		break;
	}
}

static unsigned int entry_width(u8 off)
{
	switch (off) {
	case HPC_WIRE_LE_SPEED:
		return 4;
	case HPC_WIRE_LE_MEM_TOTAL:
	case HPC_WIRE_LE_MEM_FREE:
	case HPC_WIRE_LE_MEM_AVAIL:
		return 8;
	}
	return 2;
}

static void expect_load_refused(struct kunit *test, struct wire_test_ctx *c, size_t len,
				const char *what)
{
	memset(&c->out, 0x5a, sizeof(c->out));
	KUNIT_EXPECT_EQ_MSG(test, hpc_wire_load_decode(&c->out.load, c->buf, len), -EBADMSG,
			    "LOAD with %s decoded", what);
	KUNIT_EXPECT_TRUE_MSG(test, all_bytes(&c->out, 0x5a, sizeof(c->out)),
			      "refused LOAD with %s was written", what);
}

static void hpc_wire_test_load_rejects(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	const size_t n = HPC_WIRE_LOAD_SIZE(ARRAY_SIZE(test_entries));
	unsigned int i, w;
	u8 *field;
	u64 v;

	for (i = 0; i < ARRAY_SIZE(load_mutations); i++) {
		/* The struct: the encoder refuses it and writes nothing. */
		sample_body(HPC_WIRE_LOAD, &c->in);
		entry_set(&c->in.load.entry[load_mutations[i].entry], load_mutations[i].off,
			  load_mutations[i].val);
		memset(c->buf, 0xa5, sizeof(c->buf));
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)),
				    -EINVAL, "load mutation %u encoded", i);
		KUNIT_EXPECT_TRUE(test, all_bytes(c->buf, 0xa5, sizeof(c->buf)));

		/* The bytes: the decoder refuses them. */
		sample_body(HPC_WIRE_LOAD, &c->in);
		KUNIT_ASSERT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)),
				(int)n);
		field = c->buf + HPC_WIRE_LOAD_ENTRIES +
			load_mutations[i].entry * HPC_WIRE_LOAD_ENTRY_SIZE + load_mutations[i].off;
		v = load_mutations[i].val;
		for (w = entry_width(load_mutations[i].off); w > 0; w--) {
			field[w - 1] = v & 0xff;
			v >>= 8;
		}
		expect_load_refused(test, c, n, "a bad entry");
	}

	/* Counts that are out of range or do not match the length. */
	sample_body(HPC_WIRE_LOAD, &c->in);
	KUNIT_ASSERT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)), (int)n);
	expect_load_refused(test, c, n - 1, "a short last entry");
	expect_load_refused(test, c, n + 1, "a trailing byte");
	expect_load_refused(test, c, HPC_WIRE_LOAD_SIZE(2), "a count above its entries");
	expect_load_refused(test, c, 0, "no count");
	expect_load_refused(test, c, 1, "half a count");
	c->buf[1] = 2;
	expect_load_refused(test, c, n, "a count below its entries");
	c->buf[1] = 0;
	expect_load_refused(test, c, n, "count 0");
	expect_load_refused(test, c, 2, "count 0 and no entry");
	c->buf[0] = 0xff;
	c->buf[1] = 0xff;
	expect_load_refused(test, c, n, "count 65535");

	/* Seventeen valid, distinct entries are still too many. */
	c->in.load.count = HPC_WIRE_MAX_LOAD_ENTRIES;
	for (i = 0; i < HPC_WIRE_MAX_LOAD_ENTRIES; i++) {
		c->in.load.entry[i] = test_entries[0];
		c->in.load.entry[i].node = 100 + i;
	}
	KUNIT_ASSERT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)),
			HPC_WIRE_LOAD_MAX_SIZE);
	field = c->buf + HPC_WIRE_LOAD_MAX_SIZE;
	memcpy(field, c->buf + HPC_WIRE_LOAD_ENTRIES, HPC_WIRE_LOAD_ENTRY_SIZE);
	put_be(field + HPC_WIRE_LE_NODE, 2, 999);
	put_be(c->buf + HPC_WIRE_LOAD_COUNT, 2, HPC_WIRE_MAX_LOAD_ENTRIES + 1);
	expect_load_refused(test, c, HPC_WIRE_LOAD_SIZE(HPC_WIRE_MAX_LOAD_ENTRIES + 1),
			    "17 entries");

	/* And the encoder will not write a count out of range. */
	c->in.load.count = HPC_WIRE_MAX_LOAD_ENTRIES + 1;
	KUNIT_EXPECT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)), -EINVAL);
	c->in.load.count = 0;
	KUNIT_EXPECT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)), -EINVAL);
}

/* The extremes of every field, in a LOAD of the largest count. */
static void hpc_wire_test_load_boundaries(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	struct hpc_wire_load_entry *e;
	unsigned int i;
	int n;

	c->in.load.count = HPC_WIRE_MAX_LOAD_ENTRIES;
	for (i = 0; i < HPC_WIRE_MAX_LOAD_ENTRIES; i++) {
		bool hi = i & 1;

		e = &c->in.load.entry[i];
		e->node = i == 0 ? 1 : i == 1 ? 65535 : 1000 + i;
		e->status = hi ? HPC_WIRE_LOAD_KNOWN : 0;
		e->age_ms = hi ? U32_MAX : 0;
		e->load = hi ? U32_MAX : 0;
		e->speed = hi ? U32_MAX : 1;
		e->cpus = hi ? U16_MAX : 1;
		e->util = hi ? HPC_WIRE_UTIL_MAX : 0;
		e->mem_total = hi ? U64_MAX : 0;
		e->mem_free = e->mem_total;
		e->mem_avail = e->mem_total;
	}
	n = hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf));
	KUNIT_ASSERT_EQ(test, n, HPC_WIRE_LOAD_MAX_SIZE);
	memset(&c->out, 0, sizeof(c->out));
	KUNIT_ASSERT_EQ(test, hpc_wire_load_decode(&c->out.load, c->buf, n), 0);
	expect_body_eq(test, HPC_WIRE_LOAD, &c->out, &c->in);

	/* A single entry is the smallest LOAD. */
	c->in.load.count = 1;
	n = hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf));
	KUNIT_ASSERT_EQ(test, n, HPC_WIRE_LOAD_MIN_SIZE);
	KUNIT_ASSERT_EQ(test, hpc_wire_load_decode(&c->out.load, c->buf, n), 0);
	KUNIT_EXPECT_EQ(test, c->out.load.count, 1);
	expect_entry_eq(test, &c->out.load.entry[0], &c->in.load.entry[0]);
}

static void hpc_wire_test_reasons(struct kunit *test)
{
	static const u16 reasons[] = { 0, 1, 2, 3, 4, 5, 6, 7, 0x100, 0x8000, 0xffff };
	struct hpc_wire_auth_fail af, afo;
	struct hpc_wire_goodbye bye, byeo;
	unsigned int i, r;
	u8 buf[2];

	static_assert(HPC_WIRE_AUTH_FAIL_MAX == 5 && HPC_WIRE_BYE_MAX == 5);
	for (i = 0; i < ARRAY_SIZE(reasons); i++) {
		bool ok = reasons[i] >= 1 && reasons[i] <= 5;

		r = reasons[i];
		af.reason = r;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_auth_fail_encode(&af, buf, sizeof(buf)),
				    ok ? 2 : -EINVAL, "AUTH_FAIL reason %u", r);
		put_be(buf, 2, r);
		afo.reason = 0x5a5a;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_auth_fail_decode(&afo, buf, sizeof(buf)),
				    ok ? 0 : -EBADMSG, "AUTH_FAIL reason %u", r);
		KUNIT_EXPECT_EQ(test, afo.reason, ok ? r : 0x5a5a);

		bye.reason = r;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_goodbye_encode(&bye, buf, sizeof(buf)),
				    ok ? 2 : -EINVAL, "GOODBYE reason %u", r);
		put_be(buf, 2, r);
		byeo.reason = 0x5a5a;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_goodbye_decode(&byeo, buf, sizeof(buf)),
				    ok ? 0 : -EBADMSG, "GOODBYE reason %u", r);
		KUNIT_EXPECT_EQ(test, byeo.reason, ok ? r : 0x5a5a);
	}
}

/* HELLO and CHALLENGE name their sender twice; both must agree and be a node. */
static void hpc_wire_test_handshake_node(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	static const u8 types[] = { HPC_WIRE_HELLO, HPC_WIRE_CHALLENGE };
	struct hpc_wire_header h;
	unsigned int i;
	int n;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		sample_body(types[i], &c->in);
		n = hpc_wire_body_encode(types[i], &c->in, c->buf, sizeof(c->buf));
		KUNIT_ASSERT_GE(test, n, 2);

		h = test_header(types[i], n);
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, n), 0);
		h.sender = TEST_SENDER + 1;
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, n), -EBADMSG);
		KUNIT_EXPECT_EQ(test, hpc_wire_msg_encode(&h, &c->in, c->ref, sizeof(c->ref)),
				-EINVAL);

		/* Node id 0, whatever the header says. */
		c->buf[0] = 0;
		c->buf[1] = 0;
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, n), -EBADMSG);
		if (types[i] == HPC_WIRE_HELLO) {
			KUNIT_EXPECT_EQ(test, hpc_wire_hello_decode(&c->out.hello, c->buf, n),
					-EBADMSG);
			c->in.hello.node = 0;
		} else {
			KUNIT_EXPECT_EQ(test, hpc_wire_challenge_decode(&c->out.challenge,
									c->buf, n), -EBADMSG);
			c->in.challenge.node = 0;
		}
		KUNIT_EXPECT_EQ(test, hpc_wire_body_encode(types[i], &c->in, c->buf,
							   sizeof(c->buf)), -EINVAL);
	}
}

static void hpc_wire_test_types(struct kunit *test)
{
	struct wire_test_ctx *c = ctx_alloc(test);
	struct hpc_wire_header h;
	unsigned int type, t;
	bool known;

	sample_body(HPC_WIRE_LOAD, &c->in);
	for (type = 0; type <= 0xff; type++) {
		known = hpc_wire_type_is_mig(type);
		for (t = 0; t < ARRAY_SIZE(test_types); t++)
			if (test_types[t].type == type)
				known = true;
		KUNIT_EXPECT_EQ_MSG(test, hpc_wire_type_known(type), known, "type %#x", type);
		if (known)
			continue;
		KUNIT_EXPECT_EQ(test, hpc_wire_body_size(type, &c->in), -EINVAL);
		KUNIT_EXPECT_EQ(test, hpc_wire_body_encode(type, &c->in, c->buf, sizeof(c->buf)),
				-EINVAL);
		h = test_header(type, 0);
		KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, 0), -EBADMSG);
		KUNIT_EXPECT_EQ(test, hpc_wire_msg_encode(&h, &c->in, c->buf, sizeof(c->buf)),
				-EINVAL);
	}
	for (type = HPC_WIRE_MIGRATE_FIRST; type <= HPC_WIRE_MIGRATE_LAST; type++)
		KUNIT_EXPECT_EQ(test, hpc_wire_type_known(type), hpc_wire_type_is_mig(type));

	/* A valid body of another length than the header announced. */
	c->in.load.count = 1;
	KUNIT_ASSERT_EQ(test, hpc_wire_load_encode(&c->in.load, c->buf, sizeof(c->buf)),
			HPC_WIRE_LOAD_MIN_SIZE);
	h = test_header(HPC_WIRE_LOAD, HPC_WIRE_LOAD_SIZE(2));
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, HPC_WIRE_LOAD_MIN_SIZE),
			-EBADMSG);
	h.body_len = HPC_WIRE_LOAD_MIN_SIZE;
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, HPC_WIRE_LOAD_MIN_SIZE), 0);

	/* AUTH_OK is empty; the body decoder wants the header's length exactly. */
	h = test_header(HPC_WIRE_AUTH_OK, 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, 0), 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, 1), -EBADMSG);
	h.body_len = 1;
	KUNIT_EXPECT_EQ(test, hpc_wire_body_decode(&h, &c->out, c->buf, 1), -EBADMSG);
	KUNIT_EXPECT_EQ(test, hpc_wire_body_encode(HPC_WIRE_AUTH_OK, NULL, NULL, 0), 0);
}

/* A migration message survives encode and decode; a bad head is refused. */
static void hpc_wire_test_mig(struct kunit *test)
{
	static const u8 golden[] = {
		0x00, 0x00, 0x30, 0x39,		/* pid 12345 */
		0x00, 0x00, 0x00, 0x07,		/* epoch 7 */
		0x00, 0x00, 0x00, 0x3c,		/* arg 60 */
		'a', 'b', 'c',			/* payload */
	};
	struct hpc_wire_mig in = { .pid = 12345, .epoch = 7, .arg = 60,
				   .data = (const u8 *)"abc", .len = 3 };
	struct hpc_wire_header h = { .type = HPC_WIRE_MIG_SYSCALL, .sender = 1, .seq = 1 };
	union hpc_wire_body out;
	u8 buf[32];

	KUNIT_ASSERT_EQ(test, hpc_wire_mig_encode(&in, buf, sizeof(buf)), (int)sizeof(golden));
	KUNIT_EXPECT_EQ(test, memcmp(buf, golden, sizeof(golden)), 0);
	KUNIT_EXPECT_EQ(test, hpc_wire_mig_encode(&in, buf, sizeof(golden) - 1), -EMSGSIZE);
	KUNIT_ASSERT_EQ(test, hpc_wire_mig_decode(&out.mig, golden, sizeof(golden)), 0);
	KUNIT_EXPECT_EQ(test, out.mig.pid, 12345u);
	KUNIT_EXPECT_EQ(test, out.mig.epoch, 7u);
	KUNIT_EXPECT_EQ(test, out.mig.arg, 60u);
	KUNIT_EXPECT_EQ(test, out.mig.len, 3u);
	KUNIT_EXPECT_TRUE(test, out.mig.data == &golden[12]);
	KUNIT_EXPECT_EQ(test, hpc_wire_mig_decode(&out.mig, golden, 11), -EBADMSG);
	memset(buf, 0, 12);
	KUNIT_EXPECT_EQ(test, hpc_wire_mig_decode(&out.mig, buf, 12), -EBADMSG);	/* pid 0 */

	/* The header bounds: a SYSCALL needs its 6 arguments. */
	h.body_len = HPC_WIRE_MIG_PAYLOAD + 47;
	hpc_wire_header_encode(&h, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, HPC_WIRE_HEADER_SIZE), -EBADMSG);
	h.body_len = HPC_WIRE_MIG_PAYLOAD + 48;
	KUNIT_ASSERT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), HPC_WIRE_HEADER_SIZE);
	KUNIT_EXPECT_EQ(test, hpc_wire_header_decode(&h, buf, HPC_WIRE_HEADER_SIZE), 0);
	/* An OFFER has no payload. */
	h.type = HPC_WIRE_MIG_OFFER;
	KUNIT_EXPECT_EQ(test, hpc_wire_header_encode(&h, buf, sizeof(buf)), -EINVAL);
}

static struct kunit_case hpc_wire_test_cases[] = {
	KUNIT_CASE(hpc_wire_test_mig),
	KUNIT_CASE(hpc_wire_test_header_golden),
	KUNIT_CASE(hpc_wire_test_load_golden),
	KUNIT_CASE(hpc_wire_test_header_roundtrip),
	KUNIT_CASE(hpc_wire_test_header_rejects),
	KUNIT_CASE(hpc_wire_test_header_short),
	KUNIT_CASE(hpc_wire_test_header_encode_rejects),
	KUNIT_CASE(hpc_wire_test_body_roundtrip),
	KUNIT_CASE(hpc_wire_test_msg_roundtrip),
	KUNIT_CASE(hpc_wire_test_truncation),
	KUNIT_CASE(hpc_wire_test_encode_bounds),
	KUNIT_CASE(hpc_wire_test_load_rejects),
	KUNIT_CASE(hpc_wire_test_load_boundaries),
	KUNIT_CASE(hpc_wire_test_reasons),
	KUNIT_CASE(hpc_wire_test_handshake_node),
	KUNIT_CASE(hpc_wire_test_types),
	{}
};

static struct kunit_suite hpc_wire_test_suite = {
	.name = "hpc-wire",
	.test_cases = hpc_wire_test_cases,
};

kunit_test_suite(hpc_wire_test_suite);
