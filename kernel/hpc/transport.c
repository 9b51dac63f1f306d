// SPDX-License-Identifier: GPL-2.0-only
/*
 * Authenticated TCP connections between the nodes.
 *
 * Every node listens on one TCP port (hpc.port=, default HPC_PORT). To send
 * to another node, it opens a connection on demand and keeps it: each node
 * sends its own messages on the connections it opened, and the receiving end
 * answers requests on the connection they came in on. A connection starts
 * with the challenge-response handshake of auth.c; after it every message
 * is sealed with the connection's session keys, and one that fails its MAC
 * or its sequence number ends the connection.
 *
 * Each connection has a receiver thread. The transport runs while this node
 * has an id (mospe) and a cluster key; hpc_transport_update() starts and
 * stops it when either changes.
 *
 * Locking: transport_lock (a mutex) serialises start, stop and the table of
 * outgoing connections; it is taken after hpc_nodes_lock, never before.
 * It is held while waiting for receiver threads to end, so a receiver never
 * takes it: a receiver answers on its own connection (conn_send()) and
 * leaves any other send to a worker.
 * conns_lock (a spinlock) protects the list of live connections; a node's
 * information lock (node.c) may be taken under it. A connection is
 * refcounted: its receiver thread holds one reference, the table of
 * outgoing connections another.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/completion.h>
#include <linux/in.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/xarray.h>
#include <net/sock.h>
#include <net/tcp.h>

#include <hpc/protocol.h>

#include "auth.h"
#include "chan.h"
#include "loadinfo.h"
#include "node.h"
#include "transport.h"
#include "wire.h"

/* The well-known port of openMosix nodes; hpc.port= on the command line. */
#define HPC_DEFAULT_PORT	4660

static ushort port = HPC_DEFAULT_PORT;
module_param(port, ushort, 0444);
MODULE_PARM_DESC(port, "TCP port of the cluster transport");

/* How long a handshake, or a connect, may take. */
#define HANDSHAKE_TIMEOUT	(5 * HZ)
#define CONNECT_TIMEOUT		HZ
/* A send that cannot go on for this long fails and ends the connection. */
#define SEND_TIMEOUT		(30 * HZ)
/* After a failed connect, leave that node alone for this long. */
#define RETRY_DELAY		(5 * HZ)

struct hpc_conn {
	struct socket *sock;
	unsigned int peer;		/* node id, once authenticated */
	__be32 peer_addr;
	bool outgoing;
	bool dead;			/* ended, or ending: never send on it again */
	unsigned long since;		/* jiffies when it was opened */
	struct hpc_session session;
	struct mutex send_lock;		/* serialises seals and sends */
	struct completion rx_done;
	struct kref ref;
	struct list_head link;		/* in conns, under conns_lock */
	union hpc_wire_body rx_body;	/* the receiver's, off its stack */
	void *rx_raw;			/* a migration message's body, for rx_body.mig */
};

static DEFINE_MUTEX(transport_lock);
static bool running;
static struct socket *listen_sock;
static struct task_struct *listener;
static DEFINE_XARRAY(outgoing);		/* node id -> struct hpc_conn * */
static DEFINE_XARRAY(retry_at);		/* node id -> jiffies, as xa_mk_value */
static DEFINE_SPINLOCK(conns_lock);
static LIST_HEAD(conns);

static void conn_release(struct kref *ref)
{
	struct hpc_conn *c = container_of(ref, struct hpc_conn, ref);

	sock_release(c->sock);
	hpc_session_destroy(&c->session);
	kfree_sensitive(c);
}

static void conn_put(struct hpc_conn *c)
{
	kref_put(&c->ref, conn_release);
}

static struct hpc_conn *conn_alloc(struct socket *sock, bool outgoing)
{
	struct hpc_conn *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->sock = sock;
	c->outgoing = outgoing;
	c->since = jiffies;
	mutex_init(&c->send_lock);
	init_completion(&c->rx_done);
	kref_init(&c->ref);
	INIT_LIST_HEAD(&c->link);
	return c;
}

