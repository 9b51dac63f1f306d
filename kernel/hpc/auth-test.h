/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit tests of the authentication code, included at the bottom of auth.c
 * so they reach its internals: the HMAC plumbing against the vectors of
 * RFC 4231, the key text, the key id, the proofs, the session keys and the
 * sealing and opening of messages.
 *
 * The known answers of our own constructions (key id, proofs, session
 * keys) were computed independently of this code, with Python's hmac
 * module, from the formulas at the top of auth.c: they pin the protocol,
 * not just this implementation's agreement with itself.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <asm/unaligned.h>

#include <hpc/protocol.h>

/* KUnit of 6.1 has no KUNIT_EXPECT_MEMEQ: compare, and show the bytes. */
static void expect_same(struct kunit *test, const void *got, const void *want, size_t n,
			const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want, n), 0, "%s: got %*phN, want %*phN",
			    what, (int)n, got, (int)n, want);
}

static void expect_differ(struct kunit *test, const void *a, const void *b, size_t n,
			  const char *what)
{
	KUNIT_EXPECT_NE_MSG(test, memcmp(a, b, n), 0, "%s: both are %*phN", what, (int)n, a);
}

/* --- HMAC-SHA256: RFC 4231, section 4 ------------------------------------ */

/*
 * A key or data field of a test case: either text, or @len copies of
 * @fill, or (for test case 4) the bytes 1, 2, ... @len.
 */
struct rfc4231_field {
	const char *text;
	u8 fill;
	bool counting;
	size_t len;
};

struct rfc4231_case {
	struct rfc4231_field key;
	struct rfc4231_field data;
	const char *mac;	/* hex; test case 5 gives only 128 bits */
};

