// SPDX-License-Identifier: GPL-2.0-only
/*
 * Authentication of nodes and of their messages with the cluster key.
 *
 * Every node of a cluster holds the same secret, the cluster key, written
 * by the administrator to /proc/hpc/admin/key. It never crosses the wire:
 * two nodes prove to each other that they hold it by answering each other's
 * fresh random nonce, then derive from it one key per direction of their
 * connection, with which every later message is authenticated.
 *
 *	connector                                  acceptor
 *	HELLO      id_c, key id, nonce_c      -->
 *	                                      <--  CHALLENGE  id_s, nonce_s, proof_s
 *	AUTH       proof_c                    -->
 *	                                      <--  AUTH_OK
 *
 *	proof_s = HMAC(key, "openmosix acceptor"  || id_c || id_s || nonce_c || nonce_s)
 *	proof_c = HMAC(key, "openmosix connector" || id_c || id_s || nonce_c || nonce_s)
 *	K_c2s   = HMAC(key, "openmosix c2s" || nonce_c || nonce_s)
 *	K_s2c   = HMAC(key, "openmosix s2c" || nonce_c || nonce_s)
 *
 * HMAC is HMAC-SHA256 and the ids are big-endian u16. Each kind of input
 * starts with its own label and the fields after the label have a fixed
 * length, so an input of one kind never equals an input of another: the
 * acceptor's proof cannot be reflected back as a connector's proof, and no
 * proof is a session key. Since each end brings its own nonce, a recorded
 * handshake is worth nothing later, and since the ids are inside the proofs
 * a node cannot pass for another one.
 *
 * After the handshake a message travels as header || body || MAC, the MAC
 * being HMAC(K_dir, header || body). The header holds a sequence number,
 * counted per direction from 1, and the receiver takes only the next one:
 * a message replayed, dropped, reordered or reflected on its connection
 * fails the sequence check, and on any other connection the MAC, because
 * the nonces make the keys of every connection different.
 *
 * The cluster key itself is kept as an immutable, refcounted struct that
 * holds an HMAC transform already keyed with it (so the raw bytes are not
 * kept anywhere). Writing a new key swaps the pointer under key_lock; a
 * handshake holds a reference from start to end and so finishes with the
 * key it began with. Established sessions have their own keys and do not
 * notice a new cluster key: the transport decides what to do with them.
 *
 * hpc_auth_key_parse() is pure and hpc_auth_strerror() nearly so; the rest
 * is glue to the kernel's crypto API.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <asm/byteorder.h>
#include <asm/unaligned.h>

#include "auth.h"

/* The labels that start each kind of HMAC input (without their NUL). */
static const char label_key_id[] = "openmosix key id";
static const char label_acceptor[] = "openmosix acceptor";
static const char label_connector[] = "openmosix connector";
static const char label_c2s[] = "openmosix c2s";
static const char label_s2c[] = "openmosix s2c";

#define MAC_ALG	"hmac(sha256)"

/**
 * struct hpc_auth_key - one cluster key, immutable once published
 * @ref: references: one while it is the current key, one per user
 * @tfm: HMAC-SHA256 keyed with the cluster key; shared by all users, which
 *       only compute digests with it (each on its own descriptor)
 * @id:  the key id HELLO carries: HMAC(key, "openmosix key id"), first 4
 *       bytes, big-endian
 */
struct hpc_auth_key {
	struct kref ref;
	struct crypto_shash *tfm;
	u32 id;
};

static DEFINE_MUTEX(key_lock);
static struct hpc_auth_key *cluster_key;	/* under key_lock; NULL: none */

/* ------------------------------------------------------------------------
 * The key as text: pure, shared with user space.
 */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * hpc_auth_key_parse() - turn the text of a cluster key into its bytes
 * @text:   the text, not necessarily NUL-terminated
 * @len:    its length
 * @key:    room for %HPC_AUTH_KEY_MAX bytes
 * @keylen: the length of the key on success
 *
 * The text is 32 to 128 hexadecimal digits (upper or lower case), an even
 * number of them, optionally followed by one newline, and nothing else:
 * no spaces, no "0x", no second line.
 *
 * Return: 0, or -EINVAL; on failure @key and @keylen are left untouched.
 */