/* Wake the receiver of a connection and make every later send fail. */
static void conn_shutdown(struct hpc_conn *c)
{
	kernel_sock_shutdown(c->sock, SHUT_RDWR);
}

static int recv_exact(struct socket *sock, void *buf, size_t len)
{
	struct kvec vec = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = { .msg_flags = MSG_WAITALL | MSG_NOSIGNAL };
	int ret;

	ret = kernel_recvmsg(sock, &msg, &vec, 1, len, msg.msg_flags);
	if (ret == len)
		return 0;
	return ret < 0 ? ret : -ECONNRESET;
}

/*
 * Send one message. Handshake messages go before any session exists and
 * carry a zero trailer; every later one is sealed.
 */
static int conn_send(struct hpc_conn *c, unsigned int type, u16 flags, u32 request_id,
		     const union hpc_wire_body *b, bool sealed)
{
	struct hpc_wire_header h = {
		.type = type, .flags = flags, .request_id = request_id,
		.sender = hpc_nodes_self(), .seq = 1,
	};
	struct msghdr msg = { .msg_flags = MSG_NOSIGNAL };
	struct kvec vec;
	int size, len, ret;
	u8 *buf;

	size = hpc_wire_body_size(type, b);
	if (size < 0)
		return size;
	size += HPC_WIRE_HEADER_SIZE + HPC_WIRE_MAC_SIZE;
	buf = kvzalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	mutex_lock(&c->send_lock);
	if (sealed)
		h.seq = hpc_session_next_seq(&c->session);
	len = hpc_wire_msg_encode(&h, b, buf, size);
	if (len < 0) {
		ret = len;
		goto out;
	}
	if (sealed) {
		ret = hpc_session_seal(&c->session, buf, HPC_WIRE_HEADER_SIZE,
				       buf + HPC_WIRE_HEADER_SIZE, len - HPC_WIRE_HEADER_SIZE,
				       buf + len);
		if (ret)
			goto out;
	}
	vec.iov_base = buf;
	vec.iov_len = len + HPC_WIRE_MAC_SIZE;
	ret = kernel_sendmsg(c->sock, &msg, &vec, 1, vec.iov_len);
	ret = ret == vec.iov_len ? 0 : (ret < 0 ? ret : -EIO);
out:
	mutex_unlock(&c->send_lock);
	kvfree(buf);
	return ret;
}

/*
 * Receive one message into h and c->rx_body. Sealed messages must pass the
 * session's MAC and sequence checks and come from the authenticated peer.
 */
static int conn_recv(struct hpc_conn *c, struct hpc_wire_header *h, bool sealed)
{
	u8 hdr[HPC_WIRE_HEADER_SIZE], mac[HPC_WIRE_MAC_SIZE];
	u8 *body = NULL;
	int ret;

	ret = recv_exact(c->sock, hdr, sizeof(hdr));
	if (ret)
		return ret;
	ret = hpc_wire_header_decode(h, hdr, sizeof(hdr));
	if (ret)
		return ret;
	if (h->body_len) {
		body = kvmalloc(h->body_len, GFP_KERNEL);
		if (!body)
			return -ENOMEM;
		ret = recv_exact(c->sock, body, h->body_len);
		if (ret)
			goto out;
	}
	ret = recv_exact(c->sock, mac, sizeof(mac));
	if (ret)
		goto out;
	if (sealed)
		ret = hpc_session_open(&c->session, hdr, sizeof(hdr), body, h->body_len,
				       mac, h->seq);
	else if (memchr_inv(mac, 0, sizeof(mac)))
		ret = -EBADMSG;
	if (!ret && c->peer && h->sender != c->peer)
		ret = -EBADMSG;
	if (!ret)
		ret = hpc_wire_body_decode(h, &c->rx_body, body, h->body_len);
	if (!ret && hpc_wire_type_is_mig(h->type)) {
		/* rx_body.mig points into the body: it goes to chan.c with it. */
		c->rx_raw = body;
		body = NULL;
	}
out:
	kvfree(body);
	return ret;
}

