// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: parse and check node maps, read and write the kernel's table.
 *
 * Lines are read one at a time from a file or a string through a tiny
 * source abstraction, stripped of comments, split into fields and checked
 * in the order a reader would: syntax, then the values on their own, then
 * against the ranges of the lines before. The first problem ends the parse.
 */
#include <ctype.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "hpc.h"
#include "map.h"

#define FIELDS_MAX	4	/* we want 3; one more tells "too many" */

struct source {
	FILE *f;		/* read from f, or else from text */
	const char *text;
	size_t pos;
};

struct parser {
	struct hpc_map *map;
	const char *name;
	unsigned int line;
	char *msg;
	size_t size;
};

/* Addresses that can never be a node's. */
static const struct {
	uint32_t lo, hi;
	const char *why;
} bad_blocks[] = {
	{ 0x00000000, 0x00ffffff, "is in 0.0.0.0/8 (\"this network\"), not a node address" },
	{ 0x7f000000, 0x7fffffff, "is a loopback address: loopback cannot reach other nodes, every node would think it is itself" },
	{ 0xe0000000, 0xefffffff, "is a multicast address (224.0.0.0/4), not a node address" },
	{ 0xf0000000, 0xfffffffe, "is a reserved address (240.0.0.0/4), not a node address" },
	{ 0xffffffff, 0xffffffff, "is the broadcast address, not a node address" },
};

static int source_getc(struct source *src)
{
	if (src->f)
		return getc(src->f);
	if (!src->text[src->pos])
		return EOF;
	return (unsigned char)src->text[src->pos++];
}

static int fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->line)
		n = snprintf(p->msg, p->size, "%s:%u: ", p->name, p->line);
	else
		n = snprintf(p->msg, p->size, "%s: ", p->name);
	if (n < 0 || (size_t)n >= p->size)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->msg + n, p->size - n, fmt, ap);
	va_end(ap);
	return -1;
}


char *hpc_addr_format(uint32_t addr, char buf[HPC_ADDR_STRLEN])
{
	snprintf(buf, HPC_ADDR_STRLEN, "%u.%u.%u.%u", addr >> 24,
		 (addr >> 16) & 0xff, (addr >> 8) & 0xff, addr & 0xff);
	return buf;
}

int hpc_addr_parse(const char *s, uint32_t *addr)
{
	uint32_t a = 0;
	int part, len;
	unsigned int v;

	for (part = 0; part < 4; part++) {
		if (part && *s++ != '.')
			return -1;
		for (v = 0, len = 0; isdigit((unsigned char)s[len]); len++)
			v = v * 10 + (s[len] - '0');
		if (len == 0 || len > 3 || v > 255 || (len > 1 && *s == '0'))
			return -1;
		a = a << 8 | v;
		s += len;
	}
	if (*s)
		return -1;
	*addr = a;
	return 0;
}

/* A decimal number; anything past 10 digits is just "too big". */
static int parse_number(const char *s, unsigned long long *val)
{
	unsigned long long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		if (v < 10000000000ULL)
			v = v * 10 + (*s - '0');
	}
	*val = v;
	return 0;
}

