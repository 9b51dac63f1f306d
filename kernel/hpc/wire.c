// SPDX-License-Identifier: GPL-2.0-only
/*
 * Encoders and decoders of the wire protocol.
 *
 * Every field is written and read on its own, with the big-endian unaligned
 * accessors, at the offset include/hpc/protocol.h gives it, so the layout
 * owes nothing to the compiler, the architecture or struct padding.
 *
 * Each message type has one validity check on its decoded form, shared by
 * both directions: an encoder refuses to write what a decoder would refuse
 * to read, so a node never sends something its peer drops, and a decoder
 * accepts exactly the bytes the encoder writes for the value it returns.
 * The encoding is canonical; tests/fuzz checks that round trip on
 * arbitrary input.
 *
 * Decoders are written for hostile input: a length is checked before any
 * byte under it is read, and the output is written only once the whole
 * input has been checked, so a caller never sees half a message.
 *
 * No allocation, no locking, no kernel-only helper: tests/fuzz builds this
 * very file in user space.
 */

#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/unaligned.h>

#include <hpc/protocol.h>

#include "wire.h"

/* The layout in protocol.h adds up. */
static_assert(HPC_WIRE_HDR_BODY_LEN + 4 == HPC_WIRE_HEADER_SIZE);
static_assert(HPC_WIRE_HELLO_NONCE + HPC_WIRE_NONCE_SIZE == HPC_WIRE_HELLO_SIZE);
static_assert(HPC_WIRE_CHALLENGE_PROOF + HPC_WIRE_PROOF_SIZE == HPC_WIRE_CHALLENGE_SIZE);
static_assert(HPC_WIRE_AUTH_PROOF + HPC_WIRE_PROOF_SIZE == HPC_WIRE_AUTH_SIZE);
static_assert(HPC_WIRE_LE_MEM_AVAIL + 8 == HPC_WIRE_LOAD_ENTRY_SIZE);
static_assert(HPC_WIRE_LOAD_MAX_SIZE <= HPC_WIRE_MAX_BODY);
/* Every size fits the int the encoders return. */
static_assert(HPC_WIRE_MAX_MSG < 0x7fffffff);

/*
 * The types this version knows, with the body lengths each allows (exact
 * for a fixed-size body, a range for LOAD) and whether it must be a request
 * or a reply. The header decoder uses them to refuse a message before
 * anyone reads (or waits for) its body.
 */
enum wire_kind {
	KIND_ANY,	/* request id and reply flag as the sender likes */
	KIND_REQUEST,	/* a request id, and not a reply: it will be answered */
	KIND_REPLY,	/* a reply (so with the id of the request it answers) */
};

struct wire_type {
	u8 type;
	u8 kind;
	u32 min_len;
	u32 max_len;
};

static const struct wire_type wire_types[] = {
	{ HPC_WIRE_HELLO,     KIND_ANY,     HPC_WIRE_HELLO_SIZE,     HPC_WIRE_HELLO_SIZE },
	{ HPC_WIRE_CHALLENGE, KIND_ANY,     HPC_WIRE_CHALLENGE_SIZE, HPC_WIRE_CHALLENGE_SIZE },
	{ HPC_WIRE_AUTH,      KIND_ANY,     HPC_WIRE_AUTH_SIZE,      HPC_WIRE_AUTH_SIZE },
	{ HPC_WIRE_AUTH_OK,   KIND_ANY,     HPC_WIRE_AUTH_OK_SIZE,   HPC_WIRE_AUTH_OK_SIZE },
	{ HPC_WIRE_AUTH_FAIL, KIND_ANY,     HPC_WIRE_AUTH_FAIL_SIZE, HPC_WIRE_AUTH_FAIL_SIZE },
	{ HPC_WIRE_PING,      KIND_REQUEST, HPC_WIRE_PING_SIZE,      HPC_WIRE_PING_SIZE },
	{ HPC_WIRE_PONG,      KIND_REPLY,   HPC_WIRE_PING_SIZE,      HPC_WIRE_PING_SIZE },
	{ HPC_WIRE_GOODBYE,   KIND_ANY,     HPC_WIRE_GOODBYE_SIZE,   HPC_WIRE_GOODBYE_SIZE },
	{ HPC_WIRE_LOAD,      KIND_ANY,     HPC_WIRE_LOAD_MIN_SIZE,  HPC_WIRE_LOAD_MAX_SIZE },
	{ HPC_WIRE_MIG_OFFER,   KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_ACCEPT,  KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_IMAGE,   KIND_ANY, HPC_WIRE_MIG_MIN_SIZE + 1, HPC_WIRE_MAX_BODY },
	{ HPC_WIRE_MIG_DONE,    KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_RECALL,  KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_RETURN,  KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_RETURN_MAX_SIZE },
	{ HPC_WIRE_MIG_KILL,    KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_GONE,    KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
	{ HPC_WIRE_MIG_SYSCALL, KIND_ANY, HPC_WIRE_MIG_MIN_SIZE + 8 * HPC_WIRE_SYSCALL_ARGS,
	  HPC_WIRE_MAX_BODY },
	{ HPC_WIRE_MIG_SYSRET,  KIND_ANY, HPC_WIRE_MIG_MIN_SIZE + 8, HPC_WIRE_MAX_BODY },
	{ HPC_WIRE_MIG_GOTO,    KIND_ANY, HPC_WIRE_MIG_MIN_SIZE + 4, HPC_WIRE_MIG_MIN_SIZE + 4 },
	{ HPC_WIRE_MIG_MOVED,   KIND_ANY, HPC_WIRE_MIG_MIN_SIZE, HPC_WIRE_MIG_MIN_SIZE },
};

static const struct wire_type *type_find(unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(wire_types); i++)
		if (wire_types[i].type == type)
			return &wire_types[i];
	return NULL;
}

