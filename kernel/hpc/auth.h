/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Authentication of nodes with the cluster key, and of every message of a
 * connection with keys derived from it. The mechanism is described at the
 * top of auth.c and in Documentation/hpc/security.rst; the messages that
 * carry nonces and proofs are encoded by wire.c (include/hpc/protocol.h).
 */
#ifndef _HPC_AUTH_H
#define _HPC_AUTH_H

#include <linux/types.h>

/* The cluster key: 16..64 bytes, written as 32..128 hexadecimal digits. */
#define HPC_AUTH_KEY_MIN	16
#define HPC_AUTH_KEY_MAX	64
/* Longest text a write of a key may carry: every digit and one newline. */
#define HPC_AUTH_KEY_TEXT_MAX	(2 * HPC_AUTH_KEY_MAX + 1)

/* HMAC-SHA256 output: proofs, session keys and message MACs. */
#define HPC_AUTH_MAC_SIZE	32
#define HPC_AUTH_NONCE_SIZE	32
#define HPC_AUTH_PROOF_SIZE	HPC_AUTH_MAC_SIZE
#define HPC_AUTH_SESSION_KEY_SIZE HPC_AUTH_MAC_SIZE

struct crypto_shash;

/**
 * enum hpc_auth_role - which end of a connection a node is
 * @HPC_AUTH_CONNECTOR: it opened the connection and sent HELLO
 * @HPC_AUTH_ACCEPTOR:  it accepted the connection and sent CHALLENGE
 */
enum hpc_auth_role {
	HPC_AUTH_CONNECTOR,
	HPC_AUTH_ACCEPTOR,
};

/**
 * struct hpc_auth_transcript - what both ends of a handshake agree on
 * @id_c:    node id of the connector
 * @id_s:    node id of the acceptor
 * @nonce_c: the connector's random bytes, from HELLO
 * @nonce_s: the acceptor's random bytes, from CHALLENGE
 *
 * The proofs and the session keys are computed over these; each end fills
 * it in from what it sent and what it received.
 */
struct hpc_auth_transcript {
	u16 id_c;
	u16 id_s;
	u8 nonce_c[HPC_AUTH_NONCE_SIZE];
	u8 nonce_s[HPC_AUTH_NONCE_SIZE];
};

/*
 * A reference to one cluster key, opaque outside auth.c. A handshake holds
 * one from its start to its end, so that a key written meanwhile does not
 * change the key under it.
 */
struct hpc_auth_key;

/**
 * struct hpc_session - the authenticated state of one connection
 * @send_tfm: HMAC-SHA256 keyed with the key of the sending direction
 * @recv_tfm: HMAC-SHA256 keyed with the key of the receiving direction
 * @send_seq: sequence number the next message sealed must carry
 * @recv_seq: sequence number the next message opened must carry
 *
 * Both directions start at sequence number 1. Sealing must be serialised
 * by the caller (the sender's lock, held until the message is queued, so
 * that messages leave in the order of their numbers), and so must opening
 * (the one receiver of the connection); one seal may run alongside one
 * open.
 */
struct hpc_session {
	struct crypto_shash *send_tfm;
	struct crypto_shash *recv_tfm;
	u64 send_seq;
	u64 recv_seq;
};

/* The cluster key of this node. */
int hpc_auth_key_parse(const char *text, size_t len, u8 *key, size_t *keylen);
int hpc_auth_set_key(const u8 *key, size_t len);
void hpc_auth_clear_key(void);
int hpc_auth_key_write(const char *text, size_t len);
bool hpc_auth_has_key(void);
u32 hpc_auth_key_id(void);

struct hpc_auth_key *hpc_auth_key_get(void);
void hpc_auth_key_put(struct hpc_auth_key *key);
u32 hpc_auth_key_ident(const struct hpc_auth_key *key);

/* The handshake. */
void hpc_auth_nonce_make(u8 nonce[HPC_AUTH_NONCE_SIZE]);
int hpc_auth_proof_make(const struct hpc_auth_key *key, enum hpc_auth_role role,
			const struct hpc_auth_transcript *t, u8 proof[HPC_AUTH_PROOF_SIZE]);
int hpc_auth_proof_check(const struct hpc_auth_key *key, enum hpc_auth_role role,
			 const struct hpc_auth_transcript *t,
			 const u8 proof[HPC_AUTH_PROOF_SIZE]);
int hpc_auth_session_keys(const struct hpc_auth_key *key, const struct hpc_auth_transcript *t,
			  u8 k_c2s[HPC_AUTH_SESSION_KEY_SIZE],
			  u8 k_s2c[HPC_AUTH_SESSION_KEY_SIZE]);
int hpc_auth_session_start(const struct hpc_auth_key *key, enum hpc_auth_role role,
			   const struct hpc_auth_transcript *t, struct hpc_session *s);

/* Every message after the handshake. */
int hpc_session_init(struct hpc_session *s, const u8 *k_send, const u8 *k_recv);
void hpc_session_destroy(struct hpc_session *s);
u64 hpc_session_next_seq(const struct hpc_session *s);
int hpc_session_seal(struct hpc_session *s, const void *hdr, size_t hdrlen,
		     const void *body, size_t bodylen, u8 mac[HPC_AUTH_MAC_SIZE]);
int hpc_session_open(struct hpc_session *s, const void *hdr, size_t hdrlen,
		     const void *body, size_t bodylen, const u8 mac[HPC_AUTH_MAC_SIZE],
		     u64 seq);

const char *hpc_auth_strerror(int err);

#endif /* _HPC_AUTH_H */