static void send_auth_fail(struct hpc_conn *c, u16 reason)
{
	union hpc_wire_body b = { .auth_fail = { .reason = reason } };

	conn_send(c, HPC_WIRE_AUTH_FAIL, 0, 0, &b, false);
}

static const char *auth_fail_text(u16 reason)
{
	switch (reason) {
	case HPC_WIRE_AUTH_FAIL_PROOF:
		return "its proof of the cluster key is wrong";
	case HPC_WIRE_AUTH_FAIL_KEY:
		return "it holds a different cluster key";
	case HPC_WIRE_AUTH_FAIL_NODE:
		return "it is not in the node table at that address";
	case HPC_WIRE_AUTH_FAIL_DUPLICATE:
		return "it is already connected";
	default:
		return "protocol error";
	}
}

/* The acceptor's side of the handshake; on success c->peer is set. */
static int handshake_accept(struct hpc_conn *c)
{
	union hpc_wire_body *b = &c->rx_body, out = {};
	u8 proof[HPC_AUTH_PROOF_SIZE] = {};
	struct hpc_auth_transcript t = {};
	struct hpc_auth_key *key;
	struct hpc_wire_header h;
	struct hpc_node *node;
	bool known;
	int ret;

	ret = conn_recv(c, &h, false);
	if (ret || h.type != HPC_WIRE_HELLO) {
		pr_warn_ratelimited("connection from %pI4 refused: no valid HELLO (%d)\n",
				    &c->peer_addr, ret);
		return ret ? ret : -EPROTO;
	}
	rcu_read_lock();
	node = hpc_node_find(b->hello.node);
	known = node && node->addr == c->peer_addr && node->id != hpc_nodes_self();
	rcu_read_unlock();
	if (!known) {
		pr_warn_ratelimited("connection from %pI4 refused: node %u is not in the node table at that address\n",
				    &c->peer_addr, b->hello.node);
		send_auth_fail(c, HPC_WIRE_AUTH_FAIL_NODE);
		return -EACCES;
	}
	key = hpc_auth_key_get();
	if (!key || b->hello.key_id != hpc_auth_key_ident(key)) {
		pr_warn_ratelimited("node %u (%pI4) refused: it holds a different cluster key\n",
				    b->hello.node, &c->peer_addr);
		send_auth_fail(c, HPC_WIRE_AUTH_FAIL_KEY);
		ret = -EACCES;
		goto out;
	}
	t.id_c = b->hello.node;
	t.id_s = hpc_nodes_self();
	memcpy(t.nonce_c, b->hello.nonce, HPC_AUTH_NONCE_SIZE);
	hpc_auth_nonce_make(t.nonce_s);

	out.challenge.node = t.id_s;
	memcpy(out.challenge.nonce, t.nonce_s, HPC_AUTH_NONCE_SIZE);
	ret = hpc_auth_proof_make(key, HPC_AUTH_ACCEPTOR, &t, out.challenge.proof);
	if (!ret)
		ret = conn_send(c, HPC_WIRE_CHALLENGE, 0, 0, &out, false);
	if (!ret)
		ret = conn_recv(c, &h, false);
	if (ret)
		goto out;
	if (h.type == HPC_WIRE_AUTH)
		memcpy(proof, b->auth.proof, sizeof(proof));
	if (h.type != HPC_WIRE_AUTH || h.sender != t.id_c ||
	    hpc_auth_proof_check(key, HPC_AUTH_CONNECTOR, &t, proof)) {
		pr_warn_ratelimited("node %u (%pI4) refused: its proof of the cluster key is wrong\n",
				    t.id_c, &c->peer_addr);
		send_auth_fail(c, HPC_WIRE_AUTH_FAIL_PROOF);
		ret = -EACCES;
		goto out;
	}
	ret = hpc_auth_session_start(key, HPC_AUTH_ACCEPTOR, &t, &c->session);
	if (ret)
		goto out;
	c->peer = t.id_c;
	ret = conn_send(c, HPC_WIRE_AUTH_OK, 0, 0, NULL, true);
out:
	memzero_explicit(&t, sizeof(t));
	if (key)
		hpc_auth_key_put(key);
	return ret;
}