int hpc_auth_key_parse(const char *text, size_t len, u8 *key, size_t *keylen)
{
	size_t i;

	if (len && text[len - 1] == '\n')
		len--;
	if (len < 2 * HPC_AUTH_KEY_MIN || len > 2 * HPC_AUTH_KEY_MAX || len % 2)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (hex_digit(text[i]) < 0)
			return -EINVAL;
	for (i = 0; i < len; i += 2)
		key[i / 2] = hex_digit(text[i]) << 4 | hex_digit(text[i + 1]);
	*keylen = len / 2;
	return 0;
}

/**
 * hpc_auth_strerror() - what an error of this file means, for the log
 * @err: a negative errno returned by one of the functions of auth.h
 *
 * Return: a short text without a trailing newline; never NULL.
 */
const char *hpc_auth_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case -ENOKEY:
		return "no cluster key is set";
	case -EKEYREJECTED:
		return "the proof does not verify: the peer does not hold our cluster key";
	case -EBADMSG:
		return "the message authentication code does not verify: forged or corrupted";
	case -EPROTO:
		return "the message is out of sequence: replayed, reordered or lost";
	case -EOVERFLOW:
		return "the sequence numbers of this connection are exhausted";
	case -EINVAL:
		return "invalid argument (a key must be 32 to 128 hexadecimal digits)";
	case -ENOMEM:
		return "out of memory";
	case -ENOENT:
		return "the kernel has no " MAC_ALG;
	default:
		return "unexpected error";
	}
}

/* ------------------------------------------------------------------------
 * HMAC-SHA256 through the crypto API.
 */

/* A transform keyed with @key; may sleep. */
static struct crypto_shash *mac_alloc(const u8 *key, size_t len)
{
	struct crypto_shash *tfm;
	int err;

	tfm = crypto_alloc_shash(MAC_ALG, 0, 0);
	if (IS_ERR(tfm))
		return tfm;
	if (WARN_ON_ONCE(crypto_shash_digestsize(tfm) != HPC_AUTH_MAC_SIZE)) {
		err = -EINVAL;
		goto fail;
	}
	err = crypto_shash_setkey(tfm, key, len);
	if (err)
		goto fail;
	return tfm;
fail:
	crypto_free_shash(tfm);
	return ERR_PTR(err);
}

/*
 * The HMAC of the concatenation of @nr parts. A transform may be shared by
 * concurrent callers: the running state lives in the descriptor on the
 * stack, which is wiped before returning.
 */
static int mac_compute(struct crypto_shash *tfm, const struct kvec *part,
		       unsigned int nr, u8 out[HPC_AUTH_MAC_SIZE])
{
	SHASH_DESC_ON_STACK(desc, tfm);
	unsigned int i;
	int err;

	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	for (i = 0; !err && i < nr; i++) {
		if (part[i].iov_len > UINT_MAX)
			err = -EMSGSIZE;
		else
			err = crypto_shash_update(desc, part[i].iov_base, part[i].iov_len);
	}
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	return err;
}

/* One-shot HMAC-SHA256 of @data under @key, any lengths; may sleep. */
static int hmac_sha256(const u8 *key, size_t keylen, const void *data, size_t len,
		       u8 out[HPC_AUTH_MAC_SIZE])
{
	struct kvec part = { .iov_base = (void *)data, .iov_len = len };
	struct crypto_shash *tfm;
	int err;

	tfm = mac_alloc(key, keylen);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = mac_compute(tfm, &part, 1, out);
	crypto_free_shash(tfm);
	return err;
}

/*
 * HMAC(key, label || [id_c || id_s] || nonce_c || nonce_s): the proofs
 * (with the ids) and the session keys (without).
 */
static int transcript_mac(const struct hpc_auth_key *key, const char *label,
			  const struct hpc_auth_transcript *t, bool with_ids,
			  u8 out[HPC_AUTH_MAC_SIZE])
{
	__be16 id[2] = { cpu_to_be16(t->id_c), cpu_to_be16(t->id_s) };
	struct kvec part[] = {
		{ .iov_base = (void *)label, .iov_len = strlen(label) },
		{ .iov_base = id, .iov_len = with_ids ? sizeof(id) : 0 },
		{ .iov_base = (void *)t->nonce_c, .iov_len = HPC_AUTH_NONCE_SIZE },
		{ .iov_base = (void *)t->nonce_s, .iov_len = HPC_AUTH_NONCE_SIZE },
	};

	return mac_compute(key->tfm, part, ARRAY_SIZE(part), out);
}

