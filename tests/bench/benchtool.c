// SPDX-License-Identifier: GPL-2.0-only
/*
 * benchtool: the clock and the pipe of the benchmarks (tests/bench), run
 * inside the nodes. busybox has neither a clock finer than a second nor a
 * netcat that tells when the far end has all the bytes, so both are here.
 *
 *   benchtool now                 CLOCK_MONOTONIC in nanoseconds
 *   benchtool since T0            seconds since T0 (a "now" value)
 *   benchtool goto PID NODE [S]   write NODE to /proc/PID/goto, then poll
 *                                 /proc/PID/where every millisecond until
 *                                 it shows NODE (0: home); print the seconds
 *                                 from the write to then. Fails after S
 *                                 seconds (default 300), if the write is
 *                                 refused or if the process ends.
 *   benchtool hold MB             fill MB of memory with non-zero words, print
 *                                 "ready", point stdin, stdout and stderr at
 *                                 /dev/null and spin until killed (the
 *                                 process that moves)
 *   benchtool send HOST PORT      copy stdin to HOST:PORT, then wait until
 *                                 the receiver acknowledges every byte
 *   benchtool recv PORT           accept one connection on PORT, copy it to
 *                                 stdout, then acknowledge it
 *   benchtool syscalls N [NODE]   time N getppid() calls (forwarded home
 *                                 while the process is away) and print the
 *                                 nanoseconds per call; with NODE, first wait
 *                                 up to 300 s until /proc/self/where shows
 *                                 NODE (someone else writes its goto)
 *
 * send retries a refused connection for up to 60 s, so the receiver may
 * start after it. A failure prints "benchtool: ..." and exits 1.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define ACK		"ok\n"
#define BUF_SIZE	(256 * 1024)

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("benchtool: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void sleep_ns(long ns)
{
	struct timespec ts = { ns / 1000000000L, ns % 1000000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static unsigned long number(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end)
		die("%s '%s' is not a number", what, s);
	return v;
}

/* The first line of a small file, without its newline; -1 if it cannot be read. */
static int read_line(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

static int cmd_goto(const char *pid, const char *node, const char *limit)
{
	char path[64], want[24], where[24] = "?";
	uint64_t t0, deadline;
	ssize_t len;
	int fd;

	snprintf(want, sizeof(want), "%lu", number(node, "node"));
	number(pid, "pid");
	deadline = (limit ? number(limit, "timeout") : 300) * 1000000000ULL;

	snprintf(path, sizeof(path), "/proc/%s/goto", pid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		die("%s: %s", path, strerror(errno));
	len = strlen(want);
	t0 = now_ns();
	if (write(fd, want, len) != len)
		die("writing %s to %s: %s", want, path, strerror(errno));
	close(fd);

	snprintf(path, sizeof(path), "/proc/%s/where", pid);
	for (;;) {
		if (read_line(path, where, sizeof(where)))
			die("%s: %s (the process ended?)", path, strerror(errno));
		if (!strcmp(where, want))
			break;
		if (now_ns() - t0 > deadline)
			die("process %s still at node %s, not %s, after %s s", pid, where, want,
			    limit ? limit : "300");
		sleep_ns(1000000);
	}
	printf("%.6f\n", (now_ns() - t0) / 1e9);
	return 0;
}

static int cmd_hold(const char *mb)
{
	size_t n = (number(mb, "size") << 20) / sizeof(uint64_t), i;
	volatile uint64_t *mem;
	int fd;

	mem = malloc(n * sizeof(uint64_t));
	if (!mem)
		die("no memory for %s MB", mb);
	/* No word is zero: a page of zeros need not travel. */
	for (i = 0; i < n; i++)
		mem[i] = (i * 0x9e3779b97f4a7c15ULL) | 1;
	printf("ready\n");
	fflush(stdout);
	/* Only /dev/null stays open: a checkpoint has no file to carry. */
	fd = open("/dev/null", O_RDWR);
	if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		die("/dev/null: %s", strerror(errno));
	if (fd > 2)
		close(fd);
	/* Spin without system calls, so it moves at its next interrupt. */
	for (i = 0;; i = (i + 4099) % n)
		mem[i] += 2;
	return 0;
}

static void write_all(int fd, const char *buf, size_t len, const char *what)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("writing to %s: %s", what, n ? strerror(errno) : "short write");
		buf += n;
		len -= n;
	}
}