/* The connector's side of the handshake, with node id at c->peer_addr. */
static int handshake_connect(struct hpc_conn *c, unsigned int id)
{
	union hpc_wire_body *b = &c->rx_body, out = {};
	struct hpc_auth_transcript t = {};
	struct hpc_auth_key *key;
	struct hpc_wire_header h;
	int ret;

	key = hpc_auth_key_get();
	if (!key)
		return -ENOKEY;
	t.id_c = hpc_nodes_self();
	t.id_s = id;
	hpc_auth_nonce_make(t.nonce_c);
	out.hello.node = t.id_c;
	out.hello.key_id = hpc_auth_key_ident(key);
	memcpy(out.hello.nonce, t.nonce_c, HPC_AUTH_NONCE_SIZE);
	ret = conn_send(c, HPC_WIRE_HELLO, 0, 0, &out, false);
	if (!ret)
		ret = conn_recv(c, &h, false);
	if (ret)
		goto out;
	if (h.type == HPC_WIRE_AUTH_FAIL) {
		pr_warn_ratelimited("node %u (%pI4) refused us: %s\n", id, &c->peer_addr,
				    auth_fail_text(b->auth_fail.reason));
		ret = -EACCES;
		goto out;
	}
	if (h.type != HPC_WIRE_CHALLENGE || h.sender != id) {
		ret = -EPROTO;
		goto out;
	}
	memcpy(t.nonce_s, b->challenge.nonce, HPC_AUTH_NONCE_SIZE);
	if (hpc_auth_proof_check(key, HPC_AUTH_ACCEPTOR, &t, b->challenge.proof)) {
		pr_warn_ratelimited("node %u (%pI4) refused: its proof of the cluster key is wrong\n",
				    id, &c->peer_addr);
		ret = -EACCES;
		goto out;
	}
	memset(&out, 0, sizeof(out));
	ret = hpc_auth_proof_make(key, HPC_AUTH_CONNECTOR, &t, out.auth.proof);
	if (!ret)
		ret = conn_send(c, HPC_WIRE_AUTH, 0, 0, &out, false);
	if (!ret)
		ret = hpc_auth_session_start(key, HPC_AUTH_CONNECTOR, &t, &c->session);
	if (ret)
		goto out;
	c->peer = id;
	/* AUTH_OK is the first sealed message: it confirms both keys. */
	ret = conn_recv(c, &h, true);
	if (!ret && h.type != HPC_WIRE_AUTH_OK)
		ret = -EPROTO;
	if (ret == -EBADMSG || ret == -EPROTO) {
		/* A refusal comes unsealed: see whether that is what it was. */
		pr_warn_ratelimited("node %u (%pI4) did not accept our proof\n", id, &c->peer_addr);
		ret = -EACCES;
	}
out:
	memzero_explicit(&t, sizeof(t));
	hpc_auth_key_put(key);
	return ret;
}

static void dispatch(struct hpc_conn *c, const struct hpc_wire_header *h)
{
	switch (h->type) {
	case HPC_WIRE_LOAD:
		hpc_loadinfo_receive(c->peer, &c->rx_body.load);
		break;
	case HPC_WIRE_PING:
		/* The body is the timestamp to echo: answer with it as it is. */
		conn_send(c, HPC_WIRE_PONG, HPC_WIRE_F_REPLY, h->request_id, &c->rx_body, true);
		break;
	default:
		if (hpc_wire_type_is_mig(h->type)) {
			hpc_chan_receive(c->peer, h->type, &c->rx_body.mig, c->rx_raw);
			c->rx_raw = NULL;
		}
		break;
	}
}

