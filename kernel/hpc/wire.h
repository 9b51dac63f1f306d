/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Encoders and decoders of the wire protocol (include/hpc/protocol.h).
 *
 * The structs below are the decoded, host-endian forms of the messages; the
 * byte layout exists only in protocol.h and wire.c. Everything here is pure:
 * no sockets, no keys, no allocation, no locking.
 *
 * Errors, everywhere:
 *
 *  - decoders return 0, or
 *      -EBADMSG  the bytes are not a message (or body) of this protocol,
 *      -EMSGSIZE the header announces a body longer than HPC_WIRE_MAX_BODY,
 *      -EINVAL   the caller gave hpc_wire_header_decode() fewer than
 *                HPC_WIRE_HEADER_SIZE bytes;
 *    and never write their output on failure.
 *  - encoders return the number of bytes written, or
 *      -EINVAL   the content is something the decoder would refuse,
 *      -EMSGSIZE the buffer is too small;
 *    and never write past the size they are given, nor anything on failure.
 */
#ifndef _HPC_WIRE_H
#define _HPC_WIRE_H

#include <linux/types.h>

#include <hpc/protocol.h>

/**
 * struct hpc_wire_header - the decoded message header
 * @seq:        sequence number in this direction of this connection, >= 1
 * @request_id: request this message makes or, with %HPC_WIRE_F_REPLY,
 *              answers; 0 = none
 * @body_len:   bytes of body that follow the header
 * @flags:      %HPC_WIRE_F_* bits
 * @sender:     node id of the sender, 1..65535
 * @type:       &enum hpc_wire_type
 *
 * The magic, the version and the reserved field are not kept: they have one
 * valid value each, which the encoder writes and the decoder insists on.
 */
struct hpc_wire_header {
	u64 seq;
	u32 request_id;
	u32 body_len;
	u16 flags;
	u16 sender;
	u8 type;
};

/**
 * struct hpc_wire_hello - HELLO, the connector's opening
 * @node:   the connector's node id; equal to the header's sender
 * @key_id: id/epoch of the cluster key the connector holds
 * @nonce:  the connector's fresh random bytes
 */
struct hpc_wire_hello {
	u16 node;
	u32 key_id;
	u8 nonce[HPC_WIRE_NONCE_SIZE];
};

/**
 * struct hpc_wire_challenge - CHALLENGE, the acceptor's answer to HELLO
 * @node:  the acceptor's node id; equal to the header's sender
 * @nonce: the acceptor's fresh random bytes
 * @proof: the acceptor's proof that it holds the cluster key
 */
struct hpc_wire_challenge {
	u16 node;
	u8 nonce[HPC_WIRE_NONCE_SIZE];
	u8 proof[HPC_WIRE_PROOF_SIZE];
};

/**
 * struct hpc_wire_auth - AUTH, the connector's proof
 * @proof: the connector's proof that it holds the cluster key
 */
struct hpc_wire_auth {
	u8 proof[HPC_WIRE_PROOF_SIZE];
};

/**
 * struct hpc_wire_auth_fail - AUTH_FAIL, why the handshake failed
 * @reason: %HPC_WIRE_AUTH_FAIL_PROOF .. %HPC_WIRE_AUTH_FAIL_MAX
 */
struct hpc_wire_auth_fail {
	u16 reason;
};

/**
 * struct hpc_wire_ping - PING and PONG
 * @stamp: the pinger's clock; a PONG echoes the PING's
 */
struct hpc_wire_ping {
	u64 stamp;
};

/**
 * struct hpc_wire_goodbye - GOODBYE, why the sender closes the connection
 * @reason: %HPC_WIRE_BYE_SHUTDOWN .. %HPC_WIRE_BYE_MAX
 */
struct hpc_wire_goodbye {
	u16 reason;
};

/**
 * struct hpc_wire_load_entry - what one node last said about itself
 * @mem_total: bytes of memory
 * @mem_free:  bytes free, at most @mem_total
 * @mem_avail: bytes offered to migrated processes, at most @mem_total
 * @age_ms:    how old the information is, in milliseconds
 * @load:      the node's load
 * @speed:     relative CPU speed, at least 1
 * @node:      the node described, 1..65535
 * @status:    %HPC_WIRE_LOAD_* bits
 * @cpus:      online CPUs, at least 1
 * @util:      CPU utilisation of the whole node, 0..%HPC_WIRE_UTIL_MAX percent
 */
struct hpc_wire_load_entry {
	u64 mem_total;
	u64 mem_free;
	u64 mem_avail;
	u32 age_ms;
	u32 load;
	u32 speed;
	u16 node;
	u16 status;
	u16 cpus;
	u16 util;
};