static const struct rfc4231_case rfc4231[] = {
	{ { .fill = 0x0b, .len = 20 }, { .text = "Hi There" },
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
	{ { .text = "Jefe" }, { .text = "what do ya want for nothing?" },
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
	{ { .fill = 0xaa, .len = 20 }, { .fill = 0xdd, .len = 50 },
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
	{ { .counting = true, .len = 25 }, { .fill = 0xcd, .len = 50 },
	  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
	{ { .fill = 0x0c, .len = 20 }, { .text = "Test With Truncation" },
	  "a3b6167473100ee06e0c796c2955552b" },
	{ { .fill = 0xaa, .len = 131 },
	  { .text = "Test Using Larger Than Block-Size Key - Hash Key First" },
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
	{ { .fill = 0xaa, .len = 131 },
	  { .text =
		"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
	  },
	  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2" },
};

/* The bytes of @f in @buf (room for 160); returns their number. */
static size_t rfc4231_bytes(const struct rfc4231_field *f, u8 *buf)
{
	size_t i;

	if (f->text) {
		memcpy(buf, f->text, strlen(f->text));
		return strlen(f->text);
	}
	for (i = 0; i < f->len; i++)
		buf[i] = f->counting ? i + 1 : f->fill;
	return f->len;
}

static void hpc_auth_test_hmac_rfc4231(struct kunit *test)
{
	u8 key[160], data[160], mac[HPC_AUTH_MAC_SIZE], want[HPC_AUTH_MAC_SIZE];
	size_t keylen, datalen, maclen;
	int i;

	for (i = 0; i < ARRAY_SIZE(rfc4231); i++) {
		const struct rfc4231_case *c = &rfc4231[i];

		keylen = rfc4231_bytes(&c->key, key);
		datalen = rfc4231_bytes(&c->data, data);
		maclen = strlen(c->mac) / 2;
		KUNIT_ASSERT_EQ(test, hex2bin(want, c->mac, maclen), 0);
		KUNIT_ASSERT_EQ_MSG(test, hmac_sha256(key, keylen, data, datalen, mac), 0,
				    "RFC 4231 test case %d", i + 1);
		expect_same(test, mac, want, maclen, c->data.text ? c->data.text : "data");
	}
}

/* Data split into parts gives the same MAC as in one piece. */
static void hpc_auth_test_hmac_parts(struct kunit *test)
{
	static const char data[] = "what do ya want for nothing?";
	u8 whole[HPC_AUTH_MAC_SIZE], split[HPC_AUTH_MAC_SIZE];
	struct crypto_shash *tfm;
	struct kvec part[] = {
		{ .iov_base = (void *)data, .iov_len = 4 },
		{ .iov_base = NULL, .iov_len = 0 },
		{ .iov_base = (void *)(data + 4), .iov_len = sizeof(data) - 5 },
	};

	tfm = mac_alloc((const u8 *)"Jefe", 4);
	KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
	KUNIT_EXPECT_EQ(test, mac_compute(tfm, part, ARRAY_SIZE(part), split), 0);
	crypto_free_shash(tfm);
	KUNIT_ASSERT_EQ(test, hmac_sha256((const u8 *)"Jefe", 4, data, sizeof(data) - 1, whole), 0);
	expect_same(test, split, whole, sizeof(whole), "split data");
}

/* --- The key as text ----------------------------------------------------- */

#define HEX32 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static int parse(const char *s, u8 *key, size_t *keylen)
{
	return hpc_auth_key_parse(s, strlen(s), key, keylen);
}

static void hpc_auth_test_key_parse_accepts(struct kunit *test)
{
	u8 key[HPC_AUTH_KEY_MAX], want[HPC_AUTH_KEY_MAX];
	char text[2 * HPC_AUTH_KEY_MAX + 2];
	size_t len = 0;
	int i;

	KUNIT_EXPECT_EQ(test, parse(HEX32, key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 32);
	for (i = 0; i < 32; i++)
		want[i] = i;
	expect_same(test, key, want, 32, "parsed key");

	KUNIT_EXPECT_EQ(test, parse(HEX32 "\n", key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 32);
	expect_same(test, key, want, 32, "parsed key");

	/* The shortest key, in upper and mixed case. */
	KUNIT_EXPECT_EQ(test, parse("00112233445566778899AABBCCDDEEFF", key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 16);
	KUNIT_EXPECT_EQ(test, key[10], 0xaa);
	KUNIT_EXPECT_EQ(test, key[15], 0xff);
	KUNIT_EXPECT_EQ(test, parse("aBcDeF0123456789aBcDeF0123456789\n", key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 16);
	KUNIT_EXPECT_EQ(test, key[0], 0xab);

	/* The longest: 128 digits, with and without the newline. */
	memset(text, 'e', 2 * HPC_AUTH_KEY_MAX);
	text[2 * HPC_AUTH_KEY_MAX] = '\n';
	KUNIT_EXPECT_EQ(test, hpc_auth_key_parse(text, 2 * HPC_AUTH_KEY_MAX, key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, HPC_AUTH_KEY_MAX);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_parse(text, 2 * HPC_AUTH_KEY_MAX + 1, key, &len), 0);
	KUNIT_EXPECT_EQ(test, len, HPC_AUTH_KEY_MAX);
	KUNIT_EXPECT_EQ(test, key[HPC_AUTH_KEY_MAX - 1], 0xee);
}

static void hpc_auth_test_key_parse_rejects(struct kunit *test)
{
	static const char * const bad[] = {
		"", "\n", "\n\n",
		"000102030405060708090a0b0c0d0e",		/* 30 digits: too short */
		"000102030405060708090a0b0c0d0e0",		/* 31 */
		"000102030405060708090a0b0c0d0e0f1",		/* 33: odd */
		HEX32 "\n\n", "\n" HEX32, HEX32 "\r\n", HEX32 " ", " " HEX32,
		"0x" HEX32, HEX32 "0g", "00010203 0405060708090a0b0c0d0e0f",
		"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e-f",
		"ghijklmnopqrstuvwxyzghijklmnopqrstuvwxyz",
		HEX32 "\nff",
	};
	u8 key[HPC_AUTH_KEY_MAX];
	char text[2 * HPC_AUTH_KEY_MAX + 4];
	size_t len = 42;
	int i;

	memset(key, 0x5a, sizeof(key));
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, parse(bad[i], key, &len), -EINVAL,
				    "accepted \"%s\"", bad[i]);

	/* 130 digits: too long, even though they are fine digits. */
	memset(text, '1', 2 * HPC_AUTH_KEY_MAX + 2);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_parse(text, 2 * HPC_AUTH_KEY_MAX + 2, key, &len),
			-EINVAL);
	/* A NUL inside. */
	memcpy(text, HEX32, 64);
	text[20] = '\0';
	KUNIT_EXPECT_EQ(test, hpc_auth_key_parse(text, 64, key, &len), -EINVAL);

	/* A refused key changes nothing. */
	KUNIT_EXPECT_EQ(test, len, 42);
	for (i = 0; i < sizeof(key); i++)
		KUNIT_EXPECT_EQ(test, key[i], 0x5a);
}

/* --- The key of this node: the suite saves and restores it --------------- */

static const u8 key_a[32] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

static const u8 key_b[32] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
	0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
	0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20,
};

/* HMAC(key, "openmosix key id"), first four bytes, by Python. */
#define KEY_A_ID	0x93ac19a4
#define KEY_B_ID	0x077b8146

static int hpc_auth_test_init(struct kunit *test)
{
	test->priv = hpc_auth_key_get();
	return 0;
}

/* Put back the key the node had before the test (the tests replace it). */
static void hpc_auth_test_exit(struct kunit *test)
{
	struct hpc_auth_key *old;

	mutex_lock(&key_lock);
	old = key_swap(test->priv);
	mutex_unlock(&key_lock);
	hpc_auth_key_put(old);
}

static void hpc_auth_test_key_id(struct kunit *test)
{
	hpc_auth_clear_key();
	KUNIT_EXPECT_FALSE(test, hpc_auth_has_key());
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), 0);
	KUNIT_EXPECT_NULL(test, hpc_auth_key_get());

	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_a, sizeof(key_a)), 0);
	KUNIT_EXPECT_TRUE(test, hpc_auth_has_key());
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_A_ID);

	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_b, sizeof(key_b)), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_B_ID);
	KUNIT_EXPECT_NE(test, hpc_auth_key_id(), KEY_A_ID);

	/* The same key always has the same id; a shorter key another one. */
	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_a, sizeof(key_a)), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_A_ID);
	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_a, 16), 0);
	KUNIT_EXPECT_NE(test, hpc_auth_key_id(), KEY_A_ID);

	hpc_auth_clear_key();
	KUNIT_EXPECT_FALSE(test, hpc_auth_has_key());
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), 0);
}