/**
 * hpc_wire_type_known() - whether this version of the protocol has a type
 * @type: a message type
 *
 * Return: true for the types of &enum hpc_wire_type, false for any other
 * value, including the unused ones of a reserved range.
 */
bool hpc_wire_type_known(unsigned int type)
{
	return !!type_find(type);
}

/* Everything a header must satisfy besides its constant fields. */
static bool header_valid(const struct hpc_wire_header *h)
{
	const struct wire_type *t = type_find(h->type);

	if (!t)
		return false;
	if (h->flags & ~HPC_WIRE_F_KNOWN)
		return false;
	if ((h->flags & HPC_WIRE_F_REPLY) && !h->request_id)
		return false;
	if (t->kind == KIND_REQUEST && (!h->request_id || (h->flags & HPC_WIRE_F_REPLY)))
		return false;
	if (t->kind == KIND_REPLY && !(h->flags & HPC_WIRE_F_REPLY))
		return false;
	if (!h->sender || !h->seq)
		return false;
	return h->body_len >= t->min_len && h->body_len <= t->max_len;
}

/**
 * hpc_wire_header_encode() - write a message header
 * @h:    the header; @h->body_len must be a length the type allows
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_HEADER_SIZE, -EINVAL if @h is not a valid header (see
 * hpc_wire_header_decode()), -EMSGSIZE if @size is smaller than a header.
 */
int hpc_wire_header_encode(const struct hpc_wire_header *h, void *buf, size_t size)
{
	u8 *p = buf;

	if (!header_valid(h))
		return -EINVAL;
	if (size < HPC_WIRE_HEADER_SIZE)
		return -EMSGSIZE;

	put_unaligned_be32(HPC_WIRE_MAGIC, p + HPC_WIRE_HDR_MAGIC);
	p[HPC_WIRE_HDR_VERSION] = HPC_WIRE_VERSION;
	p[HPC_WIRE_HDR_TYPE] = h->type;
	put_unaligned_be16(h->flags, p + HPC_WIRE_HDR_FLAGS);
	put_unaligned_be16(h->sender, p + HPC_WIRE_HDR_SENDER);
	put_unaligned_be16(0, p + HPC_WIRE_HDR_RESERVED);
	put_unaligned_be64(h->seq, p + HPC_WIRE_HDR_SEQ);
	put_unaligned_be32(h->request_id, p + HPC_WIRE_HDR_REQUEST_ID);
	put_unaligned_be32(h->body_len, p + HPC_WIRE_HDR_BODY_LEN);
	return HPC_WIRE_HEADER_SIZE;
}

