/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The openMosix wire protocol: everything two nodes say to each other over
 * the cluster transport, byte by byte. This header is the whole format; the
 * encoders and decoders in kernel/hpc/wire.c follow it and nothing else
 * defines a byte on the wire. Documentation/hpc/protocol.rst tells the story.
 *
 * Rules that hold for every field:
 *
 *  - Integers are unsigned and big-endian, at the byte offsets given here.
 *    Nothing is padded or aligned: a decoder reads bytes, never a struct.
 *  - There are no pointers, no native structs and no optional fields. A
 *    message of a given type and content has exactly one encoding, so a
 *    decoder can (and does) reject anything else.
 *  - Node ids are 1..65535; 0 means "no node" and never appears on the wire.
 *  - Reserved fields and undefined flag bits are sent as zero and refused
 *    when they are not, so a later version can give them a meaning.
 *
 * A message is a fixed header, a body whose layout depends on the type, and
 * a trailer:
 *
 *	+--------------------+---------------------+----------------------+
 *	| header (28 bytes)  | body (body_len)     | trailer (32 bytes)   |
 *	+--------------------+---------------------+----------------------+
 *
 * The trailer authenticates the message. The handshake messages (HELLO,
 * CHALLENGE, AUTH, and AUTH_FAIL) travel before any key is agreed: their
 * trailer is 32 zero bytes and the proofs inside CHALLENGE and AUTH are what
 * counts. From AUTH_OK on, every message is sealed: the trailer is
 * HMAC-SHA256(K, header || body), K being the session key of the direction
 * it travels in (kernel/hpc/auth.c derives the keys and explains why this
 * is safe). The wire code only knows where the trailer is and how long.
 */
#ifndef _HPC_PROTOCOL_H
#define _HPC_PROTOCOL_H

/* ------------------------------------------------------------------------
 * Header
 *
 *	offset size field
 *	     0    4 magic        HPC_WIRE_MAGIC, "OMX1"
 *	     4    1 version      HPC_WIRE_VERSION
 *	     5    1 type         enum hpc_wire_type; unknown types are refused
 *	     6    2 flags        HPC_WIRE_F_*; unknown bits are refused
 *	     8    2 sender       node id of the sender, 1..65535
 *	    10    2 reserved     0
 *	    12    8 seq          sequence number, 1.. (see below)
 *	    20    4 request_id   0 = none; see HPC_WIRE_F_REPLY
 *	    24    4 body_len     bytes of body, at most HPC_WIRE_MAX_BODY and
 *	                         within the bounds of the type (see each type)
 *
 * seq counts the sealed messages of one direction of one connection: the
 * first is 1 and each next one exactly one more, and the receiver takes
 * only the number it expects. The unsealed handshake messages carry 1. 0 is
 * never sent. With the session keys, which differ for every connection and
 * direction, this defeats replay: an old message fails the sequence check
 * on its own connection and the MAC on any other.
 *
 * sender is covered by the MAC, and a receiver refuses a message whose
 * sender is not the node it authenticated on that connection.
 */
#define HPC_WIRE_MAGIC			0x4f4d5831	/* "OMX1" */
#define HPC_WIRE_VERSION		1

#define HPC_WIRE_HDR_MAGIC		0
#define HPC_WIRE_HDR_VERSION		4
#define HPC_WIRE_HDR_TYPE		5
#define HPC_WIRE_HDR_FLAGS		6
#define HPC_WIRE_HDR_SENDER		8
#define HPC_WIRE_HDR_RESERVED		10
#define HPC_WIRE_HDR_SEQ		12
#define HPC_WIRE_HDR_REQUEST_ID		20
#define HPC_WIRE_HDR_BODY_LEN		24
#define HPC_WIRE_HEADER_SIZE		28

/*
 * Header flags.
 *
 * HPC_WIRE_F_REPLY: this message answers the request the receiver sent with
 * request_id (which must then be nonzero). Without the flag, a nonzero
 * request_id asks the receiver to answer with that id and the flag. Each
 * side numbers its own requests, so the flag is what tells "my request 7"
 * from "your answer to your request 7".
 */
#define HPC_WIRE_F_REPLY		0x0001
#define HPC_WIRE_F_KNOWN		HPC_WIRE_F_REPLY

/*
 * Largest body of any message: room for 1 MiB of data (256 pages of 4 KiB,
 * for the migration messages to come) plus 4 KiB to describe it. Fixed in
 * bytes, not in PAGE_SIZE, so that nodes of every architecture agree.
 */