static void hpc_auth_test_set_key_lengths(struct kunit *test)
{
	u8 big[HPC_AUTH_KEY_MAX + 1] = { 0 };

	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_a, sizeof(key_a)), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_set_key(key_a, HPC_AUTH_KEY_MIN - 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, hpc_auth_set_key(big, sizeof(big)), -EINVAL);
	KUNIT_EXPECT_EQ(test, hpc_auth_set_key(big, 0), -EINVAL);
	/* A refused key leaves the old one in place. */
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_A_ID);
	KUNIT_EXPECT_EQ(test, hpc_auth_set_key(big, HPC_AUTH_KEY_MAX), 0);
}

/* What a write to /proc/hpc/admin/key does. */
static void hpc_auth_test_key_write(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, hpc_auth_key_write(HEX32 "\n", 65), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_A_ID);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_write("nonsense\n", 9), -EINVAL);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_id(), KEY_A_ID);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_write("\n", 1), 0);
	KUNIT_EXPECT_FALSE(test, hpc_auth_has_key());
	KUNIT_ASSERT_EQ(test, hpc_auth_key_write(HEX32, 64), 0);
	KUNIT_EXPECT_TRUE(test, hpc_auth_has_key());
	KUNIT_EXPECT_EQ(test, hpc_auth_key_write("", 0), 0);
	KUNIT_EXPECT_FALSE(test, hpc_auth_has_key());
	KUNIT_EXPECT_EQ(test, hpc_auth_key_write("\n\n", 2), -EINVAL);
}

/* A reference outlives the replacement of the key it refers to. */
static void hpc_auth_test_key_reference(struct kunit *test)
{
	struct hpc_auth_key *ref;

	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_a, sizeof(key_a)), 0);
	ref = hpc_auth_key_get();
	KUNIT_ASSERT_NOT_NULL(test, ref);
	KUNIT_ASSERT_EQ(test, hpc_auth_set_key(key_b, sizeof(key_b)), 0);
	hpc_auth_clear_key();
	KUNIT_EXPECT_EQ(test, hpc_auth_key_ident(ref), KEY_A_ID);
	hpc_auth_key_put(ref);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_ident(NULL), 0);
}

/* --- The handshake ------------------------------------------------------- */

static struct hpc_auth_key *test_key(struct kunit *test, const u8 *bytes, size_t len)
{
	struct hpc_auth_key *key = key_create(bytes, len);

	KUNIT_ASSERT_FALSE(test, IS_ERR(key));
	return key;
}