/**
 * hpc_wire_header_decode() - read and check a message header
 * @h:   where the decoded header goes; untouched on failure
 * @buf: the first bytes of a message
 * @len: how many there are; only the first %HPC_WIRE_HEADER_SIZE are read
 *
 * The checks, in order: magic and version; then the body length against
 * %HPC_WIRE_MAX_BODY; then a known type, no unknown flag, a zero reserved
 * field, a nonzero sender and sequence number, a request id with
 * %HPC_WIRE_F_REPLY, a request (PING) or a reply (PONG) where the type
 * must be one, and a body length the type allows.
 *
 * Return: 0; -EINVAL if @len < %HPC_WIRE_HEADER_SIZE; -EMSGSIZE if magic and
 * version are right but the body would be longer than %HPC_WIRE_MAX_BODY;
 * -EBADMSG for any other failed check.
 */
int hpc_wire_header_decode(struct hpc_wire_header *h, const void *buf, size_t len)
{
	const u8 *p = buf;
	struct hpc_wire_header d;

	if (len < HPC_WIRE_HEADER_SIZE)
		return -EINVAL;
	if (get_unaligned_be32(p + HPC_WIRE_HDR_MAGIC) != HPC_WIRE_MAGIC ||
	    p[HPC_WIRE_HDR_VERSION] != HPC_WIRE_VERSION)
		return -EBADMSG;

	d.type = p[HPC_WIRE_HDR_TYPE];
	d.flags = get_unaligned_be16(p + HPC_WIRE_HDR_FLAGS);
	d.sender = get_unaligned_be16(p + HPC_WIRE_HDR_SENDER);
	d.seq = get_unaligned_be64(p + HPC_WIRE_HDR_SEQ);
	d.request_id = get_unaligned_be32(p + HPC_WIRE_HDR_REQUEST_ID);
	d.body_len = get_unaligned_be32(p + HPC_WIRE_HDR_BODY_LEN);

	if (d.body_len > HPC_WIRE_MAX_BODY)
		return -EMSGSIZE;
	if (get_unaligned_be16(p + HPC_WIRE_HDR_RESERVED) || !header_valid(&d))
		return -EBADMSG;
	*h = d;
	return 0;
}

/* HELLO */

/**
 * hpc_wire_hello_encode() - write the body of a HELLO
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_HELLO_SIZE, -EINVAL if @m->node is 0, -EMSGSIZE if
 * @size is too small.
 */
int hpc_wire_hello_encode(const struct hpc_wire_hello *m, void *buf, size_t size)
{
	u8 *p = buf;

	if (!m->node)
		return -EINVAL;
	if (size < HPC_WIRE_HELLO_SIZE)
		return -EMSGSIZE;
	put_unaligned_be16(m->node, p + HPC_WIRE_HELLO_NODE);
	put_unaligned_be32(m->key_id, p + HPC_WIRE_HELLO_KEY_ID);
	memcpy(p + HPC_WIRE_HELLO_NONCE, m->nonce, HPC_WIRE_NONCE_SIZE);
	return HPC_WIRE_HELLO_SIZE;
}

/**
 * hpc_wire_hello_decode() - read the body of a HELLO
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * This does not compare the node id with the header's sender:
 * hpc_wire_body_decode() does.
 *
 * Return: 0, or -EBADMSG for a wrong length or node id 0.
 */
int hpc_wire_hello_decode(struct hpc_wire_hello *m, const void *buf, size_t len)
{
	const u8 *p = buf;
	u16 node;

	if (len != HPC_WIRE_HELLO_SIZE)
		return -EBADMSG;
	node = get_unaligned_be16(p + HPC_WIRE_HELLO_NODE);
	if (!node)
		return -EBADMSG;
	m->node = node;
	m->key_id = get_unaligned_be32(p + HPC_WIRE_HELLO_KEY_ID);
	memcpy(m->nonce, p + HPC_WIRE_HELLO_NONCE, HPC_WIRE_NONCE_SIZE);
	return 0;
}

/* CHALLENGE */

/**
 * hpc_wire_challenge_encode() - write the body of a CHALLENGE
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_CHALLENGE_SIZE, -EINVAL if @m->node is 0, -EMSGSIZE if
 * @size is too small.
 */
int hpc_wire_challenge_encode(const struct hpc_wire_challenge *m, void *buf, size_t size)
{
	u8 *p = buf;

	if (!m->node)
		return -EINVAL;
	if (size < HPC_WIRE_CHALLENGE_SIZE)
		return -EMSGSIZE;
	put_unaligned_be16(m->node, p + HPC_WIRE_CHALLENGE_NODE);
	memcpy(p + HPC_WIRE_CHALLENGE_NONCE, m->nonce, HPC_WIRE_NONCE_SIZE);
	memcpy(p + HPC_WIRE_CHALLENGE_PROOF, m->proof, HPC_WIRE_PROOF_SIZE);
	return HPC_WIRE_CHALLENGE_SIZE;
}