/**
 * struct hpc_wire_load - LOAD, a gossip message of load information
 * @count: entries in use, 1..%HPC_WIRE_MAX_LOAD_ENTRIES
 * @entry: the entries; no two have the same node id
 *
 * About 800 bytes: keep it off small stacks.
 */
struct hpc_wire_load {
	unsigned int count;
	struct hpc_wire_load_entry entry[HPC_WIRE_MAX_LOAD_ENTRIES];
};

/**
 * struct hpc_wire_mig - a process migration message (types 0x40..0x49)
 * @data:  the payload, pointing into the decoded buffer (so valid only as
 *         long as it is); for encoding, the bytes to send
 * @len:   bytes at @data
 * @pid:   the process id at home
 * @epoch: the migration the message belongs to
 * @arg:   the number whose meaning depends on the type
 */
struct hpc_wire_mig {
	const u8 *data;
	u32 len;
	u32 pid;
	u32 epoch;
	u32 arg;
};

/**
 * union hpc_wire_body - the body of any message, selected by its type
 * @hello:     %HPC_WIRE_HELLO
 * @challenge: %HPC_WIRE_CHALLENGE
 * @auth:      %HPC_WIRE_AUTH
 * @auth_fail: %HPC_WIRE_AUTH_FAIL
 * @ping:      %HPC_WIRE_PING and %HPC_WIRE_PONG
 * @goodbye:   %HPC_WIRE_GOODBYE
 * @load:      %HPC_WIRE_LOAD
 * @mig:       the migration types, %HPC_WIRE_MIG_OFFER .. %HPC_WIRE_MIG_SYSRET
 *
 * %HPC_WIRE_AUTH_OK has an empty body and no member.
 */
union hpc_wire_body {
	struct hpc_wire_hello hello;
	struct hpc_wire_challenge challenge;
	struct hpc_wire_auth auth;
	struct hpc_wire_auth_fail auth_fail;
	struct hpc_wire_ping ping;
	struct hpc_wire_goodbye goodbye;
	struct hpc_wire_load load;
	struct hpc_wire_mig mig;
};

bool hpc_wire_type_known(unsigned int type);

int hpc_wire_header_encode(const struct hpc_wire_header *h, void *buf, size_t size);
int hpc_wire_header_decode(struct hpc_wire_header *h, const void *buf, size_t len);

int hpc_wire_hello_encode(const struct hpc_wire_hello *m, void *buf, size_t size);
int hpc_wire_hello_decode(struct hpc_wire_hello *m, const void *buf, size_t len);
int hpc_wire_challenge_encode(const struct hpc_wire_challenge *m, void *buf, size_t size);
int hpc_wire_challenge_decode(struct hpc_wire_challenge *m, const void *buf, size_t len);
int hpc_wire_auth_encode(const struct hpc_wire_auth *m, void *buf, size_t size);
int hpc_wire_auth_decode(struct hpc_wire_auth *m, const void *buf, size_t len);
int hpc_wire_auth_fail_encode(const struct hpc_wire_auth_fail *m, void *buf, size_t size);
int hpc_wire_auth_fail_decode(struct hpc_wire_auth_fail *m, const void *buf, size_t len);
int hpc_wire_ping_encode(const struct hpc_wire_ping *m, void *buf, size_t size);
int hpc_wire_ping_decode(struct hpc_wire_ping *m, const void *buf, size_t len);
int hpc_wire_goodbye_encode(const struct hpc_wire_goodbye *m, void *buf, size_t size);
int hpc_wire_goodbye_decode(struct hpc_wire_goodbye *m, const void *buf, size_t len);
int hpc_wire_load_encode(const struct hpc_wire_load *m, void *buf, size_t size);
int hpc_wire_load_decode(struct hpc_wire_load *m, const void *buf, size_t len);

int hpc_wire_mig_encode(const struct hpc_wire_mig *m, void *buf, size_t size);
int hpc_wire_mig_decode(struct hpc_wire_mig *m, const void *buf, size_t len);
bool hpc_wire_type_is_mig(unsigned int type);

int hpc_wire_body_size(unsigned int type, const union hpc_wire_body *b);
int hpc_wire_body_encode(unsigned int type, const union hpc_wire_body *b,
			 void *buf, size_t size);
int hpc_wire_body_decode(const struct hpc_wire_header *h, union hpc_wire_body *b,
			 const void *buf, size_t len);
int hpc_wire_msg_encode(const struct hpc_wire_header *h, const union hpc_wire_body *b,
			void *buf, size_t size);

#endif /* _HPC_WIRE_H */