static void test_transcript(struct hpc_auth_transcript *t)
{
	t->id_c = 1;
	t->id_s = 2;
	memset(t->nonce_c, 0x11, sizeof(t->nonce_c));
	memset(t->nonce_s, 0x22, sizeof(t->nonce_s));
}

static void expect_hex(struct kunit *test, const u8 *got, const char *hex, const char *what)
{
	u8 want[HPC_AUTH_MAC_SIZE];

	KUNIT_ASSERT_EQ(test, hex2bin(want, hex, sizeof(want)), 0);
	expect_same(test, got, want, sizeof(want), what);
}

static void hpc_auth_test_known_answers(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	u8 proof[HPC_AUTH_PROOF_SIZE], c2s[32], s2c[32];
	struct hpc_auth_transcript t;

	test_transcript(&t);
	KUNIT_EXPECT_EQ(test, hpc_auth_key_ident(key), KEY_A_ID);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_ACCEPTOR, &t, proof), 0);
	expect_hex(test, proof,
		   "9c16399e76400b2e03fbd36cce9cb7ecaa29bdacda3272ffd110552d87db89ea", "proof_s");
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_CONNECTOR, &t, proof), 0);
	expect_hex(test, proof,
		   "6fc63a019678bf19b18849d394e5da35a92a1bf641f179980a47220b8d1ca0c7", "proof_c");
	KUNIT_EXPECT_EQ(test, hpc_auth_session_keys(key, &t, c2s, s2c), 0);
	expect_hex(test, c2s,
		   "c4bcbfc5c9c4a71a97d96c9a05ac9c1d7c3c3f36283719a9e10e963bb4d7362b", "K_c2s");
	expect_hex(test, s2c,
		   "96213279d11bda7bb61cc42b096e8f2e46240f5983d7d63d56025f961df194f6", "K_s2c");
	hpc_auth_key_put(key);
}

static void hpc_auth_test_proofs_differ_by_role(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	u8 proof_c[HPC_AUTH_PROOF_SIZE], proof_s[HPC_AUTH_PROOF_SIZE];
	struct hpc_auth_transcript t;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_CONNECTOR, &t, proof_c), 0);
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_ACCEPTOR, &t, proof_s), 0);
	expect_differ(test, proof_c, proof_s, sizeof(proof_c), "proofs of both roles");

	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof_c), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_ACCEPTOR, &t, proof_s), 0);
	/* A proof sent back to the node that made it (reflection) fails. */
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_ACCEPTOR, &t, proof_c),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof_s),
			-EKEYREJECTED);

	KUNIT_EXPECT_EQ(test, hpc_auth_proof_make(key, 7, &t, proof_c), -EINVAL);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, 7, &t, proof_s), -EINVAL);
	hpc_auth_key_put(key);
}

static void hpc_auth_test_wrong_key_fails(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	struct hpc_auth_key *other = test_key(test, key_b, sizeof(key_b));
	u8 proof[HPC_AUTH_PROOF_SIZE];
	struct hpc_auth_transcript t;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(other, HPC_AUTH_CONNECTOR, &t, proof), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof),
			-EKEYREJECTED);
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_ACCEPTOR, &t, proof), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(other, HPC_AUTH_ACCEPTOR, &t, proof),
			-EKEYREJECTED);

	/* Without a key there is nothing to prove or check with. */
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_make(NULL, HPC_AUTH_ACCEPTOR, &t, proof), -ENOKEY);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(NULL, HPC_AUTH_ACCEPTOR, &t, proof), -ENOKEY);
	hpc_auth_key_put(other);
	hpc_auth_key_put(key);
}

/* A proof is bound to both ids and both nonces: change any byte and it fails. */
static void hpc_auth_test_proof_binds_transcript(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	u8 proof[HPC_AUTH_PROOF_SIZE];
	struct hpc_auth_transcript t, u;
	int i;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_CONNECTOR, &t, proof), 0);

	u = t;
	u.id_c = 3;
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &u, proof),
			-EKEYREJECTED);
	u = t;
	u.id_s = 0x0200;	/* the same bytes in the other order */
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &u, proof),
			-EKEYREJECTED);
	u = t;
	swap(u.id_c, u.id_s);
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &u, proof),
			-EKEYREJECTED);
	for (i = 0; i < HPC_AUTH_NONCE_SIZE; i++) {
		u = t;
		u.nonce_c[i] ^= 0x01;
		KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &u, proof),
				-EKEYREJECTED);
		u = t;
		u.nonce_s[i] ^= 0x80;
		KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &u, proof),
				-EKEYREJECTED);
	}
	for (i = 0; i < HPC_AUTH_PROOF_SIZE; i++) {
		proof[i] ^= 0x10;
		KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof),
				-EKEYREJECTED);
		proof[i] ^= 0x10;
	}
	KUNIT_EXPECT_EQ(test, hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof), 0);
	hpc_auth_key_put(key);
}