/**
 * hpc_wire_challenge_decode() - read the body of a CHALLENGE
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG for a wrong length or node id 0.
 */
int hpc_wire_challenge_decode(struct hpc_wire_challenge *m, const void *buf, size_t len)
{
	const u8 *p = buf;
	u16 node;

	if (len != HPC_WIRE_CHALLENGE_SIZE)
		return -EBADMSG;
	node = get_unaligned_be16(p + HPC_WIRE_CHALLENGE_NODE);
	if (!node)
		return -EBADMSG;
	m->node = node;
	memcpy(m->nonce, p + HPC_WIRE_CHALLENGE_NONCE, HPC_WIRE_NONCE_SIZE);
	memcpy(m->proof, p + HPC_WIRE_CHALLENGE_PROOF, HPC_WIRE_PROOF_SIZE);
	return 0;
}

/* AUTH */

/**
 * hpc_wire_auth_encode() - write the body of an AUTH
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_AUTH_SIZE, or -EMSGSIZE if @size is too small.
 */
int hpc_wire_auth_encode(const struct hpc_wire_auth *m, void *buf, size_t size)
{
	u8 *p = buf;

	if (size < HPC_WIRE_AUTH_SIZE)
		return -EMSGSIZE;
	memcpy(p + HPC_WIRE_AUTH_PROOF, m->proof, HPC_WIRE_PROOF_SIZE);
	return HPC_WIRE_AUTH_SIZE;
}

/**
 * hpc_wire_auth_decode() - read the body of an AUTH
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG for a wrong length.
 */
int hpc_wire_auth_decode(struct hpc_wire_auth *m, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (len != HPC_WIRE_AUTH_SIZE)
		return -EBADMSG;
	memcpy(m->proof, p + HPC_WIRE_AUTH_PROOF, HPC_WIRE_PROOF_SIZE);
	return 0;
}

/* AUTH_FAIL and GOODBYE: one reason code from a closed list. */

static bool reason_valid(u16 reason, u16 max)
{
	return reason >= 1 && reason <= max;
}

static int reason_encode(u16 reason, u16 max, void *buf, size_t size)
{
	if (!reason_valid(reason, max))
		return -EINVAL;
	if (size < 2)
		return -EMSGSIZE;
	put_unaligned_be16(reason, buf);
	return 2;
}

static int reason_decode(u16 *reason, u16 max, const void *buf, size_t len)
{
	u16 r;

	if (len != 2)
		return -EBADMSG;
	r = get_unaligned_be16(buf);
	if (!reason_valid(r, max))
		return -EBADMSG;
	*reason = r;
	return 0;
}

static_assert(HPC_WIRE_AUTH_FAIL_REASON == 0 && HPC_WIRE_AUTH_FAIL_SIZE == 2);
static_assert(HPC_WIRE_GOODBYE_REASON == 0 && HPC_WIRE_GOODBYE_SIZE == 2);

/**
 * hpc_wire_auth_fail_encode() - write the body of an AUTH_FAIL
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_AUTH_FAIL_SIZE, -EINVAL for an unknown reason, -EMSGSIZE
 * if @size is too small.
 */
int hpc_wire_auth_fail_encode(const struct hpc_wire_auth_fail *m, void *buf, size_t size)
{
	return reason_encode(m->reason, HPC_WIRE_AUTH_FAIL_MAX, buf, size);
}

/**
 * hpc_wire_auth_fail_decode() - read the body of an AUTH_FAIL
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG for a wrong length or an unknown reason.
 */
int hpc_wire_auth_fail_decode(struct hpc_wire_auth_fail *m, const void *buf, size_t len)
{
	return reason_decode(&m->reason, HPC_WIRE_AUTH_FAIL_MAX, buf, len);
}

/**
 * hpc_wire_goodbye_encode() - write the body of a GOODBYE
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_GOODBYE_SIZE, -EINVAL for an unknown reason, -EMSGSIZE
 * if @size is too small.
 */
int hpc_wire_goodbye_encode(const struct hpc_wire_goodbye *m, void *buf, size_t size)
{
	return reason_encode(m->reason, HPC_WIRE_BYE_MAX, buf, size);
}

/**
 * hpc_wire_goodbye_decode() - read the body of a GOODBYE
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG for a wrong length or an unknown reason.
 */