/* Copy from in to out until in ends; returns the bytes copied. */
static uint64_t copy(int in, int out, const char *from, const char *to)
{
	static char buf[BUF_SIZE];
	uint64_t total = 0;
	ssize_t n;

	for (;;) {
		n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("reading %s: %s", from, strerror(errno));
		if (!n)
			return total;
		write_all(out, buf, n, to);
		total += n;
	}
}

static int cmd_send(const char *host, const char *port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	uint64_t deadline = now_ns() + 60 * 1000000000ULL;
	char ack[sizeof(ACK)] = "";
	size_t got = 0;
	ssize_t n;
	int fd;

	sa.sin_port = htons(number(port, "port"));
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		die("'%s' is not an IPv4 address", host);
	for (;;) {
		fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			die("socket: %s", strerror(errno));
		if (!connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
			break;
		if (errno != ECONNREFUSED || now_ns() > deadline)
			die("connecting to %s:%s: %s", host, port, strerror(errno));
		close(fd);
		sleep_ns(2000000);
	}
	copy(0, fd, "stdin", host);
	if (shutdown(fd, SHUT_WR))
		die("shutdown: %s", strerror(errno));
	while (got < sizeof(ACK) - 1) {
		n = read(fd, ack + got, sizeof(ACK) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("%s:%s did not acknowledge the data", host, port);
		got += n;
	}
	if (strcmp(ack, ACK))
		die("%s:%s answered '%s' instead of an acknowledgement", host, port, ack);
	close(fd);
	return 0;
}

static int cmd_recv(const char *port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int one = 1, lfd, fd;

	sa.sin_port = htons(number(port, "port"));
	sa.sin_addr.s_addr = htonl(INADDR_ANY);
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0)
		die("socket: %s", strerror(errno));
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 1))
		die("listening on port %s: %s", port, strerror(errno));
	do
		fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		die("accept: %s", strerror(errno));
	close(lfd);
	copy(fd, 1, "the connection", "stdout");
	write_all(fd, ACK, sizeof(ACK) - 1, "the connection");
	close(fd);
	return 0;
}

static int cmd_syscalls(const char *count, const char *node)
{
	uint64_t n = number(count, "count"), i, t0, t1;
	char where[24] = "";
	pid_t ppid = getppid();
	unsigned int tries;

	for (tries = 0; node; tries++) {
		if (read_line("/proc/self/where", where, sizeof(where)))
			die("/proc/self/where: %s", strerror(errno));
		if (!strcmp(where, node))
			break;
		if (tries == 30000)
			die("still at node %s, not %s, after 300 s", where, node);
		sleep_ns(10000000);
	}
	t0 = now_ns();
	for (i = 0; i < n; i++)
		if (syscall(SYS_getppid) != ppid)
			die("getppid() changed from %d", (int)ppid);
	t1 = now_ns();
	/* Where it ran: the caller checks that it did not come home meanwhile. */
	if (node && (read_line("/proc/self/where", where, sizeof(where)) || strcmp(where, node)))
		die("the loop did not stay at node %s", node);
	printf("%" PRIu64 "\n", n ? (t1 - t0) / n : 0);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	/* A lost connection shows as an error from write(), with a message. */
	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(cmd, "now") && argc == 2) {
		printf("%" PRIu64 "\n", now_ns());
		return 0;
	}
	if (!strcmp(cmd, "since") && argc == 3) {
		printf("%.6f\n", (now_ns() - (uint64_t)strtoull(argv[2], NULL, 10)) / 1e9);
		return 0;
	}
	if (!strcmp(cmd, "goto") && (argc == 4 || argc == 5))
		return cmd_goto(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (!strcmp(cmd, "hold") && argc == 3)
		return cmd_hold(argv[2]);
	if (!strcmp(cmd, "send") && argc == 4)
		return cmd_send(argv[2], argv[3]);
	if (!strcmp(cmd, "recv") && argc == 3)
		return cmd_recv(argv[2]);
	if (!strcmp(cmd, "syscalls") && (argc == 3 || argc == 4))
		return cmd_syscalls(argv[2], argc == 4 ? argv[3] : NULL);
	fprintf(stderr, "usage: benchtool now | since T0 | goto PID NODE [SECONDS] |\n"
		"                 hold MB | send HOST PORT | recv PORT | syscalls N [NODE]\n");
	return 2;
}