static void hpc_auth_test_nonces_are_fresh(struct kunit *test)
{
	u8 a[HPC_AUTH_NONCE_SIZE], b[HPC_AUTH_NONCE_SIZE];

	hpc_auth_nonce_make(a);
	hpc_auth_nonce_make(b);
	expect_differ(test, a, b, sizeof(a), "two nonces");
}

static void hpc_auth_test_session_keys(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	u8 c2s[32], s2c[32], c2s2[32], s2c2[32], proof[32];
	struct hpc_auth_transcript t;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_session_keys(key, &t, c2s, s2c), 0);
	expect_differ(test, c2s, s2c, sizeof(c2s), "keys of both directions");
	KUNIT_ASSERT_EQ(test, hpc_auth_proof_make(key, HPC_AUTH_CONNECTOR, &t, proof), 0);
	expect_differ(test, c2s, proof, sizeof(c2s), "session key and proof");

	/* Other nonces, other keys: a connection's keys are its own. */
	t.nonce_s[31] ^= 1;
	KUNIT_ASSERT_EQ(test, hpc_auth_session_keys(key, &t, c2s2, s2c2), 0);
	expect_differ(test, c2s, c2s2, sizeof(c2s), "K_c2s of two connections");
	expect_differ(test, s2c, s2c2, sizeof(s2c), "K_s2c of two connections");

	memset(c2s, 0xff, sizeof(c2s));
	KUNIT_EXPECT_EQ(test, hpc_auth_session_keys(NULL, &t, c2s, s2c), -ENOKEY);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(c2s, 0, sizeof(c2s)));
	hpc_auth_key_put(key);
}

/* --- Sessions ------------------------------------------------------------ */

/* A message of the test sessions: a header carrying seq, and a body. */
struct test_msg {
	u8 hdr[HPC_WIRE_HEADER_SIZE];
	u8 body[40];
	u8 mac[HPC_AUTH_MAC_SIZE];
	u64 seq;
};

/* Both ends of one connection, set up as the handshake would. */
static void test_sessions(struct kunit *test, const u8 *key_c, const u8 *key_s,
			  struct hpc_session *c, struct hpc_session *s)
{
	struct hpc_auth_key *kc = test_key(test, key_c, 32);
	struct hpc_auth_key *ks = test_key(test, key_s, 32);
	struct hpc_auth_transcript t;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_session_start(kc, HPC_AUTH_CONNECTOR, &t, c), 0);
	KUNIT_ASSERT_EQ(test, hpc_auth_session_start(ks, HPC_AUTH_ACCEPTOR, &t, s), 0);
	hpc_auth_key_put(kc);
	hpc_auth_key_put(ks);
}

static void test_seal(struct kunit *test, struct hpc_session *s, struct test_msg *m, u8 fill)
{
	memset(m, 0, sizeof(*m));
	memset(m->hdr, fill, sizeof(m->hdr));
	memset(m->body, fill ^ 0xff, sizeof(m->body));
	m->seq = hpc_session_next_seq(s);
	put_unaligned_be64(m->seq, m->hdr + HPC_WIRE_HDR_SEQ);
	KUNIT_ASSERT_EQ(test, hpc_session_seal(s, m->hdr, sizeof(m->hdr), m->body,
					       sizeof(m->body), m->mac), 0);
}

static int test_open(struct hpc_session *s, const struct test_msg *m)
{
	return hpc_session_open(s, m->hdr, sizeof(m->hdr), m->body, sizeof(m->body),
				m->mac, m->seq);
}