int hpc_wire_goodbye_decode(struct hpc_wire_goodbye *m, const void *buf, size_t len)
{
	return reason_decode(&m->reason, HPC_WIRE_BYE_MAX, buf, len);
}

/* PING and PONG */

/**
 * hpc_wire_ping_encode() - write the body of a PING or a PONG
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: %HPC_WIRE_PING_SIZE, or -EMSGSIZE if @size is too small.
 */
int hpc_wire_ping_encode(const struct hpc_wire_ping *m, void *buf, size_t size)
{
	u8 *p = buf;

	if (size < HPC_WIRE_PING_SIZE)
		return -EMSGSIZE;
	put_unaligned_be64(m->stamp, p + HPC_WIRE_PING_STAMP);
	return HPC_WIRE_PING_SIZE;
}

/**
 * hpc_wire_ping_decode() - read the body of a PING or a PONG
 * @m:   where it goes; untouched on failure
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG for a wrong length.
 */
int hpc_wire_ping_decode(struct hpc_wire_ping *m, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (len != HPC_WIRE_PING_SIZE)
		return -EBADMSG;
	m->stamp = get_unaligned_be64(p + HPC_WIRE_PING_STAMP);
	return 0;
}

/* LOAD */

static bool load_entry_valid(const struct hpc_wire_load_entry *e)
{
	return e->node &&
	       !(e->status & ~HPC_WIRE_LOAD_KNOWN) &&
	       e->speed && e->cpus &&
	       e->util <= HPC_WIRE_UTIL_MAX &&
	       e->mem_free <= e->mem_total &&
	       e->mem_avail <= e->mem_total;
}

/* The body length of a valid LOAD, or -EINVAL. */
static int load_check(const struct hpc_wire_load *m)
{
	unsigned int i, j;

	if (m->count < 1 || m->count > HPC_WIRE_MAX_LOAD_ENTRIES)
		return -EINVAL;
	for (i = 0; i < m->count; i++) {
		if (!load_entry_valid(&m->entry[i]))
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (m->entry[j].node == m->entry[i].node)
				return -EINVAL;
	}
	return HPC_WIRE_LOAD_SIZE(m->count);
}

static void load_entry_put(const struct hpc_wire_load_entry *e, u8 *p)
{
	put_unaligned_be16(e->node, p + HPC_WIRE_LE_NODE);
	put_unaligned_be16(e->status, p + HPC_WIRE_LE_STATUS);
	put_unaligned_be32(e->age_ms, p + HPC_WIRE_LE_AGE_MS);
	put_unaligned_be32(e->load, p + HPC_WIRE_LE_LOAD);
	put_unaligned_be32(e->speed, p + HPC_WIRE_LE_SPEED);
	put_unaligned_be16(e->cpus, p + HPC_WIRE_LE_CPUS);
	put_unaligned_be16(e->util, p + HPC_WIRE_LE_UTIL);
	put_unaligned_be64(e->mem_total, p + HPC_WIRE_LE_MEM_TOTAL);
	put_unaligned_be64(e->mem_free, p + HPC_WIRE_LE_MEM_FREE);
	put_unaligned_be64(e->mem_avail, p + HPC_WIRE_LE_MEM_AVAIL);
}

static void load_entry_get(struct hpc_wire_load_entry *e, const u8 *p)
{
	e->node = get_unaligned_be16(p + HPC_WIRE_LE_NODE);
	e->status = get_unaligned_be16(p + HPC_WIRE_LE_STATUS);
	e->age_ms = get_unaligned_be32(p + HPC_WIRE_LE_AGE_MS);
	e->load = get_unaligned_be32(p + HPC_WIRE_LE_LOAD);
	e->speed = get_unaligned_be32(p + HPC_WIRE_LE_SPEED);
	e->cpus = get_unaligned_be16(p + HPC_WIRE_LE_CPUS);
	e->util = get_unaligned_be16(p + HPC_WIRE_LE_UTIL);
	e->mem_total = get_unaligned_be64(p + HPC_WIRE_LE_MEM_TOTAL);
	e->mem_free = get_unaligned_be64(p + HPC_WIRE_LE_MEM_FREE);
	e->mem_avail = get_unaligned_be64(p + HPC_WIRE_LE_MEM_AVAIL);
}