/* ------------------------------------------------------------------------
 * The cluster key of this node.
 */

static void key_release(struct kref *ref)
{
	struct hpc_auth_key *key = container_of(ref, struct hpc_auth_key, ref);

	crypto_free_shash(key->tfm);
	kfree_sensitive(key);
}

/* Make @key (NULL: none) the current key; returns the old one to be put. */
static struct hpc_auth_key *key_swap(struct hpc_auth_key *key)
{
	struct hpc_auth_key *old;

	lockdep_assert_held(&key_lock);
	old = cluster_key;
	cluster_key = key;
	return old;
}

/* A new key object holding the only reference; may sleep. */
static struct hpc_auth_key *key_create(const u8 *bytes, size_t len)
{
	struct kvec part = {
		.iov_base = (void *)label_key_id, .iov_len = sizeof(label_key_id) - 1,
	};
	u8 digest[HPC_AUTH_MAC_SIZE];
	struct hpc_auth_key *key;
	int err;

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	kref_init(&key->ref);
	key->tfm = mac_alloc(bytes, len);
	if (IS_ERR(key->tfm)) {
		err = PTR_ERR(key->tfm);
		kfree(key);
		return ERR_PTR(err);
	}
	err = mac_compute(key->tfm, &part, 1, digest);
	if (err) {
		crypto_free_shash(key->tfm);
		kfree(key);
		return ERR_PTR(err);
	}
	key->id = get_unaligned_be32(digest);
	return key;
}

/**
 * hpc_auth_set_key() - make @key the cluster key of this node
 * @key: the key's bytes; the caller wipes its copy afterwards
 * @len: %HPC_AUTH_KEY_MIN..%HPC_AUTH_KEY_MAX
 *
 * Handshakes that already hold the old key finish with it; new ones use
 * this one. Process context: it may sleep.
 *
 * Return: 0, -EINVAL for a bad length, -ENOMEM, or the crypto API's error
 * (-ENOENT when the kernel lacks hmac(sha256)); the old key stays then.
 */
int hpc_auth_set_key(const u8 *key, size_t len)
{
	struct hpc_auth_key *new, *old;
	u32 id;

	if (len < HPC_AUTH_KEY_MIN || len > HPC_AUTH_KEY_MAX)
		return -EINVAL;
	new = key_create(key, len);
	if (IS_ERR(new))
		return PTR_ERR(new);
	id = new->id;

	mutex_lock(&key_lock);
	old = key_swap(new);
	mutex_unlock(&key_lock);

	hpc_auth_key_put(old);
	pr_info("cluster key set, key id %08x\n", id);
	return 0;
}

/**
 * hpc_auth_clear_key() - forget the cluster key
 *
 * Without a key this node can neither prove itself nor check a peer, so no
 * new connection gets through the handshake. Process context.
 */
void hpc_auth_clear_key(void)
{
	struct hpc_auth_key *old;

	mutex_lock(&key_lock);
	old = key_swap(NULL);
	mutex_unlock(&key_lock);

	if (old)
		pr_info("cluster key cleared\n");
	hpc_auth_key_put(old);
}

/**
 * hpc_auth_key_write() - what a write to /proc/hpc/admin/key does
 * @text: the text written, not necessarily NUL-terminated
 * @len:  its length, at most %HPC_AUTH_KEY_TEXT_MAX
 *
 * An empty text or a lone newline clears the key; anything else must be a
 * key as hpc_auth_key_parse() accepts it, and replaces the current key. The
 * parsed bytes are wiped; the caller wipes @text. Process context.
 *
 * Return: 0, or an error of hpc_auth_key_parse() or hpc_auth_set_key().
 */
int hpc_auth_key_write(const char *text, size_t len)
{
	u8 key[HPC_AUTH_KEY_MAX];
	size_t keylen;
	int err;

	if (len == 0 || (len == 1 && text[0] == '\n')) {
		hpc_auth_clear_key();
		return 0;
	}
	err = hpc_auth_key_parse(text, len, key, &keylen);
	if (!err)
		err = hpc_auth_set_key(key, keylen);
	memzero_explicit(key, sizeof(key));
	return err;
}