static int receiver(void *data)
{
	struct hpc_conn *c = data;
	struct hpc_wire_header h;
	int ret = 0;

	if (!c->outgoing) {
		ret = handshake_accept(c);
		if (!ret)
			pr_debug("node %u (%pI4) connected\n", c->peer, &c->peer_addr);
	}
	c->sock->sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	c->sock->sk->sk_sndtimeo = SEND_TIMEOUT;
	while (!ret) {
		ret = conn_recv(c, &h, true);
		if (ret == -EBADMSG || ret == -EPROTO) {
			pr_warn_ratelimited("node %u (%pI4): message refused (%s): closing the connection\n",
					    c->peer, &c->peer_addr, hpc_auth_strerror(ret));
			break;
		}
		if (ret)
			break;
		if (h.type == HPC_WIRE_GOODBYE)
			break;
		dispatch(c, &h);
	}
	WRITE_ONCE(c->dead, true);
	conn_shutdown(c);
	spin_lock(&conns_lock);
	list_del_init(&c->link);
	spin_unlock(&conns_lock);
	complete(&c->rx_done);
	conn_put(c);
	return 0;
}

/* Start the receiver of a connection; it owns one reference. */
static int conn_start(struct hpc_conn *c)
{
	struct task_struct *task;

	kref_get(&c->ref);
	spin_lock(&conns_lock);
	list_add(&c->link, &conns);
	spin_unlock(&conns_lock);
	task = kthread_run(receiver, c, "hpc-rx/%u", c->peer);
	if (IS_ERR(task)) {
		spin_lock(&conns_lock);
		list_del_init(&c->link);
		spin_unlock(&conns_lock);
		complete(&c->rx_done);
		conn_put(c);
		return PTR_ERR(task);
	}
	return 0;
}

static int conn_open(unsigned int id, struct hpc_conn **cp)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port) };
	struct hpc_node *node;
	struct socket *sock;
	struct hpc_conn *c;
	int ret;

	rcu_read_lock();
	node = hpc_node_find(id);
	if (node)
		sin.sin_addr.s_addr = node->addr;
	rcu_read_unlock();
	if (!node)
		return -ENOENT;

	ret = sock_create_kern(&init_net, AF_INET, SOCK_STREAM, IPPROTO_TCP, &sock);
	if (ret)
		return ret;
	c = conn_alloc(sock, true);
	if (!c) {
		sock_release(sock);
		return -ENOMEM;
	}
	c->peer_addr = sin.sin_addr.s_addr;
	sock->sk->sk_sndtimeo = CONNECT_TIMEOUT;
	sock->sk->sk_rcvtimeo = HANDSHAKE_TIMEOUT;
	ret = kernel_connect(sock, (struct sockaddr *)&sin, sizeof(sin), 0);
	if (!ret) {
		tcp_sock_set_nodelay(sock->sk);
		sock->sk->sk_sndtimeo = HANDSHAKE_TIMEOUT;
		ret = handshake_connect(c, id);
		sock->sk->sk_sndtimeo = SEND_TIMEOUT;
	}
	if (!ret)
		ret = conn_start(c);
	if (ret) {
		conn_put(c);
		return ret;
	}
	*cp = c;
	return 0;
}

/**
 * hpc_transport_send() - send a message to another node
 * @id:   the node
 * @type: the message type
 * @body: its body
 *
 * Opens and authenticates a connection to the node if there is none yet;
 * after a failed attempt the node is left alone for RETRY_DELAY. May sleep
 * for up to the connect and handshake timeouts.
 *
 * Return: 0, -ENOTCONN if the transport is not running, -EAGAIN while the
 * node is left alone, or the error that stopped the connection or send.
 */