/**
 * hpc_wire_load_encode() - write the body of a LOAD
 * @m:    the message
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: the body length, %HPC_WIRE_LOAD_SIZE(@m->count); -EINVAL if @m
 * breaks a rule of hpc_wire_load_decode(); -EMSGSIZE if @size is too small.
 */
int hpc_wire_load_encode(const struct hpc_wire_load *m, void *buf, size_t size)
{
	u8 *p = buf;
	unsigned int i;
	int n;

	n = load_check(m);
	if (n < 0)
		return n;
	if (size < (size_t)n)
		return -EMSGSIZE;
	put_unaligned_be16(m->count, p + HPC_WIRE_LOAD_COUNT);
	for (i = 0; i < m->count; i++)
		load_entry_put(&m->entry[i],
			       p + HPC_WIRE_LOAD_ENTRIES + i * HPC_WIRE_LOAD_ENTRY_SIZE);
	return n;
}

/**
 * hpc_wire_load_decode() - read and check the body of a LOAD
 * @m:   where it goes; untouched on failure, and its entries past the
 *       count are left as they were
 * @buf: the body
 * @len: its length
 *
 * Refused: a count of 0 or over %HPC_WIRE_MAX_LOAD_ENTRIES, a length other
 * than %HPC_WIRE_LOAD_SIZE(count), and any entry with node id 0, unknown
 * status bits, speed or cpus 0, util over %HPC_WIRE_UTIL_MAX, mem_free or
 * mem_avail over mem_total, or the node id of an earlier entry.
 *
 * Return: 0, or -EBADMSG.
 */
int hpc_wire_load_decode(struct hpc_wire_load *m, const void *buf, size_t len)
{
	const u8 *p = buf;
	const u8 *entries = p + HPC_WIRE_LOAD_ENTRIES;
	struct hpc_wire_load_entry e;
	unsigned int count, i, j;

	if (len < HPC_WIRE_LOAD_ENTRIES)
		return -EBADMSG;
	count = get_unaligned_be16(p + HPC_WIRE_LOAD_COUNT);
	if (count < 1 || count > HPC_WIRE_MAX_LOAD_ENTRIES)
		return -EBADMSG;
	if (len != HPC_WIRE_LOAD_SIZE(count))
		return -EBADMSG;

	/* Check everything first: @m is written only for a valid message. */
	for (i = 0; i < count; i++) {
		load_entry_get(&e, entries + i * HPC_WIRE_LOAD_ENTRY_SIZE);
		if (!load_entry_valid(&e))
			return -EBADMSG;
		for (j = 0; j < i; j++)
			if (get_unaligned_be16(entries + j * HPC_WIRE_LOAD_ENTRY_SIZE +
					       HPC_WIRE_LE_NODE) == e.node)
				return -EBADMSG;
	}

	for (i = 0; i < count; i++)
		load_entry_get(&m->entry[i], entries + i * HPC_WIRE_LOAD_ENTRY_SIZE);
	m->count = count;
	return 0;
}

/* Any type, through union hpc_wire_body */

/**
 * hpc_wire_type_is_mig() - whether a type is one of the migration messages
 * @type: a message type
 *
 * Return: true for %HPC_WIRE_MIG_OFFER .. %HPC_WIRE_MIG_MOVED.
 */
bool hpc_wire_type_is_mig(unsigned int type)
{
	return type >= HPC_WIRE_MIG_OFFER && type <= HPC_WIRE_MIG_MOVED;
}

/**
 * hpc_wire_mig_encode() - write the body of a migration message
 * @m:    the message; @m->data may be NULL when @m->len is 0
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Which payload lengths a type allows is checked with the header.
 *
 * Return: the body length, or -EMSGSIZE.
 */
int hpc_wire_mig_encode(const struct hpc_wire_mig *m, void *buf, size_t size)
{
	u8 *p = buf;

	if (size < HPC_WIRE_MIG_PAYLOAD + (size_t)m->len)
		return -EMSGSIZE;
	put_unaligned_be32(m->pid, p + HPC_WIRE_MIG_PID);
	put_unaligned_be32(m->epoch, p + HPC_WIRE_MIG_EPOCH);
	put_unaligned_be32(m->arg, p + HPC_WIRE_MIG_ARG);
	if (m->len)
		memcpy(p + HPC_WIRE_MIG_PAYLOAD, m->data, m->len);
	return HPC_WIRE_MIG_PAYLOAD + m->len;
}