static int split(char *line, char *field[FIELDS_MAX])
{
	char *p = line;
	int n = 0;

	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			return n;
		if (n < FIELDS_MAX)
			field[n] = p;
		n++;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static int parse_id(struct parser *p, const char *what, const char *tok,
		    unsigned int *val)
{
	char buf[HPC_SHOWN_MAX + 4];
	unsigned long long v;

	if (parse_number(tok, &v) < 0)
		return fail(p, "%s '%s' is not a number", what, hpc_shown(tok, buf));
	if (v < 1 || v > HPC_MAX_NODE)
		return fail(p, "%s %s is out of range (1-%u)", what,
			    hpc_shown(tok, buf), HPC_MAX_NODE);
	*val = v;
	return 0;
}

static int parse_address(struct parser *p, const char *tok, uint32_t *addr)
{
	char buf[HPC_SHOWN_MAX + 4];
	const char *c;

	if (hpc_addr_parse(tok, addr) == 0)
		return 0;
	for (c = tok; *c; c++)
		if (isalpha((unsigned char)*c))
			return fail(p, "address '%s' is not a dotted IPv4 address (host names are not accepted)",
				    hpc_shown(tok, buf));
	return fail(p, "address '%s' is not a dotted IPv4 address (A.B.C.D, each 0-255, no leading zeros)",
		    hpc_shown(tok, buf));
}

/* The values of one range on their own. */
static int check_range(struct parser *p, const struct hpc_range *r)
{
	uint64_t last = (uint64_t)r->addr + r->count - 1;
	char a[HPC_ADDR_STRLEN];
	uint32_t bad;
	size_t i;

	if (r->first + r->count - 1 > HPC_MAX_NODE)
		return fail(p, "node ids %u-%u run past %u", r->first,
			    r->first + r->count - 1, HPC_MAX_NODE);
	if (last > 0xffffffff)
		return fail(p, "%u addresses from %s wrap past 255.255.255.255",
			    r->count, hpc_addr_format(r->addr, a));
	for (i = 0; i < sizeof(bad_blocks) / sizeof(bad_blocks[0]); i++) {
		if (r->addr > bad_blocks[i].hi || last < bad_blocks[i].lo)
			continue;
		bad = r->addr > bad_blocks[i].lo ? r->addr : bad_blocks[i].lo;
		return fail(p, "address %s of node %u %s",
			    hpc_addr_format(bad, a),
			    r->first + (bad - r->addr), bad_blocks[i].why);
	}
	return 0;
}

/* One range against the ranges before it. */
static int check_conflicts(struct parser *p, const struct hpc_range *r)
{
	const struct hpc_map *map = p->map;
	unsigned int i, last = r->first + r->count - 1, olast;
	uint32_t end = r->addr + (r->count - 1), oend, dup;
	char a[HPC_ADDR_STRLEN];
	const struct hpc_range *o;

	for (i = 0; i < map->nr; i++) {
		o = &map->range[i];
		olast = o->first + o->count - 1;
		if (r->first <= olast && o->first <= last)
			return fail(p, "node ids %u-%u overlap ids %u-%u of line %u",
				    r->first, last, o->first, olast, o->line);
	}
	for (i = 0; i < map->nr; i++) {
		o = &map->range[i];
		oend = o->addr + (o->count - 1);
		if (r->addr > oend || o->addr > end)
			continue;
		dup = r->addr > o->addr ? r->addr : o->addr;
		return fail(p, "address %s of node %u is already node %u (line %u)",
			    hpc_addr_format(dup, a), r->first + (dup - r->addr),
			    o->first + (dup - o->addr), o->line);
	}
	return 0;
}

static int parse_line(struct parser *p, char *line)
{
	char *field[FIELDS_MAX], *hash = strchr(line, '#');
	struct hpc_range r = { .line = p->line };
	int n;

	if (hash)
		*hash = '\0';
	n = split(line, field);
	if (n == 0)
		return 0;
	if (n == 3 && strcasecmp(field[2], "ALIAS") == 0)
		return fail(p, "ALIAS lines (a gateway's other addresses) are not supported");
	if (n != 3)
		return fail(p, "expected 3 fields (FIRST-ID ADDRESS COUNT), found %d", n);
	if (parse_id(p, "node id", field[0], &r.first) < 0 ||
	    parse_address(p, field[1], &r.addr) < 0 ||
	    parse_id(p, "count", field[2], &r.count) < 0 ||
	    check_range(p, &r) < 0)
		return -1;
	if (p->map->nr == HPC_MAP_MAX_RANGES)
		return fail(p, "too many ranges (at most %d)", HPC_MAP_MAX_RANGES);
	if (check_conflicts(p, &r) < 0)
		return -1;
	p->map->range[p->map->nr++] = r;
	return 0;
}

/*
 * Read one line into buf. A line too long for buf keeps its start and
 * reports *toolong; the rest is skipped. 1: a line, 0: end, -1: read error.
 */
static int read_line(struct source *src, char *buf, size_t size, bool *toolong,
		     bool *nul)
{
	size_t len = 0;
	int c;

	*toolong = *nul = false;
	while ((c = source_getc(src)) != EOF && c != '\n') {
		if (c == '\0')
			*nul = true;
		if (len < size - 1)
			buf[len++] = c;
		else
			*toolong = true;
	}
	buf[len] = '\0';
	if (src->f && ferror(src->f))
		return -1;
	return c != EOF || len > 0 || *toolong || *nul;
}

static int parse_source(struct hpc_map *map, struct source *src,
			const char *name, char *msg, size_t size)
{
	struct parser p = { map, name, 0, msg, size };
	char buf[HPC_MAP_LINE_MAX];
	bool toolong, nul;
	int r;

	map->nr = 0;
	while ((r = read_line(src, buf, sizeof(buf), &toolong, &nul)) > 0) {
		p.line++;
		if (nul)
			return fail(&p, "line contains a NUL byte (is this a text file?)");
		if (toolong && !strchr(buf, '#'))
			return fail(&p, "line too long (more than %d characters)",
				    HPC_MAP_LINE_MAX - 1);
		if (parse_line(&p, buf) < 0)
			return -1;
	}
	if (r < 0) {
		p.line = 0;
		return fail(&p, "%s", strerror(errno));
	}
	return 0;
}

int hpc_map_parse(struct hpc_map *map, FILE *f, const char *name,
		  char *msg, size_t size)
{
	struct source src = { .f = f };

	return parse_source(map, &src, name, msg, size);
}

int hpc_map_parse_text(struct hpc_map *map, const char *text,
		       const char *name, char *msg, size_t size)
{
	struct source src = { .text = text };

	return parse_source(map, &src, name, msg, size);
}

int hpc_map_load(struct hpc_map *map, const char *path, char *msg, size_t size)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "(standard input)" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "r");
	int r;

	if (!f) {
		snprintf(msg, size, "%s: %s", path, strerror(errno));
		return -1;
	}
	r = hpc_map_parse(map, f, name, msg, size);
	if (!is_stdin)
		fclose(f);
	return r;
}