/**
 * hpc_auth_has_key() - whether this node has a cluster key
 *
 * Process context.
 *
 * Return: true if a key is set.
 */
bool hpc_auth_has_key(void)
{
	bool has;

	mutex_lock(&key_lock);
	has = cluster_key;
	mutex_unlock(&key_lock);
	return has;
}

/**
 * hpc_auth_key_id() - the id of the current cluster key
 *
 * The id tells a node whose key differs from ours apart from a node that
 * fails its proof, without saying anything useful about the key. Process
 * context.
 *
 * Return: the id, 0 when there is no key (an id may also be 0: ask
 * hpc_auth_has_key() to tell).
 */
u32 hpc_auth_key_id(void)
{
	u32 id = 0;

	mutex_lock(&key_lock);
	if (cluster_key)
		id = cluster_key->id;
	mutex_unlock(&key_lock);
	return id;
}

/**
 * hpc_auth_key_get() - a reference to the current cluster key
 *
 * A handshake takes one when it starts and puts it when it ends. Process
 * context.
 *
 * Return: the key, or NULL when there is none.
 */
struct hpc_auth_key *hpc_auth_key_get(void)
{
	struct hpc_auth_key *key;

	mutex_lock(&key_lock);
	key = cluster_key;
	if (key)
		kref_get(&key->ref);
	mutex_unlock(&key_lock);
	return key;
}

/**
 * hpc_auth_key_put() - drop a reference from hpc_auth_key_get()
 * @key: the key, or NULL
 *
 * Process context: freeing the key frees its transform.
 */
void hpc_auth_key_put(struct hpc_auth_key *key)
{
	might_sleep();
	if (key)
		kref_put(&key->ref, key_release);
}

/**
 * hpc_auth_key_ident() - the key id of a key reference
 * @key: a reference from hpc_auth_key_get()
 *
 * The id to put in HELLO, or to compare with the one HELLO carries, for the
 * key the handshake actually uses.
 *
 * Return: the id; 0 for a NULL @key.
 */
u32 hpc_auth_key_ident(const struct hpc_auth_key *key)
{
	return key ? key->id : 0;
}

/* ------------------------------------------------------------------------
 * The handshake.
 */

/**
 * hpc_auth_nonce_make() - fresh random bytes for HELLO or CHALLENGE
 * @nonce: where they go
 */
void hpc_auth_nonce_make(u8 nonce[HPC_AUTH_NONCE_SIZE])
{
	get_random_bytes(nonce, HPC_AUTH_NONCE_SIZE);
}

static const char *proof_label(enum hpc_auth_role role)
{
	switch (role) {
	case HPC_AUTH_CONNECTOR:
		return label_connector;
	case HPC_AUTH_ACCEPTOR:
		return label_acceptor;
	}
	return NULL;
}

/**
 * hpc_auth_proof_make() - the proof that @role holds @key
 * @key:   the cluster key of the handshake, or NULL
 * @role:  who sends the proof: the acceptor in CHALLENGE, the connector in
 *         AUTH
 * @t:     the ids and both nonces
 * @proof: where the proof goes
 *
 * Return: 0, -ENOKEY without a key, -EINVAL for an unknown role, or the
 * crypto API's error.
 */
int hpc_auth_proof_make(const struct hpc_auth_key *key, enum hpc_auth_role role,
			const struct hpc_auth_transcript *t, u8 proof[HPC_AUTH_PROOF_SIZE])
{
	const char *label = proof_label(role);

	if (!key)
		return -ENOKEY;
	if (!label)
		return -EINVAL;
	return transcript_mac(key, label, t, true, proof);
}

/**
 * hpc_auth_proof_check() - check the proof the peer sent
 * @key:   the cluster key of the handshake, or NULL
 * @role:  the peer's role (the one that made the proof)
 * @t:     the ids and both nonces
 * @proof: the proof received
 *
 * The comparison takes the same time wherever the proofs differ.
 *
 * Return: 0 if @proof is right, -EKEYREJECTED if not, -ENOKEY without a
 * key, -EINVAL for an unknown role, or the crypto API's error.
 */