int hpc_transport_send(unsigned int id, unsigned int type, const union hpc_wire_body *body)
{
	struct hpc_conn *c;
	void *retry;
	int ret;

	/* See "Locking" above: conns_close() would wait for us forever. */
	WARN_ON_ONCE(kthread_func(current) == receiver);
	mutex_lock(&transport_lock);
	if (!running) {
		mutex_unlock(&transport_lock);
		return -ENOTCONN;
	}
	c = xa_load(&outgoing, id);
	if (c && READ_ONCE(c->dead)) {
		xa_erase(&outgoing, id);
		conn_put(c);
		c = NULL;
	}
	if (!c) {
		retry = xa_load(&retry_at, id);
		if (retry && time_before(jiffies, xa_to_value(retry))) {
			mutex_unlock(&transport_lock);
			return -EAGAIN;
		}
		ret = conn_open(id, &c);
		if (ret) {
			xa_store(&retry_at, id, xa_mk_value(jiffies + RETRY_DELAY), GFP_KERNEL);
			mutex_unlock(&transport_lock);
			pr_debug("cannot connect to node %u: %d\n", id, ret);
			return ret;
		}
		xa_erase(&retry_at, id);
		xa_store(&outgoing, id, c, GFP_KERNEL);
	}
	kref_get(&c->ref);
	mutex_unlock(&transport_lock);

	ret = conn_send(c, type, 0, 0, body, true);
	if (ret)
		conn_shutdown(c);
	conn_put(c);
	return ret;
}

static int listen_loop(void *unused)
{
	while (!kthread_should_stop()) {
		struct hpc_conn *c;
		struct sockaddr_in sin;
		struct socket *sock;

		if (kernel_accept(listen_sock, &sock, 0)) {
			if (!kthread_should_stop())
				schedule_timeout_interruptible(HZ / 10);
			continue;
		}
		c = conn_alloc(sock, false);
		if (!c || kernel_getpeername(sock, (struct sockaddr *)&sin) < 0) {
			kfree(c);
			sock_release(sock);
			continue;
		}
		c->peer_addr = sin.sin_addr.s_addr;
		sock->sk->sk_rcvtimeo = HANDSHAKE_TIMEOUT;
		sock->sk->sk_sndtimeo = HANDSHAKE_TIMEOUT;
		tcp_sock_set_nodelay(sock->sk);
		conn_start(c);
		conn_put(c);
	}
	return 0;
}

static int transport_start(void)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_ANY),
		.sin_port = htons(port),
	};
	int ret;

	lockdep_assert_held(&transport_lock);
	ret = sock_create_kern(&init_net, AF_INET, SOCK_STREAM, IPPROTO_TCP, &listen_sock);
	if (ret)
		return ret;
	sock_set_reuseaddr(listen_sock->sk);
	ret = kernel_bind(listen_sock, (struct sockaddr *)&sin, sizeof(sin));
	if (!ret)
		ret = kernel_listen(listen_sock, 64);
	if (!ret) {
		listener = kthread_run(listen_loop, NULL, "hpc-listen");
		if (IS_ERR(listener))
			ret = PTR_ERR(listener);
	}
	if (ret) {
		sock_release(listen_sock);
		listen_sock = NULL;
		return ret;
	}
	running = true;
	pr_info("transport listening on port %u\n", port);
	return 0;
}

#define CONN_BATCH	16

/* Take a reference to up to CONN_BATCH live connections that @match picks. */
static int conns_collect(struct hpc_conn **batch,
			 bool (*match)(struct hpc_conn *c, unsigned int id), unsigned int id)
{
	struct hpc_conn *c;
	int n = 0;

	spin_lock(&conns_lock);
	list_for_each_entry(c, &conns, link) {
		if (!match(c, id))
			continue;
		kref_get(&c->ref);
		batch[n++] = c;
		if (n == CONN_BATCH)
			break;
	}
	spin_unlock(&conns_lock);
	return n;
}

static bool conn_of(struct hpc_conn *c, unsigned int id)
{
	return !id || c->peer == id;
}