#define HPC_WIRE_MAX_BODY		(1048576 + 4096)

/* The trailer, right after the body: HMAC-SHA256, or zeros in the handshake. */
#define HPC_WIRE_MAC_SIZE		32

/* Largest complete message, header and trailer included. */
#define HPC_WIRE_MAX_MSG	(HPC_WIRE_HEADER_SIZE + HPC_WIRE_MAX_BODY + HPC_WIRE_MAC_SIZE)

/* ------------------------------------------------------------------------
 * Message types
 *
 *	0x00		never valid
 *	0x01 - 0x0f	session: handshake, keepalive, goodbye
 *	0x10 - 0x3f	membership and load information
 *	0x40 - 0x7f	process migration (HPC_WIRE_MIGRATE_FIRST..LAST)
 *	0x80 - 0xff	unassigned
 *
 * A type that is not defined below is refused, even inside a reserved range.
 */
enum hpc_wire_type {
	HPC_WIRE_HELLO		= 0x01,
	HPC_WIRE_CHALLENGE	= 0x02,
	HPC_WIRE_AUTH		= 0x03,
	HPC_WIRE_AUTH_OK	= 0x04,
	HPC_WIRE_AUTH_FAIL	= 0x05,
	HPC_WIRE_PING		= 0x08,
	HPC_WIRE_PONG		= 0x09,
	HPC_WIRE_GOODBYE	= 0x0a,
	HPC_WIRE_LOAD		= 0x10,
};

/* The process migration messages (DESIGN.md section 5), described below. */
enum hpc_wire_mig_type {
	HPC_WIRE_MIG_OFFER	= 0x40,
	HPC_WIRE_MIG_ACCEPT	= 0x41,
	HPC_WIRE_MIG_IMAGE	= 0x42,
	HPC_WIRE_MIG_DONE	= 0x43,
	HPC_WIRE_MIG_RECALL	= 0x44,
	HPC_WIRE_MIG_RETURN	= 0x45,
	HPC_WIRE_MIG_KILL	= 0x46,
	HPC_WIRE_MIG_GONE	= 0x47,
	HPC_WIRE_MIG_SYSCALL	= 0x48,
	HPC_WIRE_MIG_SYSRET	= 0x49,
	HPC_WIRE_MIG_GOTO	= 0x4a,
	HPC_WIRE_MIG_MOVED	= 0x4b,
};

#define HPC_WIRE_MIGRATE_FIRST		0x40
#define HPC_WIRE_MIGRATE_LAST		0x7f

/* Sizes shared by the handshake messages. */
#define HPC_WIRE_NONCE_SIZE		32
#define HPC_WIRE_PROOF_SIZE		32

/* ------------------------------------------------------------------------
 * The handshake (kernel/hpc/auth.c): HELLO, CHALLENGE, AUTH, then AUTH_OK
 * or AUTH_FAIL. Only AUTH_OK is sealed.
 *
 * HELLO (connector -> acceptor), the first message of a connection. It
 * proves nothing: it names who asks and with which key.
 *
 *	offset size field
 *	     0    2 node      the connector's node id, equal to header sender
 *	     2    4 key_id    id/epoch of the cluster key the connector holds
 *	     6   32 nonce     fresh random bytes of the connector
 */
#define HPC_WIRE_HELLO_NODE		0
#define HPC_WIRE_HELLO_KEY_ID		2
#define HPC_WIRE_HELLO_NONCE		6
#define HPC_WIRE_HELLO_SIZE		38

/*
 * CHALLENGE (acceptor -> connector), the answer to HELLO.
 *
 *	offset size field
 *	     0    2 node      the acceptor's node id, equal to header sender
 *	     2   32 nonce     fresh random bytes of the acceptor
 *	    34   32 proof     the acceptor's proof that it holds the key
 */
#define HPC_WIRE_CHALLENGE_NODE		0
#define HPC_WIRE_CHALLENGE_NONCE	2
#define HPC_WIRE_CHALLENGE_PROOF	34
#define HPC_WIRE_CHALLENGE_SIZE		66

/*
 * AUTH (connector -> acceptor): the connector's proof.
 *
 *	offset size field
 *	     0   32 proof
 */
#define HPC_WIRE_AUTH_PROOF		0
#define HPC_WIRE_AUTH_SIZE		32

