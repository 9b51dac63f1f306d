// SPDX-License-Identifier: GPL-2.0-only
/*
 * forge: talk to a node's cluster transport as a connector would, then
 * misbehave on purpose.
 *
 *	forge ADDR PORT MY_ID PEER_ID KEYHEX MODE
 *	forge --selftest
 *
 * It connects to ADDR:PORT, claims to be node MY_ID, and runs the
 * connector's half of the handshake of kernel/hpc/auth.c with the cluster
 * key KEYHEX: HELLO with the key id, CHALLENGE whose proof it checks, AUTH,
 * and the sealed AUTH_OK whose MAC it checks with K_s2c. Then, by MODE:
 *
 *	good	a sealed LOAD (seq 1), then a PING (seq 2, request id 1); the
 *		sealed PONG that answers it shows both were accepted. Prints
 *		"accepted".
 *	replay	LOAD and PING as in good, then the LOAD again, byte for byte.
 *	forged	a sealed LOAD with one bit of its body flipped after sealing.
 *	badseq	a sealed LOAD numbered 2 where 1 is expected.
 *
 * In the last three the node must close the connection: "closed" is
 * printed when it does within 5 s. The exit status is 0 when the node did
 * what it should, 1 when it did not (or anything else went wrong), 2 for a
 * usage error. --selftest checks the formulas against the known answers of
 * Documentation/hpc/security.rst.
 *
 * Every offset and constant comes from include/hpc/protocol.h, which is
 * plain macros and an enum and so compiles here unchanged. The labels and
 * formulas are those at the top of kernel/hpc/auth.c.
 */

#include <arpa/inet.h>
#include <err.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <hpc/protocol.h>

/* The limits of a cluster key, as auth.h has them (in bytes). */
#define KEY_MIN		16
#define KEY_MAX		64
#define MAC_SIZE	HPC_WIRE_MAC_SIZE

/* How long to wait for the node: a handshake step, a PONG, a close. */
#define REPLY_TIMEOUT_MS	10000
#define CLOSE_TIMEOUT_MS	5000

/* The largest body this program expects to receive (a PONG, a CHALLENGE). */
#define RX_BODY_MAX	256

struct session {
	int fd;
	uint16_t id_c, id_s;
	uint8_t key[KEY_MAX];
	size_t keylen;
	uint8_t nonce_c[HPC_WIRE_NONCE_SIZE], nonce_s[HPC_WIRE_NONCE_SIZE];
	uint8_t k_c2s[MAC_SIZE], k_s2c[MAC_SIZE];
	uint64_t send_seq, recv_seq;
};

/* One message as received: the header fields and the raw bytes. */
struct msg {
	uint8_t type;
	uint16_t flags, sender;
	uint64_t seq;
	uint32_t request_id, body_len;
	uint8_t raw[HPC_WIRE_HEADER_SIZE + RX_BODY_MAX + MAC_SIZE];
};

static void usage(void)
{
	fprintf(stderr, "usage: forge ADDR PORT MY_ID PEER_ID KEYHEX good|replay|forged|badseq\n"
			"       forge --selftest\n");
	exit(2);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, v >> 32);
	put32(p + 4, v);
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)p[0] << 8 | p[1];
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

/* ------------------------------------------------------------------------
 * The formulas of kernel/hpc/auth.c.
 */

static void hmac(const uint8_t *key, size_t keylen, const uint8_t *data, size_t len,
		 uint8_t out[MAC_SIZE])
{
	unsigned int outlen = MAC_SIZE;

	if (!HMAC(EVP_sha256(), key, keylen, data, len, out, &outlen) || outlen != MAC_SIZE)
		errx(1, "HMAC-SHA256 failed");
}

/* HMAC(key, "openmosix key id"), first 4 bytes, big-endian. */
static uint32_t key_id(const uint8_t *key, size_t keylen)
{
	static const char label[] = "openmosix key id";
	uint8_t mac[MAC_SIZE];

	hmac(key, keylen, (const uint8_t *)label, sizeof(label) - 1, mac);
	return get32(mac);
}

/* HMAC(key, label || [id_c || id_s] || nonce_c || nonce_s) */
static void transcript_mac(const struct session *s, const char *label, int with_ids,
			   uint8_t out[MAC_SIZE])
{
	uint8_t buf[32 + 4 + 2 * HPC_WIRE_NONCE_SIZE];
	size_t n = strlen(label);

	memcpy(buf, label, n);
	if (with_ids) {
		put16(buf + n, s->id_c);
		put16(buf + n + 2, s->id_s);
		n += 4;
	}
	memcpy(buf + n, s->nonce_c, HPC_WIRE_NONCE_SIZE);
	n += HPC_WIRE_NONCE_SIZE;
	memcpy(buf + n, s->nonce_s, HPC_WIRE_NONCE_SIZE);
	n += HPC_WIRE_NONCE_SIZE;
	hmac(s->key, s->keylen, buf, n, out);
}