/* Shut down every live connection matching id (0: all) and wait for them. */
static void conns_close(unsigned int id)
{
	struct hpc_conn *batch[CONN_BATCH];
	int n, i;

	lockdep_assert_held(&transport_lock);
	do {
		n = conns_collect(batch, conn_of, id);
		for (i = 0; i < n; i++) {
			conn_shutdown(batch[i]);
			wait_for_completion(&batch[i]->rx_done);
			conn_put(batch[i]);
		}
	} while (n);
}

static void transport_stop(void)
{
	struct hpc_conn *c;
	unsigned long id;

	lockdep_assert_held(&transport_lock);
	running = false;
	kernel_sock_shutdown(listen_sock, SHUT_RDWR);
	kthread_stop(listener);
	sock_release(listen_sock);
	listen_sock = NULL;
	conns_close(0);
	xa_for_each(&outgoing, id, c) {
		xa_erase(&outgoing, id);
		conn_put(c);
	}
	xa_destroy(&retry_at);
	pr_info("transport stopped\n");
}

static void transport_update(bool restart)
{
	bool want = hpc_nodes_self() && hpc_auth_has_key();
	int ret;

	mutex_lock(&transport_lock);
	if (restart && running)
		transport_stop();
	if (want && !running) {
		ret = transport_start();
		if (ret)
			pr_err("cannot listen on port %u: %d\n", port, ret);
	} else if (!want && running) {
		transport_stop();
	}
	mutex_unlock(&transport_lock);
}

/**
 * hpc_transport_update() - start or stop the transport as the settings say
 *
 * It runs while this node has an id (mospe) and a cluster key.
 */
void hpc_transport_update(void)
{
	transport_update(false);
}

/**
 * hpc_transport_rekey() - the cluster key changed: authenticate everyone again
 *
 * Established sessions were authenticated with the old key; closing them
 * makes every node prove again that it holds the new one.
 */
void hpc_transport_rekey(void)
{
	transport_update(true);
}

/**
 * hpc_transport_forget() - drop every connection with a node
 * @id: the node, which left the table or changed its address
 */
void hpc_transport_forget(unsigned int id)
{
	struct hpc_conn *c;

	mutex_lock(&transport_lock);
	c = xa_erase(&outgoing, id);
	if (c)
		conn_put(c);
	xa_erase(&retry_at, id);
	if (running)
		conns_close(id);
	mutex_unlock(&transport_lock);
}

/* A live connection, older than the grace, with a node that is lost. */
static bool conn_lost(struct hpc_conn *c, unsigned int unused)
{
	return c->peer && !READ_ONCE(c->dead) &&
	       time_after_eq(jiffies, c->since + msecs_to_jiffies(HPC_NODE_LOST_MS)) &&
	       hpc_node_lost(c->peer);
}

/**
 * hpc_transport_drop_lost() - close the connections of lost nodes
 *
 * A connection that lived through a network outage may keep its data in
 * TCP's retransmission queue, backed off for tens of seconds, long after
 * the link is back: a migration offered on it would time out. Once a node
 * is lost (node.h), every connection with it older than HPC_NODE_LOST_MS is
 * closed; the next message to the node opens a fresh one.
 *
 * Unlike conns_close(), this neither takes transport_lock nor waits for
 * the receivers: it runs in the load gossip thread, which must go on
 * every second. A connection marked dead here is never sent on again.
 */
void hpc_transport_drop_lost(void)
{
	struct hpc_conn *batch[CONN_BATCH];
	unsigned int lost = 0;
	int n, i;

	do {
		n = conns_collect(batch, conn_lost, 0);
		for (i = 0; i < n; i++) {
			WRITE_ONCE(batch[i]->dead, true);
			if (batch[i]->peer != lost) {
				lost = batch[i]->peer;
				pr_info("node %u is lost: closing its connections\n", lost);
			}
			conn_shutdown(batch[i]);
			conn_put(batch[i]);
		}
	} while (n);
}

/**
 * hpc_transport_running() - whether this node takes part in the cluster now
 */
bool hpc_transport_running(void)
{
	return READ_ONCE(running);
}