/*
 * AUTH_OK (acceptor -> connector): empty body. The session is up; this is
 * the first sealed message, so it also shows the keys agree.
 */
#define HPC_WIRE_AUTH_OK_SIZE		0

/*
 * AUTH_FAIL (either way, during the handshake, unsealed): why, then the
 * connection is closed. Being unsealed, it is only a hint for the log.
 *
 *	offset size field
 *	     0    2 reason    HPC_WIRE_AUTH_FAIL_*, no other value
 */
#define HPC_WIRE_AUTH_FAIL_REASON	0
#define HPC_WIRE_AUTH_FAIL_SIZE		2

#define HPC_WIRE_AUTH_FAIL_PROOF	1	/* the proof does not verify */
#define HPC_WIRE_AUTH_FAIL_KEY		2	/* key_id is not the key we hold */
#define HPC_WIRE_AUTH_FAIL_NODE		3	/* node id not in our table, or wrong address */
#define HPC_WIRE_AUTH_FAIL_DUPLICATE	4	/* that node is already connected */
#define HPC_WIRE_AUTH_FAIL_PROTOCOL	5	/* a message out of order or malformed */
#define HPC_WIRE_AUTH_FAIL_MAX		5

/*
 * PING and PONG: keepalive and round-trip time. A PING is a request (a
 * nonzero request_id, no HPC_WIRE_F_REPLY); the PONG answers it (the flag,
 * the same request_id) and echoes its stamp. Other combinations are
 * refused in the header.
 *
 *	offset size field
 *	     0    8 stamp     the pinger's clock, in its own unit; opaque
 */
#define HPC_WIRE_PING_STAMP		0
#define HPC_WIRE_PING_SIZE		8

/*
 * GOODBYE (either way): the sender closes the connection on purpose, so
 * the receiver can tell a departure from a failure.
 *
 *	offset size field
 *	     0    2 reason    HPC_WIRE_BYE_*, no other value
 */
#define HPC_WIRE_GOODBYE_REASON		0
#define HPC_WIRE_GOODBYE_SIZE		2

#define HPC_WIRE_BYE_SHUTDOWN		1	/* the node is going down */
#define HPC_WIRE_BYE_LEAVE		2	/* the node leaves the cluster (mospe, config) */
#define HPC_WIRE_BYE_PROTOCOL		3	/* you sent something we refuse */
#define HPC_WIRE_BYE_TIMEOUT		4	/* we heard nothing from you for too long */
#define HPC_WIRE_BYE_REPLACED		5	/* a newer connection to you replaces this one */
#define HPC_WIRE_BYE_MAX		5

/* ------------------------------------------------------------------------
 * LOAD: load information, gossiped (DESIGN.md section 4). The sender's own
 * entry and a window of the newest entries it knows of other nodes.
 *
 *	offset size field
 *	     0    2 count     entries that follow, 1..HPC_WIRE_MAX_LOAD_ENTRIES
 *	     2  44*count      the entries
 *
 * The body is exactly 2 + 44 * count bytes. No two entries have the same
 * node id.
 *
 * One entry:
 *
 *	offset size field
 *	     0    2 node       the node described, 1..65535
 *	     2    2 status     HPC_WIRE_LOAD_*; unknown bits are refused
 *	     4    4 age_ms     how old the information is, in milliseconds,
 *	                       when the message is sent
 *	     8    4 load       the node's load, in openMosix load units
 *	    12    4 speed      relative CPU speed (10000 = a 1 GHz Pentium III),
 *	                       at least 1
 *	    16    2 cpus       online CPUs, at least 1
 *	    18    2 util       CPU utilisation of the whole node in percent,
 *	                       0..100 whatever the number of CPUs
 *	    20    8 mem_total  bytes of memory
 *	    28    8 mem_free   bytes free, at most mem_total
 *	    36    8 mem_avail  bytes the node offers to migrated processes,
 *	                       at most mem_total
 */
#define HPC_WIRE_MAX_LOAD_ENTRIES	16

#define HPC_WIRE_LOAD_COUNT		0
#define HPC_WIRE_LOAD_ENTRIES		2