static void proof_s(const struct session *s, uint8_t out[MAC_SIZE])
{
	transcript_mac(s, "openmosix acceptor", 1, out);
}

static void proof_c(const struct session *s, uint8_t out[MAC_SIZE])
{
	transcript_mac(s, "openmosix connector", 1, out);
}

static void session_keys(struct session *s)
{
	transcript_mac(s, "openmosix c2s", 0, s->k_c2s);
	transcript_mac(s, "openmosix s2c", 0, s->k_s2c);
}

/* ------------------------------------------------------------------------
 * Messages.
 */

/*
 * Encode a message into buf (room for header, body and trailer); sealed
 * ones get HMAC(K_c2s, header || body) as trailer, the others zeros.
 * Returns the whole length.
 */
static size_t msg_build(const struct session *s, uint8_t *buf, uint8_t type, uint16_t flags,
			uint64_t seq, uint32_t request_id, const uint8_t *body, uint32_t len,
			int sealed)
{
	uint8_t *h = buf;

	memset(h, 0, HPC_WIRE_HEADER_SIZE);
	put32(h + HPC_WIRE_HDR_MAGIC, HPC_WIRE_MAGIC);
	h[HPC_WIRE_HDR_VERSION] = HPC_WIRE_VERSION;
	h[HPC_WIRE_HDR_TYPE] = type;
	put16(h + HPC_WIRE_HDR_FLAGS, flags);
	put16(h + HPC_WIRE_HDR_SENDER, s->id_c);
	put64(h + HPC_WIRE_HDR_SEQ, seq);
	put32(h + HPC_WIRE_HDR_REQUEST_ID, request_id);
	put32(h + HPC_WIRE_HDR_BODY_LEN, len);
	memcpy(buf + HPC_WIRE_HEADER_SIZE, body, len);
	if (sealed)
		hmac(s->k_c2s, MAC_SIZE, buf, HPC_WIRE_HEADER_SIZE + len,
		     buf + HPC_WIRE_HEADER_SIZE + len);
	else
		memset(buf + HPC_WIRE_HEADER_SIZE + len, 0, MAC_SIZE);
	return HPC_WIRE_HEADER_SIZE + len + MAC_SIZE;
}

static void send_all(int fd, const uint8_t *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err(1, "send");
		}
		buf += n;
		len -= n;
	}
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Read exactly len bytes within what is left of timeout_ms from t0.
 * Returns 0, or -1 if the peer closed the connection (EOF or reset) and -2
 * on timeout; other errors are fatal.
 */