static void hpc_auth_test_session_round_trip(struct kunit *test)
{
	struct hpc_session c, s;
	struct test_msg m;
	int i;

	test_sessions(test, key_a, key_a, &c, &s);
	KUNIT_EXPECT_EQ(test, hpc_session_next_seq(&c), 1);
	for (i = 0; i < 5; i++) {
		test_seal(test, &c, &m, i);
		KUNIT_EXPECT_EQ(test, m.seq, i + 1);
		KUNIT_EXPECT_EQ(test, test_open(&s, &m), 0);
		test_seal(test, &s, &m, 0x40 + i);
		KUNIT_EXPECT_EQ(test, test_open(&c, &m), 0);
	}
	KUNIT_EXPECT_EQ(test, hpc_session_next_seq(&c), 6);
	KUNIT_EXPECT_EQ(test, hpc_session_next_seq(&s), 6);

	/* An empty body, as AUTH_OK has. */
	memset(m.hdr, 0, sizeof(m.hdr));
	m.seq = hpc_session_next_seq(&c);
	KUNIT_ASSERT_EQ(test, hpc_session_seal(&c, m.hdr, sizeof(m.hdr), NULL, 0, m.mac), 0);
	KUNIT_EXPECT_EQ(test, hpc_session_open(&s, m.hdr, sizeof(m.hdr), NULL, 0, m.mac, m.seq),
			0);

	hpc_session_destroy(&c);
	hpc_session_destroy(&s);
	hpc_session_destroy(&s);	/* destroying twice is harmless */
}

/* Every single flipped bit, in header, body or MAC, is caught. */
static void hpc_auth_test_session_bit_flips(struct kunit *test)
{
	struct hpc_session c, s;
	struct test_msg m;
	u8 *bytes[] = { m.hdr, m.body, m.mac };
	size_t sizes[] = { sizeof(m.hdr), sizeof(m.body), sizeof(m.mac) };
	int part, i, bit, accepted = 0;

	test_sessions(test, key_a, key_a, &c, &s);
	test_seal(test, &c, &m, 0x5c);
	for (part = 0; part < ARRAY_SIZE(bytes); part++) {
		for (i = 0; i < sizes[part]; i++) {
			for (bit = 0; bit < 8; bit++) {
				bytes[part][i] ^= 1 << bit;
				if (test_open(&s, &m) != -EBADMSG)
					accepted++;
				bytes[part][i] ^= 1 << bit;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, accepted, 0);

	/* Cutting a byte off the end of the body is caught too. */
	KUNIT_EXPECT_EQ(test, hpc_session_open(&s, m.hdr, sizeof(m.hdr), m.body,
					       sizeof(m.body) - 1, m.mac, m.seq), -EBADMSG);
	/* None of that moved the session on: the real message still opens. */
	KUNIT_EXPECT_EQ(test, test_open(&s, &m), 0);
	hpc_session_destroy(&c);
	hpc_session_destroy(&s);
}

static void hpc_auth_test_session_sequence(struct kunit *test)
{
	struct hpc_session c, s;
	struct test_msg m1, m2, m3;

	test_sessions(test, key_a, key_a, &c, &s);
	test_seal(test, &c, &m1, 1);
	test_seal(test, &c, &m2, 2);
	test_seal(test, &c, &m3, 3);

	/* Skipping a message, then a wrong number with a good MAC. */
	KUNIT_EXPECT_EQ(test, test_open(&s, &m2), -EPROTO);
	KUNIT_EXPECT_EQ(test, hpc_session_open(&s, m1.hdr, sizeof(m1.hdr), m1.body,
					       sizeof(m1.body), m1.mac, 0), -EPROTO);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m1), 0);
	/* A replay. */
	KUNIT_EXPECT_EQ(test, test_open(&s, &m1), -EPROTO);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m3), -EPROTO);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m2), 0);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m2), -EPROTO);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m3), 0);

	/* A message reflected back to the end that sent it. */
	KUNIT_EXPECT_EQ(test, test_open(&c, &m1), -EBADMSG);

	/* The numbers cannot wrap around. */
	c.send_seq = U64_MAX;
	KUNIT_EXPECT_EQ(test, hpc_session_seal(&c, m1.hdr, sizeof(m1.hdr), NULL, 0, m1.mac),
			-EOVERFLOW);
	hpc_session_destroy(&c);
	hpc_session_destroy(&s);
}

static void hpc_auth_test_session_wrong_key(struct kunit *test)
{
	struct hpc_session c, s;
	struct test_msg m;

	test_sessions(test, key_a, key_b, &c, &s);
	test_seal(test, &c, &m, 9);
	KUNIT_EXPECT_EQ(test, test_open(&s, &m), -EBADMSG);
	test_seal(test, &s, &m, 9);
	KUNIT_EXPECT_EQ(test, test_open(&c, &m), -EBADMSG);
	hpc_session_destroy(&c);
	hpc_session_destroy(&s);
}