#define HPC_WIRE_LE_NODE		0
#define HPC_WIRE_LE_STATUS		2
#define HPC_WIRE_LE_AGE_MS		4
#define HPC_WIRE_LE_LOAD		8
#define HPC_WIRE_LE_SPEED		12
#define HPC_WIRE_LE_CPUS		16
#define HPC_WIRE_LE_UTIL		18
#define HPC_WIRE_LE_MEM_TOTAL		20
#define HPC_WIRE_LE_MEM_FREE		28
#define HPC_WIRE_LE_MEM_AVAIL		36
#define HPC_WIRE_LOAD_ENTRY_SIZE	44

#define HPC_WIRE_LOAD_SIZE(count)	(HPC_WIRE_LOAD_ENTRIES + (count) * HPC_WIRE_LOAD_ENTRY_SIZE)
#define HPC_WIRE_LOAD_MIN_SIZE		HPC_WIRE_LOAD_SIZE(1)
#define HPC_WIRE_LOAD_MAX_SIZE		HPC_WIRE_LOAD_SIZE(HPC_WIRE_MAX_LOAD_ENTRIES)

/* Status bits of a load entry: the node's /proc/hpc/admin switches. */
#define HPC_WIRE_LOAD_UP		0x0001	/* the node is up and reachable */
#define HPC_WIRE_LOAD_STAY		0x0002	/* its processes stay home */
#define HPC_WIRE_LOAD_LSTAY		0x0004	/* its local processes stay home */
#define HPC_WIRE_LOAD_BLOCK		0x0008	/* it accepts no guest processes */
#define HPC_WIRE_LOAD_QUIET		0x0010	/* it stopped sending load information */
#define HPC_WIRE_LOAD_NOMFS		0x0020	/* it serves no MFS */
#define HPC_WIRE_LOAD_KNOWN		0x003f

#define HPC_WIRE_UTIL_MAX		100

/* ------------------------------------------------------------------------
 * Process migration (kernel/hpc/chan.c, migrate.c, remote.c, image.c).
 *
 * A migrated process has two halves: the deputy at home and the remote on
 * the node it runs on. They talk in messages that all share one body
 * layout, a 12-byte head and a payload whose meaning depends on the type:
 *
 *	offset size field
 *	     0    4 pid       the process id at home (home's initial pid
 *	                      namespace); with the home node it names the
 *	                      process in the whole cluster
 *	     4    4 epoch     the migration this message belongs to; a message
 *	                      of an older epoch is dropped
 *	     8    4 arg       a number whose meaning depends on the type
 *	    12    - payload   body_len - 12 bytes
 *
 * The home node of a message is its sender for the messages home sends and
 * its receiver for the others, so it is never carried.
 *
 *	type     way          arg                   payload
 *	OFFER    home->target the node the image    none: "will you run pid?"
 *	                      comes from, 0: home
 *	ACCEPT   target->home 0 or HPC_MIG_E_*      none
 *	IMAGE    image sender 0                     the next bytes of the
 *	                                            process image (below)
 *	DONE     image's      0 or HPC_MIG_E_*      none: the image was
 *	         receiver                           installed, or why not
 *	RECALL   home->target HPC_MIG_WHY_*         none: "come home"
 *	RETURN   target->home HPC_MIG_WHY_*         none, or for FAULT the
 *	                                            signal, code, errno and
 *	                                            address (8 bytes each);
 *	                                            the image follows
 *	KILL     home->target HPC_MIG_WHY_*         none: the process ended
 *	GONE     target->home HPC_MIG_WHY_*         none: the remote ended
 *	SYSCALL  target->home the system call nr    6 arguments (8 bytes
 *	                                            each), then buffers
 *	SYSRET   home->target HPC_MIG_RET_*         the result (8 bytes, two's
 *	                                            complement), then buffers
 *	GOTO     home->target the next node         its epoch (4 bytes):
 *	                                            "pass yourself on there"
 *	MOVED    target->home 0 or HPC_MIG_E_*      none: passed on, or why not
 *
 * Moving from node A straight to node B: home OFFERs the process to B with
 * arg A and a new epoch; B ACCEPTs and waits for the image from A. Home
 * sends GOTO to A, which at its next safe point sends its image to B (IMAGE
 * messages with the new epoch, answered by DONE), tells home MOVED and
 * ends. From then on home and B talk in the new epoch. If B fails, A tells
 * home why in MOVED and runs on; home sends KILL to B.
 *
 * A buffer is the user memory a system call argument points to: 4 bytes
 * argument index (0..5), 4 bytes length, then the bytes. SYSCALL carries
 * what the call reads, SYSRET what it wrote. Which arguments are buffers,
 * and how long, is the system call table of kernel/hpc/systab.c, on both
 * sides.
 *
 * The process image is a byte stream split over IMAGE messages, written by
 * kernel/hpc/image.c. Every integer is 8 bytes, big-endian:
 *
 *	magic HPC_IMAGE_MAGIC, version HPC_IMAGE_VERSION
 *	HPC_IMAGE_MM_WORDS words of mm fields (code, data, brk, stack, args,
 *	  environment, mmap base), then the vDSO address
 *	auxv: count (at most HPC_IMAGE_AUXV_MAX), then the words
 *	personality, uid, gid, then 16 bytes of command name
 *	rlimits: RLIM count (HPC_IMAGE_RLIMITS), then current and max of each
 *	VMAs: count (at most HPC_IMAGE_VMAS_MAX), then start, end and
 *	  HPC_IMAGE_VMA_* flags of each
 *	pages: address, then PAGE_SIZE bytes, for each page that is not all
 *	  zero; the address HPC_IMAGE_END ends the list
 *	registers: HPC_IMAGE_REGS words in the order of struct
 *	  user_regs_struct; the FPU: its size, then the FXSAVE bytes
 *	rseq: address and signature
 *	magic again
 */