static int recv_exact(int fd, uint8_t *buf, size_t len, const struct timespec *t0,
		      int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;
	long left;
	int r;

	while (len) {
		left = timeout_ms - ms_since(t0);
		if (left <= 0)
			return -2;
		r = poll(&pfd, 1, left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			err(1, "poll");
		if (r == 0)
			return -2;
		n = recv(fd, buf, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (n < 0 && (errno == ECONNRESET || errno == EPIPE)))
			return -1;
		if (n < 0)
			err(1, "recv");
		buf += n;
		len -= n;
	}
	return 0;
}

/*
 * Receive one message. Returns 0, -1 if the peer closed the connection,
 * -2 on timeout; a malformed header is fatal.
 */
static int msg_recv(int fd, struct msg *m, int timeout_ms)
{
	const uint8_t *h = m->raw;
	struct timespec t0;
	int r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = recv_exact(fd, m->raw, HPC_WIRE_HEADER_SIZE, &t0, timeout_ms);
	if (r)
		return r;
	if (get32(h + HPC_WIRE_HDR_MAGIC) != HPC_WIRE_MAGIC ||
	    h[HPC_WIRE_HDR_VERSION] != HPC_WIRE_VERSION)
		errx(1, "received a header with a wrong magic or version");
	m->type = h[HPC_WIRE_HDR_TYPE];
	m->flags = get16(h + HPC_WIRE_HDR_FLAGS);
	m->sender = get16(h + HPC_WIRE_HDR_SENDER);
	m->seq = get64(h + HPC_WIRE_HDR_SEQ);
	m->request_id = get32(h + HPC_WIRE_HDR_REQUEST_ID);
	m->body_len = get32(h + HPC_WIRE_HDR_BODY_LEN);
	if (m->body_len > RX_BODY_MAX)
		errx(1, "received a message of type %#x with a %u-byte body, more than expected",
		     m->type, m->body_len);
	return recv_exact(fd, m->raw + HPC_WIRE_HEADER_SIZE, m->body_len + MAC_SIZE, &t0,
			  timeout_ms);
}

static const uint8_t *msg_body(const struct msg *m)
{
	return m->raw + HPC_WIRE_HEADER_SIZE;
}

static const uint8_t *msg_trailer(const struct msg *m)
{
	return m->raw + HPC_WIRE_HEADER_SIZE + m->body_len;
}

/* Check a sealed message from the acceptor: MAC under K_s2c, then order. */
static void msg_open(struct session *s, const struct msg *m, const char *what)
{
	uint8_t want[MAC_SIZE];

	hmac(s->k_s2c, MAC_SIZE, m->raw, HPC_WIRE_HEADER_SIZE + m->body_len, want);
	if (CRYPTO_memcmp(want, msg_trailer(m), MAC_SIZE))
		errx(1, "%s: the MAC does not verify with K_s2c", what);
	if (m->seq != s->recv_seq)
		errx(1, "%s: sequence number %llu, expected %llu", what,
		     (unsigned long long)m->seq, (unsigned long long)s->recv_seq);
	if (m->sender != s->id_s)
		errx(1, "%s: sent by node %u, not %u", what, m->sender, s->id_s);
	s->recv_seq++;
}

/* Receive a message or die saying why not. */
static void msg_expect(int fd, struct msg *m, const char *what)
{
	int r = msg_recv(fd, m, REPLY_TIMEOUT_MS);

	if (r == -1)
		errx(1, "the node closed the connection instead of sending %s", what);
	if (r == -2)
		errx(1, "no %s within %d ms", what, REPLY_TIMEOUT_MS);
}

/* ------------------------------------------------------------------------
 * The connector's handshake (handshake_connect() in kernel/hpc/transport.c).
 */

static void handshake(struct session *s)
{
	uint8_t buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_CHALLENGE_SIZE + MAC_SIZE];
	uint8_t body[HPC_WIRE_CHALLENGE_SIZE], want[MAC_SIZE];
	const uint8_t *b;
	struct msg m;
	size_t len;

	if (getrandom(s->nonce_c, sizeof(s->nonce_c), 0) != sizeof(s->nonce_c))
		err(1, "getrandom");
	put16(body + HPC_WIRE_HELLO_NODE, s->id_c);
	put32(body + HPC_WIRE_HELLO_KEY_ID, key_id(s->key, s->keylen));
	memcpy(body + HPC_WIRE_HELLO_NONCE, s->nonce_c, HPC_WIRE_NONCE_SIZE);
	len = msg_build(s, buf, HPC_WIRE_HELLO, 0, 1, 0, body, HPC_WIRE_HELLO_SIZE, 0);
	send_all(s->fd, buf, len);

	msg_expect(s->fd, &m, "CHALLENGE");
	b = msg_body(&m);
	if (m.type == HPC_WIRE_AUTH_FAIL && m.body_len == HPC_WIRE_AUTH_FAIL_SIZE)
		errx(1, "the node refused the HELLO: AUTH_FAIL reason %u",
		     get16(b + HPC_WIRE_AUTH_FAIL_REASON));
	if (m.type != HPC_WIRE_CHALLENGE || m.body_len != HPC_WIRE_CHALLENGE_SIZE ||
	    m.sender != s->id_s || m.seq != 1 ||
	    get16(b + HPC_WIRE_CHALLENGE_NODE) != s->id_s)
		errx(1, "expected a CHALLENGE from node %u, got type %#x from node %u",
		     s->id_s, m.type, m.sender);
	memcpy(s->nonce_s, b + HPC_WIRE_CHALLENGE_NONCE, HPC_WIRE_NONCE_SIZE);
	proof_s(s, want);
	if (CRYPTO_memcmp(want, b + HPC_WIRE_CHALLENGE_PROOF, MAC_SIZE))
		errx(1, "the acceptor's proof does not verify: it holds another key");

	proof_c(s, body + HPC_WIRE_AUTH_PROOF);
	len = msg_build(s, buf, HPC_WIRE_AUTH, 0, 1, 0, body, HPC_WIRE_AUTH_SIZE, 0);
	send_all(s->fd, buf, len);
	session_keys(s);
	s->send_seq = 1;
	s->recv_seq = 1;

	msg_expect(s->fd, &m, "AUTH_OK");
	if (m.type == HPC_WIRE_AUTH_FAIL && m.body_len == HPC_WIRE_AUTH_FAIL_SIZE)
		errx(1, "the node refused our proof: AUTH_FAIL reason %u",
		     get16(msg_body(&m) + HPC_WIRE_AUTH_FAIL_REASON));
	if (m.type != HPC_WIRE_AUTH_OK || m.body_len != HPC_WIRE_AUTH_OK_SIZE)
		errx(1, "expected AUTH_OK, got type %#x", m.type);
	msg_open(s, &m, "AUTH_OK");
}

