/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * omdiscd: automatic node discovery. Every node announces its address to a
 * multicast group on its interface and listens there; the addresses heard
 * become the node table, with node id = the host part of the address, so
 * every node derives the same ids without talking about them.
 *
 * packet.c and table.c are pure (no I/O): the unit tests in
 * tests/userland/unit/ build them on their own.
 */
#ifndef OMDISCD_H
#define OMDISCD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The wire: one announcement per UDP datagram to DISC_GROUP:DISC_PORT. */
#define DISC_GROUP	0xef4d0001	/* 239.77.0.1 */
#define DISC_PORT	4661
#define DISC_PKT_LEN	12
#define DISC_VERSION	1
/*
 * Layout, all fields at fixed offsets:
 *   0..3   magic "omdi"
 *   4      version (DISC_VERSION)
 *   5      prefix length of the sender's network (16..32)
 *   6..7   zero
 *   8..11  sender's IPv4 address, network byte order
 */
#define DISC_MAGIC	"omdi"

struct disc_announce {
	uint32_t addr;		/* host byte order */
	unsigned int prefix;
};

/* Why a datagram was ignored (DISC_OK: it was not). */
enum disc_verdict {
	DISC_OK,
	DISC_SHORT,		/* fewer than DISC_PKT_LEN bytes */
	DISC_LONG,		/* more than DISC_PKT_LEN bytes */
	DISC_BAD_MAGIC,
	DISC_BAD_VERSION,
	DISC_BAD_RESERVED,	/* bytes 6..7 not zero */
	DISC_NOT_SOURCE,	/* the address announced is not the sender's */
	DISC_OTHER_PREFIX,	/* the sender uses another netmask: other ids */
	DISC_OTHER_NET,		/* not in our network */
	DISC_NOT_NODE,		/* host part 0 or the broadcast address */
	DISC_SELF,		/* our own address from elsewhere: a conflict */
};

/* packet.c */
void disc_encode(const struct disc_announce *a, uint8_t pkt[DISC_PKT_LEN]);
enum disc_verdict disc_decode(const uint8_t *pkt, size_t len,
			      struct disc_announce *a);
enum disc_verdict disc_accept(const uint8_t *pkt, size_t len, uint32_t source,
			      uint32_t self, unsigned int prefix);
const char *disc_verdict_str(enum disc_verdict v);

/* table.c */
#define DISC_PREFIX_MIN	16	/* a larger host part does not fit a node id */
uint32_t disc_netmask(unsigned int prefix);
unsigned int disc_node_id(uint32_t addr, unsigned int prefix);
/* Can addr/prefix be a node? 0, or -1 and msg says why not. */
int disc_check_self(uint32_t addr, unsigned int prefix, char *msg, size_t size);
/*
 * The node table of the addresses in addrs (any order, duplicates allowed,
 * all in one network) as "FIRST-ID ADDRESS COUNT" lines. Returns the length
 * of the text, or -1 and msg says why.
 */
int disc_table(const uint32_t *addrs, size_t n, unsigned int prefix,
	       char *buf, size_t size, char *msg, size_t msgsize);

/* peers.c: the other nodes heard; times in milliseconds. */
#define PEERS_MAX	65535
struct peer {
	uint32_t addr;
	uint64_t seen;
};
struct peers {
	struct peer *peer;
	size_t n, cap;
};
/* addr heard at now: 1 if it is new, 0 if known, -1 if there is no room. */
int peers_heard(struct peers *p, uint32_t addr, uint64_t now);
/* Remove one peer silent for timeout: 1 and its address, or 0 if none. */
int peers_expire(struct peers *p, uint64_t now, uint64_t timeout,
		 uint32_t *addr);
/* When the next peer will have been silent for timeout (UINT64_MAX: none). */
uint64_t peers_next_expiry(const struct peers *p, uint64_t timeout);
/* disc_table() of self and the peers. */
int peers_table(const struct peers *p, uint32_t self, unsigned int prefix,
		char *buf, size_t size, char *msg, size_t msgsize);

/* iface.c */
#define IF_NAME_MAX	16	/* IFNAMSIZ, with the NUL */
struct disc_iface {
	char name[IF_NAME_MAX];
	unsigned int index;
	uint32_t addr;		/* host byte order */
	unsigned int prefix;
};
/* The interface of the default route into name; exits on error. */
void iface_default(char *name, size_t size);
/* Look up name; exits with a message naming it when it cannot be used. */
void iface_get(const char *name, struct disc_iface *ifc);

/* net.c */
int net_open(const struct disc_iface *ifc);
void net_announce(int fd, const struct disc_iface *ifc);
/*
 * Read one datagram: 1 and its verdict (and the address announced, when
 * DISC_OK), 0 when none is waiting.
 */
int net_receive(int fd, const struct disc_iface *ifc, uint32_t *addr,
		enum disc_verdict *verdict);

/* run.c: the discovery loop; returns the exit status. */
int run(int fd, const struct disc_iface *ifc, unsigned int timeout);

/* log.c */
void log_open(bool foreground);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* OMDISCD_H */