/**
 * hpc_wire_mig_decode() - read the body of a migration message
 * @m:   the decoded message; @m->data points into @buf
 * @buf: the body
 * @len: its length
 *
 * Return: 0, or -EBADMSG if @len is shorter than the head or the process
 * id is 0.
 */
int hpc_wire_mig_decode(struct hpc_wire_mig *m, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (len < HPC_WIRE_MIG_PAYLOAD || len > HPC_WIRE_MAX_BODY)
		return -EBADMSG;
	m->pid = get_unaligned_be32(p + HPC_WIRE_MIG_PID);
	if (!m->pid)
		return -EBADMSG;
	m->epoch = get_unaligned_be32(p + HPC_WIRE_MIG_EPOCH);
	m->arg = get_unaligned_be32(p + HPC_WIRE_MIG_ARG);
	m->len = len - HPC_WIRE_MIG_PAYLOAD;
	m->data = m->len ? p + HPC_WIRE_MIG_PAYLOAD : NULL;
	return 0;
}

/**
 * hpc_wire_body_size() - the body length of a message
 * @type: its type
 * @b:    its body; may be NULL for %HPC_WIRE_AUTH_OK
 *
 * Return: the number of bytes hpc_wire_body_encode() writes, or -EINVAL if
 * @type is unknown or @b is not a valid body of that type.
 */
int hpc_wire_body_size(unsigned int type, const union hpc_wire_body *b)
{
	switch (type) {
	case HPC_WIRE_HELLO:
		return b->hello.node ? HPC_WIRE_HELLO_SIZE : -EINVAL;
	case HPC_WIRE_CHALLENGE:
		return b->challenge.node ? HPC_WIRE_CHALLENGE_SIZE : -EINVAL;
	case HPC_WIRE_AUTH:
		return HPC_WIRE_AUTH_SIZE;
	case HPC_WIRE_AUTH_OK:
		return HPC_WIRE_AUTH_OK_SIZE;
	case HPC_WIRE_AUTH_FAIL:
		return reason_valid(b->auth_fail.reason, HPC_WIRE_AUTH_FAIL_MAX) ?
		       HPC_WIRE_AUTH_FAIL_SIZE : -EINVAL;
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		return HPC_WIRE_PING_SIZE;
	case HPC_WIRE_GOODBYE:
		return reason_valid(b->goodbye.reason, HPC_WIRE_BYE_MAX) ?
		       HPC_WIRE_GOODBYE_SIZE : -EINVAL;
	case HPC_WIRE_LOAD:
		return load_check(&b->load);
	}
	if (hpc_wire_type_is_mig(type))
		return b->mig.pid && b->mig.len <= HPC_WIRE_MAX_BODY - HPC_WIRE_MIG_PAYLOAD ?
		       HPC_WIRE_MIG_PAYLOAD + b->mig.len : -EINVAL;
	return -EINVAL;
}

/**
 * hpc_wire_body_encode() - write the body of a message of any type
 * @type: its type
 * @b:    its body; may be NULL for %HPC_WIRE_AUTH_OK
 * @buf:  where it goes
 * @size: room at @buf
 *
 * Return: the body length (0 for %HPC_WIRE_AUTH_OK), -EINVAL for an unknown
 * type or an invalid body, -EMSGSIZE if @size is too small.
 */
int hpc_wire_body_encode(unsigned int type, const union hpc_wire_body *b,
			 void *buf, size_t size)
{
	switch (type) {
	case HPC_WIRE_HELLO:
		return hpc_wire_hello_encode(&b->hello, buf, size);
	case HPC_WIRE_CHALLENGE:
		return hpc_wire_challenge_encode(&b->challenge, buf, size);
	case HPC_WIRE_AUTH:
		return hpc_wire_auth_encode(&b->auth, buf, size);
	case HPC_WIRE_AUTH_OK:
		return 0;
	case HPC_WIRE_AUTH_FAIL:
		return hpc_wire_auth_fail_encode(&b->auth_fail, buf, size);
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		return hpc_wire_ping_encode(&b->ping, buf, size);
	case HPC_WIRE_GOODBYE:
		return hpc_wire_goodbye_encode(&b->goodbye, buf, size);
	case HPC_WIRE_LOAD:
		return hpc_wire_load_encode(&b->load, buf, size);
	}
	if (hpc_wire_type_is_mig(type))
		return hpc_wire_mig_encode(&b->mig, buf, size);
	return -EINVAL;
}