int hpc_auth_proof_check(const struct hpc_auth_key *key, enum hpc_auth_role role,
			 const struct hpc_auth_transcript *t,
			 const u8 proof[HPC_AUTH_PROOF_SIZE])
{
	u8 want[HPC_AUTH_PROOF_SIZE];
	int err;

	err = hpc_auth_proof_make(key, role, t, want);
	if (!err && crypto_memneq(want, proof, sizeof(want)))
		err = -EKEYREJECTED;
	memzero_explicit(want, sizeof(want));
	return err;
}

/**
 * hpc_auth_session_keys() - derive the keys of both directions
 * @key:   the cluster key of the handshake, or NULL
 * @t:     the nonces (the ids are not used)
 * @k_c2s: the key of the messages from connector to acceptor
 * @k_s2c: the key of the messages from acceptor to connector
 *
 * Both ends derive the same pair. The caller wipes them after use
 * (hpc_auth_session_start() does both steps and the wiping).
 *
 * Return: 0, -ENOKEY without a key, or the crypto API's error; on failure
 * both outputs are zero.
 */
int hpc_auth_session_keys(const struct hpc_auth_key *key, const struct hpc_auth_transcript *t,
			  u8 k_c2s[HPC_AUTH_SESSION_KEY_SIZE],
			  u8 k_s2c[HPC_AUTH_SESSION_KEY_SIZE])
{
	int err = -ENOKEY;

	if (key) {
		err = transcript_mac(key, label_c2s, t, false, k_c2s);
		if (!err)
			err = transcript_mac(key, label_s2c, t, false, k_s2c);
	}
	if (err) {
		memzero_explicit(k_c2s, HPC_AUTH_SESSION_KEY_SIZE);
		memzero_explicit(k_s2c, HPC_AUTH_SESSION_KEY_SIZE);
	}
	return err;
}

/**
 * hpc_auth_session_start() - set up the session of a finished handshake
 * @key:  the cluster key of the handshake, or NULL
 * @role: this node's role on the connection
 * @t:    the ids and both nonces
 * @s:    the session to initialise; hpc_session_destroy() it later
 *
 * The connector sends with K_c2s and receives with K_s2c, the acceptor the
 * other way round. Call it only once the peer's proof has been checked.
 * May sleep.
 *
 * Return: 0, -ENOKEY, -EINVAL for an unknown role, or an error of
 * hpc_session_init(); @s is left empty on failure.
 */
int hpc_auth_session_start(const struct hpc_auth_key *key, enum hpc_auth_role role,
			   const struct hpc_auth_transcript *t, struct hpc_session *s)
{
	u8 k_c2s[HPC_AUTH_SESSION_KEY_SIZE], k_s2c[HPC_AUTH_SESSION_KEY_SIZE];
	int err;

	memset(s, 0, sizeof(*s));
	if (!proof_label(role))
		return -EINVAL;
	err = hpc_auth_session_keys(key, t, k_c2s, k_s2c);
	if (!err) {
		if (role == HPC_AUTH_CONNECTOR)
			err = hpc_session_init(s, k_c2s, k_s2c);
		else
			err = hpc_session_init(s, k_s2c, k_c2s);
	}
	memzero_explicit(k_c2s, sizeof(k_c2s));
	memzero_explicit(k_s2c, sizeof(k_s2c));
	return err;
}

/* ------------------------------------------------------------------------
 * The messages of an established session.
 */

/**
 * hpc_session_init() - set up a session from its two direction keys
 * @s:      the session
 * @k_send: %HPC_AUTH_SESSION_KEY_SIZE bytes, key of the messages we send
 * @k_recv: %HPC_AUTH_SESSION_KEY_SIZE bytes, key of the messages we receive
 *
 * Both sequence numbers start at 1. The caller wipes the keys afterwards.
 * May sleep.
 *
 * Return: 0, or the crypto API's error; @s is left empty on failure.
 */