/* Two connections between the same nodes: a message of one is no good on the other. */
static void hpc_auth_test_session_cross_connection(struct kunit *test)
{
	struct hpc_auth_key *key = test_key(test, key_a, sizeof(key_a));
	struct hpc_session c1, s1, s2, bad;
	struct hpc_auth_transcript t;
	struct test_msg m;

	test_transcript(&t);
	KUNIT_ASSERT_EQ(test, hpc_auth_session_start(key, HPC_AUTH_CONNECTOR, &t, &c1), 0);
	KUNIT_ASSERT_EQ(test, hpc_auth_session_start(key, HPC_AUTH_ACCEPTOR, &t, &s1), 0);
	t.nonce_c[0] ^= 1;
	KUNIT_ASSERT_EQ(test, hpc_auth_session_start(key, HPC_AUTH_ACCEPTOR, &t, &s2), 0);
	KUNIT_EXPECT_EQ(test, hpc_auth_session_start(key, 7, &t, &bad), -EINVAL);
	KUNIT_EXPECT_NULL(test, bad.send_tfm);
	KUNIT_EXPECT_EQ(test, hpc_auth_session_start(NULL, HPC_AUTH_CONNECTOR, &t, &bad), -ENOKEY);
	KUNIT_EXPECT_NULL(test, bad.recv_tfm);
	hpc_session_destroy(&bad);

	test_seal(test, &c1, &m, 3);
	KUNIT_EXPECT_EQ(test, test_open(&s2, &m), -EBADMSG);
	KUNIT_EXPECT_EQ(test, test_open(&s1, &m), 0);
	hpc_session_destroy(&c1);
	hpc_session_destroy(&s1);
	hpc_session_destroy(&s2);
	hpc_auth_key_put(key);
}

static void hpc_auth_test_strerror(struct kunit *test)
{
	static const int errs[] = {
		0, -ENOKEY, -EKEYREJECTED, -EBADMSG, -EPROTO, -EOVERFLOW, -EINVAL,
		-ENOMEM, -ENOENT, -EIO, 12345,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(errs); i++)
		KUNIT_EXPECT_NOT_NULL(test, hpc_auth_strerror(errs[i]));
	KUNIT_EXPECT_STRNEQ(test, hpc_auth_strerror(-EBADMSG), hpc_auth_strerror(-EPROTO));
	KUNIT_EXPECT_STRNEQ(test, hpc_auth_strerror(-EKEYREJECTED), hpc_auth_strerror(-EIO));
}

static struct kunit_case hpc_auth_test_cases[] = {
	KUNIT_CASE(hpc_auth_test_hmac_rfc4231),
	KUNIT_CASE(hpc_auth_test_hmac_parts),
	KUNIT_CASE(hpc_auth_test_key_parse_accepts),
	KUNIT_CASE(hpc_auth_test_key_parse_rejects),
	KUNIT_CASE(hpc_auth_test_key_id),
	KUNIT_CASE(hpc_auth_test_set_key_lengths),
	KUNIT_CASE(hpc_auth_test_key_write),
	KUNIT_CASE(hpc_auth_test_key_reference),
	KUNIT_CASE(hpc_auth_test_known_answers),
	KUNIT_CASE(hpc_auth_test_proofs_differ_by_role),
	KUNIT_CASE(hpc_auth_test_wrong_key_fails),
	KUNIT_CASE(hpc_auth_test_proof_binds_transcript),
	KUNIT_CASE(hpc_auth_test_nonces_are_fresh),
	KUNIT_CASE(hpc_auth_test_session_keys),
	KUNIT_CASE(hpc_auth_test_session_round_trip),
	KUNIT_CASE(hpc_auth_test_session_bit_flips),
	KUNIT_CASE(hpc_auth_test_session_sequence),
	KUNIT_CASE(hpc_auth_test_session_wrong_key),
	KUNIT_CASE(hpc_auth_test_session_cross_connection),
	KUNIT_CASE(hpc_auth_test_strerror),
	{}
};

static struct kunit_suite hpc_auth_test_suite = {
	.name = "hpc-auth",
	.init = hpc_auth_test_init,
	.exit = hpc_auth_test_exit,
	.test_cases = hpc_auth_test_cases,
};

kunit_test_suite(hpc_auth_test_suite);