/* ------------------------------------------------------------------------
 * What is sent after the handshake.
 */

/*
 * The body of a LOAD with one plausible entry about this node. Its age is
 * older than the node's own gossip (every second), so the receiver keeps
 * what it heard from the node itself.
 */
static uint32_t load_body(const struct session *s, uint8_t *body)
{
	uint8_t *e = body + HPC_WIRE_LOAD_ENTRIES;

	memset(body, 0, HPC_WIRE_LOAD_SIZE(1));
	put16(body + HPC_WIRE_LOAD_COUNT, 1);
	put16(e + HPC_WIRE_LE_NODE, s->id_c);
	put16(e + HPC_WIRE_LE_STATUS, HPC_WIRE_LOAD_UP);
	put32(e + HPC_WIRE_LE_AGE_MS, 4000);
	put32(e + HPC_WIRE_LE_LOAD, 0);
	put32(e + HPC_WIRE_LE_SPEED, 10000);
	put16(e + HPC_WIRE_LE_CPUS, 1);
	put16(e + HPC_WIRE_LE_UTIL, 0);
	put64(e + HPC_WIRE_LE_MEM_TOTAL, 256ULL << 20);
	put64(e + HPC_WIRE_LE_MEM_FREE, 128ULL << 20);
	put64(e + HPC_WIRE_LE_MEM_AVAIL, 128ULL << 20);
	return HPC_WIRE_LOAD_SIZE(1);
}

/* Seal a LOAD with sequence number seq into buf; returns its length. */
static size_t load_msg(struct session *s, uint8_t *buf, uint64_t seq)
{
	uint8_t body[HPC_WIRE_LOAD_SIZE(1)];

	return msg_build(s, buf, HPC_WIRE_LOAD, 0, seq, 0, body, load_body(s, body), 1);
}

/* PING with request id 1, and the PONG that must answer it. */
static void ping_pong(struct session *s)
{
	uint8_t buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_PING_SIZE + MAC_SIZE];
	uint8_t body[HPC_WIRE_PING_SIZE];
	uint64_t stamp = 0x6f70656e6d6f7369ULL;	/* "openmosi" */
	struct msg m;
	size_t len;

	put64(body + HPC_WIRE_PING_STAMP, stamp);
	len = msg_build(s, buf, HPC_WIRE_PING, 0, s->send_seq++, 1, body, HPC_WIRE_PING_SIZE, 1);
	send_all(s->fd, buf, len);
	msg_expect(s->fd, &m, "PONG");
	if (m.type != HPC_WIRE_PONG || m.body_len != HPC_WIRE_PING_SIZE ||
	    !(m.flags & HPC_WIRE_F_REPLY) || m.request_id != 1)
		errx(1, "expected a PONG to request 1, got type %#x flags %#x request %u",
		     m.type, m.flags, m.request_id);
	msg_open(s, &m, "PONG");
	if (get64(msg_body(&m) + HPC_WIRE_PING_STAMP) != stamp)
		errx(1, "the PONG does not echo the PING's stamp");
}

/* The node must now close the connection, and say nothing first. */
static int expect_close(int fd)
{
	struct msg m;
	int r;

	r = msg_recv(fd, &m, CLOSE_TIMEOUT_MS);
	if (r == -1) {
		printf("closed\n");
		return 0;
	}
	if (r == -2)
		printf("still open after %d ms\n", CLOSE_TIMEOUT_MS);
	else
		printf("received a message of type %#x instead of a close\n", m.type);
	return 1;
}

static int run(struct session *s, const char *mode)
{
	uint8_t buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_LOAD_SIZE(1) + MAC_SIZE];
	size_t len;

	if (!strcmp(mode, "good") || !strcmp(mode, "replay")) {
		len = load_msg(s, buf, s->send_seq++);
		send_all(s->fd, buf, len);
		ping_pong(s);
		if (!strcmp(mode, "good")) {
			printf("accepted\n");
			return 0;
		}
		send_all(s->fd, buf, len);
	} else if (!strcmp(mode, "forged")) {
		len = load_msg(s, buf, s->send_seq++);
		/* The lowest bit of the entry's load: still a valid body. */
		buf[HPC_WIRE_HEADER_SIZE + HPC_WIRE_LOAD_ENTRIES + HPC_WIRE_LE_LOAD + 3] ^= 1;
		send_all(s->fd, buf, len);
	} else {
		len = load_msg(s, buf, s->send_seq + 1);
		send_all(s->fd, buf, len);
	}
	return expect_close(s->fd);
}

