// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: one UDP socket that both sends the announcements and receives
 * the other nodes' ones. It is bound to the group's address, so it gets no
 * other traffic for the port; it joins the group on our interface only and
 * asks for the datagrams of the groups it joined there only
 * (IP_MULTICAST_ALL off), so daemons on several interfaces of one host do
 * not see each other's networks. Announcements leave by our interface,
 * with a TTL of 1 (they never cross a router) and without a copy to
 * ourselves.
 */
#include <err.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "omdiscd.h"

static void set_opt(int fd, const struct disc_iface *ifc, int level, int name,
		    const void *val, socklen_t len, const char *what)
{
	if (setsockopt(fd, level, name, val, len) < 0)
		err(1, "interface '%s': multicast socket: %s", ifc->name, what);
}

int net_open(const struct disc_iface *ifc)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_port = htons(DISC_PORT),
		.sin_addr.s_addr = htonl(DISC_GROUP),
	};
	struct ip_mreqn mreq = {
		.imr_multiaddr.s_addr = htonl(DISC_GROUP),
		.imr_address.s_addr = htonl(ifc->addr),
		.imr_ifindex = ifc->index,
	};
	struct ip_mreqn mif = {
		.imr_address.s_addr = htonl(ifc->addr),
		.imr_ifindex = ifc->index,
	};
	int fd, one = 1, zero = 0;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		err(1, "socket");
	set_opt(fd, ifc, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one), "SO_REUSEADDR");
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		err(1, "interface '%s': bind to 239.77.0.1 port %d", ifc->name,
		    DISC_PORT);
	set_opt(fd, ifc, IPPROTO_IP, IP_MULTICAST_ALL, &zero, sizeof(zero),
		"IP_MULTICAST_ALL");
	set_opt(fd, ifc, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof(mreq),
		"joining 239.77.0.1");
	set_opt(fd, ifc, IPPROTO_IP, IP_MULTICAST_IF, &mif, sizeof(mif),
		"IP_MULTICAST_IF");
	set_opt(fd, ifc, IPPROTO_IP, IP_MULTICAST_TTL, &one, sizeof(one),
		"IP_MULTICAST_TTL");
	set_opt(fd, ifc, IPPROTO_IP, IP_MULTICAST_LOOP, &zero, sizeof(zero),
		"IP_MULTICAST_LOOP");
	return fd;
}

void net_announce(int fd, const struct disc_iface *ifc)
{
	static int last_errno;
	struct disc_announce a = { .addr = ifc->addr, .prefix = ifc->prefix };
	struct sockaddr_in to = {
		.sin_family = AF_INET,
		.sin_port = htons(DISC_PORT),
		.sin_addr.s_addr = htonl(DISC_GROUP),
	};
	uint8_t pkt[DISC_PKT_LEN];

	disc_encode(&a, pkt);
	if (sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
		/* Say it once, not every second. */
		if (errno != last_errno)
			log_error("sending the announcement on %s: %s", ifc->name,
				  strerror(errno));
		last_errno = errno;
		return;
	}
	if (last_errno)
		log_info("sending on %s again", ifc->name);
	last_errno = 0;
}

int net_receive(int fd, const struct disc_iface *ifc, uint32_t *addr,
		enum disc_verdict *verdict)
{
	struct sockaddr_in from;
	socklen_t fromlen = sizeof(from);
	uint8_t buf[64];
	ssize_t n;

	n = recvfrom(fd, buf, sizeof(buf), MSG_TRUNC, (struct sockaddr *)&from,
		     &fromlen);
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			log_error("receiving on %s: %s", ifc->name, strerror(errno));
		return 0;
	}
	if (fromlen < sizeof(from) || from.sin_family != AF_INET) {
		*verdict = DISC_NOT_SOURCE;
		return 1;
	}
	/* With MSG_TRUNC, n is the datagram's real length: a long one is refused
	 * on its length before any byte is read. */
	*addr = ntohl(from.sin_addr.s_addr);
	*verdict = disc_accept(buf, n, *addr, ifc->addr, ifc->prefix);
	return 1;
}
