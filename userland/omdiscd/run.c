// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: the discovery loop. Every second or so (900-1100 ms, so nodes
 * started together do not stay in step) announce this node; take in the
 * announcements of the others; drop the nodes silent for the timeout; and
 * whenever the set of nodes changed, write the whole table to the kernel
 * in one write. A write that fails is retried every second. SIGTERM and
 * SIGINT, which are blocked except while waiting in ppoll(), end the loop
 * and leave the table as it is.
 */
#define _GNU_SOURCE	/* ppoll */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hpc.h"
#include "map.h"
#include "omdiscd.h"

#define SEND_MIN_MS	900
#define SEND_JITTER_MS	200
#define RETRY_MS	1000
#define IGNORED_LOG_MS	60000	/* at most one "ignored" line a minute */
#define RECV_BURST	256	/* datagrams read per wakeup at most */

struct state {
	int fd;
	const struct disc_iface *ifc;
	struct peers peers;
	uint64_t timeout;	/* ms */
	uint64_t next_send;
	uint64_t next_write;	/* while dirty: when to try to write */
	uint64_t next_ignored_log;
	bool dirty;		/* the kernel's table is not the set's */
	int write_errno;	/* the failure already logged */
	bool full_logged;
};

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *node_str(uint32_t addr, unsigned int prefix)
{
	static char buf[48];
	char a[HPC_ADDR_STRLEN];

	snprintf(buf, sizeof(buf), "node %u (%s)", disc_node_id(addr, prefix),
		 hpc_addr_format(addr, a));
	return buf;
}

static void write_table(struct state *s, uint64_t now)
{
	char text[HPC_MAP_TEXT_MAX], msg[4200], path[4096];

	if (peers_table(&s->peers, s->ifc->addr, s->ifc->prefix, text,
			sizeof(text), msg, sizeof(msg)) < 0) {
		/* Nothing to retry until the set changes again. */
		log_error("cannot make the node table: %s", msg);
		s->dirty = false;
		return;
	}
	if (hpc_write_text("hpc/admin/config", text) < 0) {
		if (errno != s->write_errno) {
			if (hpc_path(path, sizeof(path), "hpc/admin/config") < 0)
				strcpy(path, "hpc/admin/config");
			log_error("%s: %s (retrying every second)", path,
				  strerror(errno));
		}
		s->write_errno = errno;
		s->next_write = now + RETRY_MS;
		return;
	}
	if (s->write_errno)
		log_info("node table written");
	s->write_errno = 0;
	s->dirty = false;
}

static void heard(struct state *s, uint32_t addr, uint64_t now)
{
	switch (peers_heard(&s->peers, addr, now)) {
	case 1:
		log_info("%s joined", node_str(addr, s->ifc->prefix));
		s->dirty = true;
		s->next_write = now;
		/* Answer at once: the newcomer learns of us without waiting. */
		s->next_send = now;
		break;
	case -1:
		if (!s->full_logged)
			log_error("no room for %s: ignored",
				  node_str(addr, s->ifc->prefix));
		s->full_logged = true;
		break;
	}
}

static void receive_all(struct state *s)
{
	enum disc_verdict verdict;
	char a[HPC_ADDR_STRLEN];
	uint64_t now = now_ms();
	uint32_t addr;
	int i;

	for (i = 0; i < RECV_BURST; i++) {
		if (!net_receive(s->fd, s->ifc, &addr, &verdict))
			return;
		if (verdict == DISC_OK) {
			heard(s, addr, now);
		} else if (now >= s->next_ignored_log) {
			log_info("ignored a datagram from %s: %s",
				 hpc_addr_format(addr, a), disc_verdict_str(verdict));
			s->next_ignored_log = now + IGNORED_LOG_MS;
		}
	}
}

static void expire(struct state *s, uint64_t now)
{
	uint32_t addr;

	while (peers_expire(&s->peers, now, s->timeout, &addr)) {
		log_info("%s left", node_str(addr, s->ifc->prefix));
		s->dirty = true;
		s->next_write = now;
	}
}

static uint64_t next_wakeup(const struct state *s)
{
	uint64_t t = s->next_send, e = peers_next_expiry(&s->peers, s->timeout);

	if (e < t)
		t = e;
	if (s->dirty && s->next_write < t)
		t = s->next_write;
	return t;
}

/* Block SIGTERM and SIGINT; *waiting is the mask to use in ppoll(). */
static void setup_signals(sigset_t *waiting)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, waiting);
	sigdelset(waiting, SIGTERM);
	sigdelset(waiting, SIGINT);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

int run(int fd, const struct disc_iface *ifc, unsigned int timeout)
{
	struct state s = {
		.fd = fd, .ifc = ifc, .timeout = timeout * 1000ULL, .dirty = true,
	};
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char a[HPC_ADDR_STRLEN];
	uint64_t now, wake;
	struct timespec ts;
	sigset_t waiting;

	setup_signals(&waiting);
	srandom(ifc->addr ^ getpid() ^ time(NULL));
	log_info("this is node %u (%s/%u on %s); announcing to 239.77.0.1 port %d",
		 disc_node_id(ifc->addr, ifc->prefix),
		 hpc_addr_format(ifc->addr, a), ifc->prefix, ifc->name, DISC_PORT);
	s.next_send = s.next_write = now_ms();
	while (!stop_signal) {
		now = now_ms();
		if (now >= s.next_send) {
			net_announce(fd, ifc);
			s.next_send = now + SEND_MIN_MS + random() % (SEND_JITTER_MS + 1);
		}
		expire(&s, now);
		if (s.dirty && now >= s.next_write)
			write_table(&s, now);
		wake = next_wakeup(&s);
		wake = wake > now ? wake - now : 0;
		ts.tv_sec = wake / 1000;
		ts.tv_nsec = wake % 1000 * 1000000;
		if (ppoll(&pfd, 1, &ts, &waiting) < 0) {
			if (errno == EINTR)
				continue;
			log_error("poll: %s", strerror(errno));
			return 1;
		}
		if (pfd.revents & POLLIN)
			receive_all(&s);
	}
	log_info("exiting on %s; the node table stays",
		 stop_signal == SIGTERM ? "SIGTERM" : "SIGINT");
	close(fd);
	free(s.peers.peer);
	return 0;
}