/* ------------------------------------------------------------------------
 * Arguments, known answers, main.
 */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Hex digits to bytes; returns the byte count, or 0 if text is not hex. */
static size_t unhex(const char *text, uint8_t *out, size_t max)
{
	size_t len = strlen(text), i;

	if (len % 2 || len / 2 > max)
		return 0;
	for (i = 0; i < len; i += 2) {
		if (hexval(text[i]) < 0 || hexval(text[i + 1]) < 0)
			return 0;
		out[i / 2] = hexval(text[i]) << 4 | hexval(text[i + 1]);
	}
	return len / 2;
}

static uint16_t parse_id(const char *text, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || *end || v < 1 || v > 65535)
		errx(2, "%s: '%s' is not a number from 1 to 65535", what, text);
	return v;
}

static int check_vector(const char *name, const uint8_t *got, const char *hex)
{
	uint8_t want[MAC_SIZE];

	if (unhex(hex, want, sizeof(want)) != MAC_SIZE || memcmp(got, want, MAC_SIZE)) {
		printf("not ok - %s\n", name);
		return 1;
	}
	printf("ok - %s\n", name);
	return 0;
}

/* The known answers of Documentation/hpc/security.rst, "Test vectors". */
static int selftest(void)
{
	struct session s = { .id_c = 1, .id_s = 2, .keylen = 32 };
	uint8_t mac[MAC_SIZE];
	int bad = 0;
	size_t i;

	for (i = 0; i < s.keylen; i++)
		s.key[i] = i;
	memset(s.nonce_c, 0x11, sizeof(s.nonce_c));
	memset(s.nonce_s, 0x22, sizeof(s.nonce_s));
	if (key_id(s.key, s.keylen) != 0x93ac19a4) {
		printf("not ok - key id\n");
		bad = 1;
	} else {
		printf("ok - key id\n");
	}
	proof_s(&s, mac);
	bad |= check_vector("proof_s", mac,
			    "9c16399e76400b2e03fbd36cce9cb7ecaa29bdacda3272ffd110552d87db89ea");
	proof_c(&s, mac);
	bad |= check_vector("proof_c", mac,
			    "6fc63a019678bf19b18849d394e5da35a92a1bf641f179980a47220b8d1ca0c7");
	session_keys(&s);
	bad |= check_vector("K_c2s", s.k_c2s,
			    "c4bcbfc5c9c4a71a97d96c9a05ac9c1d7c3c3f36283719a9e10e963bb4d7362b");
	bad |= check_vector("K_s2c", s.k_s2c,
			    "96213279d11bda7bb61cc42b096e8f2e46240f5983d7d63d56025f961df194f6");
	return bad;
}

static int dial(const char *addr, const char *port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct timeval tv = { .tv_sec = REPLY_TIMEOUT_MS / 1000 };
	int fd, one = 1;

	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1)
		errx(2, "ADDR: '%s' is not an IPv4 address", addr);
	sin.sin_port = htons(parse_id(port, "PORT"));
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		err(1, "socket");
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		err(1, "connect to %s:%s", addr, port);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

int main(int argc, char **argv)
{
	struct session s = {};
	const char *mode;
	int ret;

	if (argc == 2 && !strcmp(argv[1], "--selftest"))
		return selftest();
	if (argc != 7)
		usage();
	mode = argv[6];
	if (strcmp(mode, "good") && strcmp(mode, "replay") && strcmp(mode, "forged") &&
	    strcmp(mode, "badseq"))
		errx(2, "MODE: '%s' is not good, replay, forged or badseq", mode);
	s.id_c = parse_id(argv[3], "MY_ID");
	s.id_s = parse_id(argv[4], "PEER_ID");
	s.keylen = unhex(argv[5], s.key, sizeof(s.key));
	if (s.keylen < KEY_MIN)
		errx(2, "KEYHEX: not a key of 32 to 128 hexadecimal digits");
	setvbuf(stdout, NULL, _IOLBF, 0);

	s.fd = dial(argv[1], argv[2]);
	handshake(&s);
	ret = run(&s, mode);
	close(s.fd);
	OPENSSL_cleanse(&s, sizeof(s));
	return ret;
}