int hpc_map_format(const struct hpc_map *map, char *buf, size_t size)
{
	char a[HPC_ADDR_STRLEN];
	size_t len = 0;
	unsigned int i;
	int n;

	if (size == 0)
		return -1;
	buf[0] = '\0';
	for (i = 0; i < map->nr; i++) {
		const struct hpc_range *r = &map->range[i];

		n = snprintf(buf + len, size - len, "%u %s %u\n", r->first,
			     hpc_addr_format(r->addr, a), r->count);
		if (n < 0 || (size_t)n >= size - len)
			return -1;
		len += n;
	}
	return len;
}

unsigned int hpc_map_nodes(const struct hpc_map *map)
{
	unsigned int i, n = 0;

	for (i = 0; i < map->nr; i++)
		n += map->range[i].count;
	return n;
}

unsigned int hpc_map_lookup(const struct hpc_map *map, uint32_t addr)
{
	const struct hpc_range *r;
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		if (addr >= r->addr && addr - r->addr < r->count)
			return r->first + (addr - r->addr);
	}
	return 0;
}

int hpc_map_kernel_present(char *msg, size_t size)
{
	char path[4096];
	struct stat st;

	if (hpc_path(path, sizeof(path), "hpc") < 0) {
		snprintf(msg, size, "%s/hpc: %s", hpc_proc_root(), strerror(errno));
		return -1;
	}
	if (stat(path, &st) < 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			snprintf(msg, size, "%s: %s", path, strerror(errno));
			return -1;
		}
	} else if (S_ISDIR(st.st_mode)) {
		return 0;
	}
	snprintf(msg, size, "%s does not exist: not an openMosix kernel", path);
	return -1;
}

int hpc_map_read_kernel(struct hpc_map *map, char *msg, size_t size)
{
	char path[4096], text[HPC_MAP_TEXT_MAX + 2];

	if (hpc_path(path, sizeof(path), "hpc/admin/config") < 0)
		strcpy(path, "hpc/admin/config");
	if (hpc_read_text("hpc/admin/config", text, sizeof(text)) < 0) {
		snprintf(msg, size, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (strlen(text) >= sizeof(text) - 2) {
		snprintf(msg, size, "%s: table larger than %d bytes", path,
			 HPC_MAP_TEXT_MAX - 1);
		return -1;
	}
	return hpc_map_parse_text(map, text, path, msg, size);
}

int hpc_map_write_kernel(const struct hpc_map *map)
{
	char text[HPC_MAP_TEXT_MAX];

	if (hpc_map_format(map, text, sizeof(text)) < 0) {
		errno = ENOSPC;
		return -1;
	}
	return hpc_write_text("hpc/admin/config", text);
}

static int add_addr(uint32_t *addrs, int n, int max, uint32_t a)
{
	int i;

	for (i = 0; i < n; i++)
		if (addrs[i] == a)
			return n;
	if (n < max)
		addrs[n++] = a;
	return n;
}

static int addrs_from_env(const char *env, uint32_t *addrs, int max,
			  char *msg, size_t size)
{
	char copy[1024], *field, *save = NULL, buf[HPC_SHOWN_MAX + 4];
	uint32_t a;
	int n = 0;

	if (strlen(env) >= sizeof(copy)) {
		snprintf(msg, size, "HPC_MY_ADDRS: too long");
		return -1;
	}
	strcpy(copy, env);
	for (field = strtok_r(copy, " \t\n", &save); field;
	     field = strtok_r(NULL, " \t\n", &save)) {
		if (hpc_addr_parse(field, &a) < 0) {
			snprintf(msg, size, "HPC_MY_ADDRS: '%s' is not a dotted IPv4 address",
				 hpc_shown(field, buf));
			return -1;
		}
		n = add_addr(addrs, n, max, a);
	}
	return n;
}

int hpc_my_addrs(uint32_t *addrs, int max, char *msg, size_t size)
{
	const char *env = getenv("HPC_MY_ADDRS");
	struct ifaddrs *list, *ifa;
	uint32_t a;
	int n = 0;

	if (env)
		return addrs_from_env(env, addrs, max, msg, size);
	if (getifaddrs(&list) < 0) {
		snprintf(msg, size, "getifaddrs: %s", strerror(errno));
		return -1;
	}
	for (ifa = list; ifa; ifa = ifa->ifa_next) {
		if (!ifa->ifa_addr || ifa->ifa_addr->sa_family != AF_INET)
			continue;
		a = ntohl(((struct sockaddr_in *)ifa->ifa_addr)->sin_addr.s_addr);
		if ((a >> 24) != 127)
			n = add_addr(addrs, n, max, a);
	}
	freeifaddrs(list);
	return n;
}