int hpc_session_init(struct hpc_session *s, const u8 *k_send, const u8 *k_recv)
{
	struct crypto_shash *send, *recv;

	memset(s, 0, sizeof(*s));
	send = mac_alloc(k_send, HPC_AUTH_SESSION_KEY_SIZE);
	if (IS_ERR(send))
		return PTR_ERR(send);
	recv = mac_alloc(k_recv, HPC_AUTH_SESSION_KEY_SIZE);
	if (IS_ERR(recv)) {
		crypto_free_shash(send);
		return PTR_ERR(recv);
	}
	s->send_tfm = send;
	s->recv_tfm = recv;
	s->send_seq = 1;
	s->recv_seq = 1;
	return 0;
}

/**
 * hpc_session_destroy() - free a session's transforms
 * @s: the session; may be empty (zeroed, failed to start, destroyed)
 */
void hpc_session_destroy(struct hpc_session *s)
{
	if (s->send_tfm)
		crypto_free_shash(s->send_tfm);
	if (s->recv_tfm)
		crypto_free_shash(s->recv_tfm);
	memset(s, 0, sizeof(*s));
}

/**
 * hpc_session_next_seq() - the sequence number of the next message to seal
 * @s: the session
 *
 * The caller writes it into the header, then seals header and body.
 *
 * Return: the number, 1 for the first message.
 */
u64 hpc_session_next_seq(const struct hpc_session *s)
{
	return s->send_seq;
}

/**
 * hpc_session_seal() - compute the MAC of an outgoing message
 * @s:       the session
 * @hdr:     the encoded header, carrying hpc_session_next_seq()
 * @hdrlen:  its length
 * @body:    the encoded body (may be NULL if @bodylen is 0)
 * @bodylen: its length
 * @mac:     where the MAC, the message's trailer, goes
 *
 * The MAC covers header || body exactly as they are sent. Each successful
 * seal uses up one sequence number. Callers serialise seals of a session.
 *
 * Return: 0, -EOVERFLOW when the numbers are used up (close the
 * connection), or the crypto API's error.
 */
int hpc_session_seal(struct hpc_session *s, const void *hdr, size_t hdrlen,
		     const void *body, size_t bodylen, u8 mac[HPC_AUTH_MAC_SIZE])
{
	struct kvec part[] = {
		{ .iov_base = (void *)hdr, .iov_len = hdrlen },
		{ .iov_base = (void *)body, .iov_len = bodylen },
	};
	int err;

	if (s->send_seq == U64_MAX)
		return -EOVERFLOW;
	err = mac_compute(s->send_tfm, part, ARRAY_SIZE(part), mac);
	if (err)
		return err;
	s->send_seq++;
	return 0;
}

/**
 * hpc_session_open() - check the MAC and the order of an incoming message
 * @s:       the session
 * @hdr:     the header as received
 * @hdrlen:  its length
 * @body:    the body as received (may be NULL if @bodylen is 0)
 * @bodylen: its length
 * @mac:     the trailer as received
 * @seq:     the sequence number decoded from @hdr
 *
 * The MAC is checked first (in constant time), so an answer of -EPROTO
 * means the message is authentic but stale or early. Nothing changes
 * unless the message is accepted. Any error should end the connection:
 * the two ends cannot agree on what comes next.
 *
 * Return: 0 if the message is authentic and carries the next sequence
 * number; -EBADMSG if the MAC does not verify; -EPROTO if @seq is not the
 * one expected (a replay, a reordering or a lost message); or the crypto
 * API's error.
 */
int hpc_session_open(struct hpc_session *s, const void *hdr, size_t hdrlen,
		     const void *body, size_t bodylen, const u8 mac[HPC_AUTH_MAC_SIZE],
		     u64 seq)
{
	struct kvec part[] = {
		{ .iov_base = (void *)hdr, .iov_len = hdrlen },
		{ .iov_base = (void *)body, .iov_len = bodylen },
	};
	u8 want[HPC_AUTH_MAC_SIZE];
	int err;

	err = mac_compute(s->recv_tfm, part, ARRAY_SIZE(part), want);
	if (!err && crypto_memneq(want, mac, sizeof(want)))
		err = -EBADMSG;
	memzero_explicit(want, sizeof(want));
	if (err)
		return err;
	if (seq != s->recv_seq)
		return -EPROTO;
	s->recv_seq++;
	return 0;
}

#ifdef CONFIG_HPC_KUNIT_TEST
#include "auth-test.h"
#endif