/* The node id a HELLO or CHALLENGE body carries, or 0 for other types. */
static u16 body_node(unsigned int type, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (type == HPC_WIRE_HELLO && len == HPC_WIRE_HELLO_SIZE)
		return get_unaligned_be16(p + HPC_WIRE_HELLO_NODE);
	if (type == HPC_WIRE_CHALLENGE && len == HPC_WIRE_CHALLENGE_SIZE)
		return get_unaligned_be16(p + HPC_WIRE_CHALLENGE_NODE);
	return 0;
}

/**
 * hpc_wire_body_decode() - read and check the body of a message
 * @h:   its header, as hpc_wire_header_decode() returned it
 * @b:   where the body goes (the member for @h->type); untouched on failure
 * @buf: the body, the @h->body_len bytes after the header
 * @len: how many bytes there are at @buf
 *
 * Besides the checks of the type's own decoder, @len must be @h->body_len
 * and the node id of a HELLO or CHALLENGE must be the header's sender.
 *
 * Return: 0, or -EBADMSG.
 */
int hpc_wire_body_decode(const struct hpc_wire_header *h, union hpc_wire_body *b,
			 const void *buf, size_t len)
{
	u16 node;

	if (len != h->body_len)
		return -EBADMSG;
	node = body_node(h->type, buf, len);
	if (node && node != h->sender)
		return -EBADMSG;

	switch (h->type) {
	case HPC_WIRE_HELLO:
		return hpc_wire_hello_decode(&b->hello, buf, len);
	case HPC_WIRE_CHALLENGE:
		return hpc_wire_challenge_decode(&b->challenge, buf, len);
	case HPC_WIRE_AUTH:
		return hpc_wire_auth_decode(&b->auth, buf, len);
	case HPC_WIRE_AUTH_OK:
		return len == HPC_WIRE_AUTH_OK_SIZE ? 0 : -EBADMSG;
	case HPC_WIRE_AUTH_FAIL:
		return hpc_wire_auth_fail_decode(&b->auth_fail, buf, len);
	case HPC_WIRE_PING:
	case HPC_WIRE_PONG:
		return hpc_wire_ping_decode(&b->ping, buf, len);
	case HPC_WIRE_GOODBYE:
		return hpc_wire_goodbye_decode(&b->goodbye, buf, len);
	case HPC_WIRE_LOAD:
		return hpc_wire_load_decode(&b->load, buf, len);
	}
	if (hpc_wire_type_is_mig(h->type))
		return hpc_wire_mig_decode(&b->mig, buf, len);
	return -EBADMSG;
}

/**
 * hpc_wire_msg_encode() - write the header and body of a message
 * @h:    its header; @h->body_len is ignored and the body's length written
 * @b:    its body, the member for @h->type; may be NULL for %HPC_WIRE_AUTH_OK
 * @buf:  where the message goes
 * @size: room at @buf, which must include %HPC_WIRE_MAC_SIZE bytes for the
 *        trailer
 *
 * The trailer itself is left to the caller, who computes it over the bytes
 * this returns and puts it right after them.
 *
 * Return: the length of header and body, which is also the offset of the
 * trailer; -EINVAL if the header or the body is invalid, or the node id of a
 * HELLO or CHALLENGE is not the sender; -EMSGSIZE if @size is too small.
 */
int hpc_wire_msg_encode(const struct hpc_wire_header *h, const union hpc_wire_body *b,
			void *buf, size_t size)
{
	struct hpc_wire_header d = *h;
	u8 *p = buf;
	int n;

	n = hpc_wire_body_size(h->type, b);
	if (n < 0)
		return n;
	if ((h->type == HPC_WIRE_HELLO && b->hello.node != h->sender) ||
	    (h->type == HPC_WIRE_CHALLENGE && b->challenge.node != h->sender))
		return -EINVAL;
	d.body_len = n;
	if (!header_valid(&d))
		return -EINVAL;
	if (size < (size_t)n + HPC_WIRE_HEADER_SIZE + HPC_WIRE_MAC_SIZE)
		return -EMSGSIZE;

	hpc_wire_header_encode(&d, p, HPC_WIRE_HEADER_SIZE);
	hpc_wire_body_encode(d.type, b, p + HPC_WIRE_HEADER_SIZE, n);
	return HPC_WIRE_HEADER_SIZE + n;
}

#ifdef CONFIG_HPC_KUNIT_TEST
#include "wire-test.h"
#endif