#define HPC_WIRE_MIG_PID		0
#define HPC_WIRE_MIG_EPOCH		4
#define HPC_WIRE_MIG_ARG		8
#define HPC_WIRE_MIG_PAYLOAD		12
#define HPC_WIRE_MIG_MIN_SIZE		HPC_WIRE_MIG_PAYLOAD
#define HPC_WIRE_MIG_RETURN_MAX_SIZE	(HPC_WIRE_MIG_PAYLOAD + 32)

#define HPC_WIRE_SYSCALL_ARGS		6
#define HPC_WIRE_BUF_HEAD		8	/* index and length */

/* Why an OFFER or an image was refused (ACCEPT and DONE). */
#define HPC_MIG_E_BLOCKED		1	/* the node takes no guests (block) */
#define HPC_MIG_E_NOMEM			2	/* no memory for the process */
#define HPC_MIG_E_IMAGE			3	/* the image is malformed */
#define HPC_MIG_E_ABI			4	/* a different CPU state or vDSO */
#define HPC_MIG_E_BUSY			5	/* the process is already here */
#define HPC_MIG_E_PASS			6	/* its image did not get there */
#define HPC_MIG_E_MAX			6

/* Why a process comes home or ends (RECALL, RETURN, KILL, GONE). */
#define HPC_MIG_WHY_ASKED		1	/* goto, bring, expel */
#define HPC_MIG_WHY_SIGNAL		2	/* a signal is to be delivered */
#define HPC_MIG_WHY_SYSCALL		3	/* a system call that runs at home */
#define HPC_MIG_WHY_FAULT		4	/* a fault on the remote (SIGSEGV...) */
#define HPC_MIG_WHY_EXIT		5	/* the process exited */
#define HPC_MIG_WHY_KILLED		6	/* killed on the node it ran on */
#define HPC_MIG_WHY_ERROR		7	/* an internal error (logged) */
#define HPC_MIG_WHY_MAX			7

/* SYSRET flags. */
#define HPC_MIG_RET_HOME		0x1	/* come home after this call */
#define HPC_MIG_RET_AGAIN		0x2	/* not run: come home and run it there */
#define HPC_MIG_RET_KNOWN		0x3

#define HPC_IMAGE_MAGIC			0x4f4d5849	/* "OMXI" */
#define HPC_IMAGE_VERSION		1
#define HPC_IMAGE_MM_WORDS		13
#define HPC_IMAGE_AUXV_MAX		64
#define HPC_IMAGE_RLIMITS		16
#define HPC_IMAGE_VMAS_MAX		65536
#define HPC_IMAGE_REGS			27
#define HPC_IMAGE_FXSAVE_SIZE		512
#define HPC_IMAGE_END			0xffffffffffffffffULL

#define HPC_IMAGE_VMA_READ		0x01
#define HPC_IMAGE_VMA_WRITE		0x02
#define HPC_IMAGE_VMA_EXEC		0x04
#define HPC_IMAGE_VMA_GROWSDOWN		0x08
#define HPC_IMAGE_VMA_HEAP		0x10	/* the brk area */
#define HPC_IMAGE_VMA_KNOWN		0x1f

#endif /* _HPC_PROTOCOL_H */
