// SPDX-License-Identifier: GPL-2.0-only
/*
 * The node table: parsing the text written to /proc/hpc/admin/config,
 * writing it back, and answering "which address has node N" and "which node
 * has address A".
 *
 * The text comes from user space (setpe, omdiscd or anyone with root and a
 * shell), so the parser trusts none of the checks setpe already made: it
 * enforces every rule of openmosix.map(5) again. Lines are taken one at a
 * time, stripped of comments, split into fields and checked in the order a
 * reader would: syntax, then the values on their own, then against the
 * ranges of the lines before. The first problem ends the parse, and the
 * error names the line and, for a conflict, the earlier line it conflicts
 * with; the earlier line is found again by rereading the text, so a table
 * costs no memory for line numbers.
 *
 * Ranges are kept sorted by id, which makes id lookups a binary search and
 * lets two tables be compared range by range rather than node by node.
 *
 * Nothing here allocates, sleeps or locks, and only a handful of kernel
 * helpers are used, so the same file builds in user space for fuzzing
 * (tests/fuzz/nodemap).
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#include "nodemap.h"

/* Longest piece of bad input quoted back in a message. */
#define TOKEN_SHOWN	32
/* "255.255.255.255" and its NUL. */
#define ADDR_STRLEN	16

struct field {
	const char *s;
	size_t n;
};

/* A range while it is checked: host byte order, wide enough not to overflow. */
struct line_range {
	u32 first;
	u32 last;
	u32 addr;
	u32 end;	/* the last address */
};

struct parser {
	const char *text;
	size_t len;
	size_t pos;		/* where the next line starts */
	unsigned int line;	/* the line being parsed, from 1 */
	struct hpc_nodemap *map;
	struct hpc_nodemap_error *err;	/* NULL: just say no */
};

/*
 * Addresses that can never be a node's. The broadcast address comes before
 * class E, which holds it, so that it is refused for what it is.
 */
static const struct {
	u32 lo;
	u32 hi;
	enum hpc_nodemap_reason reason;
	const char *why;
} bad_blocks[] = {
	{ 0x00000000, 0x00ffffff, HPC_NODEMAP_ADDR_THIS_NET,
	  "is in 0.0.0.0/8 (\"this network\"), not a node address" },
	{ 0x7f000000, 0x7fffffff, HPC_NODEMAP_ADDR_LOOPBACK,
	  "is a loopback address: other nodes cannot reach it" },
	{ 0xe0000000, 0xefffffff, HPC_NODEMAP_ADDR_MULTICAST,
	  "is a multicast address (224.0.0.0/4), not a node address" },
	{ 0xffffffff, 0xffffffff, HPC_NODEMAP_ADDR_BROADCAST,
	  "is the broadcast address, not a node address" },
	{ 0xf0000000, 0xffffffff, HPC_NODEMAP_ADDR_CLASS_E,
	  "is a reserved address (240.0.0.0/4), not a node address" },
};

static __printf(3, 4) int fail(struct parser *p, enum hpc_nodemap_reason reason,
			       const char *fmt, ...)
{
	struct hpc_nodemap_error *err = p->err;
	va_list ap;
	int n = 0;

	if (!err)
		return -EINVAL;
	err->line = p->line;
	err->reason = reason;
	if (p->line)
		n = snprintf(err->msg, sizeof(err->msg), "line %u: ", p->line);
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* Bad input quoted back: printable, and short. */
static const char *shown(const struct field *t, char buf[TOKEN_SHOWN + 4])
{
	size_t i;

	for (i = 0; i < t->n && i < TOKEN_SHOWN; i++)
		buf[i] = t->s[i] >= ' ' && t->s[i] <= '~' ? t->s[i] : '?';
	if (i < t->n)
		memcpy(buf + i, "...", 4);
	else
		buf[i] = '\0';
	return buf;
}

static const char *addr_str(u32 addr, char buf[ADDR_STRLEN])
{
	snprintf(buf, ADDR_STRLEN, "%u.%u.%u.%u", addr >> 24, (addr >> 16) & 0xff,
		 (addr >> 8) & 0xff, addr & 0xff);
	return buf;
}

/*
 * The blanks of the C locale's isspace() but the newline, as userland
 * splits fields; the kernel's isspace() also counts 0xa0, which no map holds.
 */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The next line and its length, without the newline; false at the end. */
static bool next_line(struct parser *p, const char **s, size_t *n)
{
	const char *nl;

	if (p->pos >= p->len)
		return false;
	*s = p->text + p->pos;
	nl = memchr(*s, '\n', p->len - p->pos);
	*n = nl ? (size_t)(nl - *s) : p->len - p->pos;
	p->pos += *n + 1;
	p->line++;
	return true;
}

/* Split a line at blanks, up to its comment. Returns the number of fields. */
static unsigned int split(const char *s, size_t n, struct field tok[3])
{
	const char *hash = memchr(s, '#', n);
	unsigned int nr = 0;
	size_t i = 0, start;

	if (hash)
		n = hash - s;
	for (;;) {
		while (i < n && is_blank(s[i]))
			i++;
		if (i == n)
			return nr;
		start = i;
		while (i < n && !is_blank(s[i]))
			i++;
		if (nr < 3) {
			tok[nr].s = s + start;
			tok[nr].n = i - start;
		}
		nr++;
	}
}

/* A decimal number; past HPC_NODEMAP_MAX_ID it only needs to stay too big. */
static int parse_number(const struct field *t, u32 *val)
{
	u32 v = 0;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (!is_digit(t->s[i]))
			return -EINVAL;
		if (v <= HPC_NODEMAP_MAX_ID)
			v = v * 10 + (t->s[i] - '0');
	}
	*val = v;
	return 0;
}

/* Strict dotted quad: four parts 0-255, no leading zeros, nothing else. */
static int parse_addr(const struct field *t, u32 *addr)
{
	const char *s = t->s, *end = t->s + t->n;
	unsigned int part, len, v;
	u32 a = 0;

	for (part = 0; part < 4; part++) {
		if (part && (s == end || *s++ != '.'))
			return -EINVAL;
		for (v = 0, len = 0; s + len < end && len < 4 && is_digit(s[len]); len++)
			v = v * 10 + (s[len] - '0');
		if (len == 0 || len > 3 || v > 255 || (len > 1 && *s == '0'))
			return -EINVAL;
		a = a << 8 | v;
		s += len;
	}
	if (s != end)
		return -EINVAL;
	*addr = a;
	return 0;
}

static int parse_id(struct parser *p, enum hpc_nodemap_reason reason, const char *what,
		    const struct field *t, u32 *val)
{
	char buf[TOKEN_SHOWN + 4];

	if (parse_number(t, val))
		return fail(p, reason, "%s '%s' is not a number", what, shown(t, buf));
	if (*val < 1 || *val > HPC_NODEMAP_MAX_ID)
		return fail(p, reason, "%s %s is out of range (1-%u)", what, shown(t, buf),
			    HPC_NODEMAP_MAX_ID);
	return 0;
}

static bool is_alias(const struct field *t)
{
	static const char alias[] = "alias";
	size_t i;

	if (t->n != sizeof(alias) - 1)
		return false;
	for (i = 0; i < t->n; i++)
		if ((t->s[i] | 0x20) != alias[i])
			return false;
	return true;
}

/* The values of one range on their own. */
static int check_range(struct parser *p, const struct line_range *r, u32 count)
{
	char a[ADDR_STRLEN];
	unsigned int i, hit = ARRAY_SIZE(bad_blocks);
	u32 bad = 0, lowest;

	if (r->first + count - 1 > HPC_NODEMAP_MAX_ID)
		return fail(p, HPC_NODEMAP_IDS_PAST_MAX, "ids %u-%u run past %u",
			    r->first, r->first + count - 1, HPC_NODEMAP_MAX_ID);
	if (count - 1 > 0xffffffffU - r->addr)
		return fail(p, HPC_NODEMAP_ADDR_WRAP,
			    "%u addresses from %s wrap past 255.255.255.255",
			    count, addr_str(r->addr, a));
	/* Name the lowest bad address: the first node a reader would look at. */
	for (i = 0; i < ARRAY_SIZE(bad_blocks); i++) {
		if (r->addr > bad_blocks[i].hi || r->addr + (count - 1) < bad_blocks[i].lo)
			continue;
		lowest = max(r->addr, bad_blocks[i].lo);
		if (hit == ARRAY_SIZE(bad_blocks) || lowest < bad) {
			hit = i;
			bad = lowest;
		}
	}
	if (hit < ARRAY_SIZE(bad_blocks))
		return fail(p, bad_blocks[hit].reason, "%s (node %u) %s", addr_str(bad, a),
			    r->first + (bad - r->addr), bad_blocks[hit].why);
	return 0;
}

/*
 * One line on its own. Returns 1 and fills r for a range, 0 for a line with
 * no range (blank or comment), -EINVAL if the line is wrong.
 */
static int parse_line(struct parser *p, const char *s, size_t n, struct line_range *r)
{
	struct field tok[3];
	unsigned int nr;
	u32 count;

	if (memchr(s, '\0', n))
		return fail(p, HPC_NODEMAP_NUL, "contains a NUL byte");
	if (n > HPC_NODEMAP_MAX_LINE && !memchr(s, '#', HPC_NODEMAP_MAX_LINE))
		return fail(p, HPC_NODEMAP_LINE_TOO_LONG, "longer than %u characters",
			    HPC_NODEMAP_MAX_LINE);
	nr = split(s, n, tok);
	if (nr == 0)
		return 0;
	if (nr == 3 && is_alias(&tok[2]))
		return fail(p, HPC_NODEMAP_ALIAS,
			    "ALIAS lines (a gateway's other addresses) are not supported");
	if (nr != 3)
		return fail(p, HPC_NODEMAP_FIELDS,
			    "expected FIRST-ID ADDRESS COUNT, found %u field%s", nr,
			    nr == 1 ? "" : "s");
	if (parse_id(p, HPC_NODEMAP_BAD_ID, "node id", &tok[0], &r->first))
		return -EINVAL;
	if (parse_addr(&tok[1], &r->addr)) {
		char buf[TOKEN_SHOWN + 4];

		return fail(p, HPC_NODEMAP_BAD_ADDR,
			    "'%s' is not a dotted IPv4 address (A.B.C.D, 0-255, no leading zeros)",
			    shown(&tok[1], buf));
	}
	if (parse_id(p, HPC_NODEMAP_BAD_COUNT, "count", &tok[2], &count))
		return -EINVAL;
	if (check_range(p, r, count))
		return -EINVAL;
	r->last = r->first + count - 1;
	r->end = r->addr + (count - 1);
	return 1;
}

static bool ids_overlap(const struct line_range *a, const struct line_range *b)
{
	return a->first <= b->last && b->first <= a->last;
}

static bool addrs_overlap(const struct line_range *a, const struct line_range *b)
{
	return a->addr <= b->end && b->addr <= a->end;
}

static void range_of(const struct hpc_nodemap_range *mr, struct line_range *r)
{
	r->first = mr->first;
	r->last = mr->first + mr->count - 1;
	r->addr = be32_to_cpu(mr->addr);
	r->end = r->addr + (mr->count - 1);
}

typedef bool (*conflict_fn)(const struct line_range *a, const struct line_range *b);

/*
 * The first line before the current one whose range conflicts with r, as
 * userland reports it; those lines were all accepted, so they parse again.
 */
static unsigned int earlier_line(const struct parser *p, const struct line_range *r,
				 conflict_fn conflict, struct line_range *o)
{
	struct parser again = { .text = p->text, .len = p->len };
	const char *s;
	size_t n;

	while (again.line + 1 < p->line && next_line(&again, &s, &n))
		if (parse_line(&again, s, n, o) == 1 && conflict(r, o))
			return again.line;
	return 0;	/* not reached: the table held a conflicting range */
}

/* One range against the ranges of the lines before it. */
static int check_conflicts(struct parser *p, const struct line_range *r)
{
	const struct hpc_nodemap *map = p->map;
	char a[ADDR_STRLEN];
	struct line_range o;
	unsigned int i, line;
	u32 dup;

	for (i = 0; i < map->nr; i++) {
		range_of(&map->range[i], &o);
		if (!ids_overlap(r, &o))
			continue;
		line = earlier_line(p, r, ids_overlap, &o);
		return fail(p, HPC_NODEMAP_ID_OVERLAP, "ids %u-%u overlap ids %u-%u of line %u",
			    r->first, r->last, o.first, o.last, line);
	}
	for (i = 0; i < map->nr; i++) {
		range_of(&map->range[i], &o);
		if (!addrs_overlap(r, &o))
			continue;
		line = earlier_line(p, r, addrs_overlap, &o);
		dup = max(r->addr, o.addr);
		return fail(p, HPC_NODEMAP_ADDR_DUP, "%s (node %u) is already node %u's (line %u)",
			    addr_str(dup, a), r->first + (dup - r->addr),
			    o.first + (dup - o.addr), line);
	}
	return 0;
}

/* Put r in its place in the sorted array; the caller checked there is room. */
static void insert_range(struct hpc_nodemap *map, const struct line_range *r)
{
	unsigned int i = map->nr;

	while (i > 0 && map->range[i - 1].first > r->first) {
		map->range[i] = map->range[i - 1];
		i--;
	}
	map->range[i].first = r->first;
	map->range[i].count = r->last - r->first + 1;
	map->range[i].addr = cpu_to_be32(r->addr);
	map->nr++;
}

/**
 * hpc_nodemap_parse() - turn the text of a node table into a table
 * @text: the text, not necessarily NUL-terminated; may hold anything
 * @len:  its length; 0 is a valid, empty table ("leave the cluster")
 * @map:  where the table goes, supplied by the caller
 * @err:  where the first problem found is described, or NULL
 *
 * The text is one range per line, "FIRST-ID ADDRESS COUNT", with blanks,
 * comments and blank lines allowed; the rules are those of
 * openmosix.map(5), listed in Documentation/hpc/nodemap.rst.
 *
 * Return: 0, with @map filled and @err->reason %HPC_NODEMAP_OK; or -EINVAL,
 * with @map empty and @err saying which line is wrong and why.
 */
int hpc_nodemap_parse(const char *text, size_t len, struct hpc_nodemap *map,
		      struct hpc_nodemap_error *err)
{
	struct parser p = { .text = text, .len = len, .map = map, .err = err };
	struct line_range r;
	const char *s;
	size_t n;
	int ret;

	map->nr = 0;
	if (err) {
		err->line = 0;
		err->reason = HPC_NODEMAP_OK;
		err->msg[0] = '\0';
	}
	if (len > HPC_NODEMAP_MAX_TEXT)
		return fail(&p, HPC_NODEMAP_TEXT_TOO_LONG, "table longer than %u bytes",
			    HPC_NODEMAP_MAX_TEXT);
	while (next_line(&p, &s, &n)) {
		ret = parse_line(&p, s, n, &r);
		if (ret == 0)
			continue;
		if (ret > 0 && map->nr == HPC_NODEMAP_MAX_RANGES)
			ret = fail(&p, HPC_NODEMAP_TOO_MANY, "too many ranges (at most %u)",
				   HPC_NODEMAP_MAX_RANGES);
		if (ret > 0)
			ret = check_conflicts(&p, &r);
		if (ret < 0) {
			/* Half a table must not be mistaken for one. */
			map->nr = 0;
			return ret;
		}
		insert_range(map, &r);
	}
	return 0;
}

/**
 * hpc_nodemap_format() - the canonical text of a table
 * @map:  the table
 * @buf:  where the text goes, NUL-terminated
 * @size: the size of @buf; %HPC_NODEMAP_FORMAT_MAX always suffices
 *
 * One "FIRST-ID ADDRESS COUNT\n" line per range, in increasing order of
 * ids, fields separated by one space: what reading /proc/hpc/admin/config
 * shows and what hpc_nodemap_parse() turns back into the same table.
 *
 * Return: the length of the text (0 for an empty table), or -ENOSPC if it
 * does not fit in @buf with its NUL.
 */
int hpc_nodemap_format(const struct hpc_nodemap *map, char *buf, size_t size)
{
	const struct hpc_nodemap_range *r;
	char a[ADDR_STRLEN];
	size_t len = 0;
	unsigned int i;
	int n;

	if (size == 0)
		return -ENOSPC;
	buf[0] = '\0';
	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		n = snprintf(buf + len, size - len, "%u %s %u\n", r->first,
			     addr_str(be32_to_cpu(r->addr), a), r->count);
		if (n < 0 || (size_t)n >= size - len) {
			buf[len] = '\0';
			return -ENOSPC;
		}
		len += n;
	}
	return len;
}

/* The range holding node id, or NULL; a NULL map is an empty table. */
static const struct hpc_nodemap_range *find_range(const struct hpc_nodemap *map,
						  unsigned int id)
{
	unsigned int lo = 0, hi = map ? map->nr : 0, mid;
	const struct hpc_nodemap_range *r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = &map->range[mid];
		if (id < r->first)
			hi = mid;
		else if (id - r->first >= r->count)
			lo = mid + 1;
		else
			return r;
	}
	return NULL;
}

/**
 * hpc_nodemap_addr_of() - the address of a node
 * @map:  the table
 * @id:   the node id
 * @addr: where its address goes
 *
 * Return: 0, or -ENOENT if the table has no node @id.
 */
int hpc_nodemap_addr_of(const struct hpc_nodemap *map, unsigned int id, __be32 *addr)
{
	const struct hpc_nodemap_range *r = find_range(map, id);

	if (!r)
		return -ENOENT;
	*addr = cpu_to_be32(be32_to_cpu(r->addr) + (id - r->first));
	return 0;
}

/**
 * hpc_nodemap_id_of() - the node that has an address
 * @map:  the table
 * @addr: the address
 *
 * Return: the node id, or 0 if no node of the table has @addr.
 */
unsigned int hpc_nodemap_id_of(const struct hpc_nodemap *map, __be32 addr)
{
	u32 a = be32_to_cpu(addr), start;
	unsigned int i;

	/* Sorted by id, not by address: at most 256 ranges to look at. */
	for (i = 0; i < map->nr; i++) {
		start = be32_to_cpu(map->range[i].addr);
		if (a >= start && a - start < map->range[i].count)
			return map->range[i].first + (a - start);
	}
	return 0;
}

/**
 * hpc_nodemap_count() - the number of nodes in a table
 * @map: the table
 *
 * Return: the sum of the ranges' counts, 0 for an empty table.
 */
unsigned int hpc_nodemap_count(const struct hpc_nodemap *map)
{
	unsigned int i, n = 0;

	for (i = 0; i < map->nr; i++)
		n += map->range[i].count;
	return n;
}

/* hpc_nodemap_next_id() on a table that may be NULL (empty). */
static unsigned int next_id(const struct hpc_nodemap *map, unsigned int after)
{
	unsigned int lo = 0, hi = map ? map->nr : 0, mid;
	const struct hpc_nodemap_range *r;

	if (after >= HPC_NODEMAP_MAX_ID)
		return 0;
	/* The first range whose last id is past after. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = &map->range[mid];
		if (r->first + r->count - 1U <= after)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == (map ? map->nr : 0))
		return 0;
	return max_t(unsigned int, after + 1, map->range[lo].first);
}

/**
 * hpc_nodemap_next_id() - the node id that follows another in a table
 * @map:   the table
 * @after: a node id, or 0 to get the first
 *
 * Visits every node in increasing order of ids:
 *
 *	for (id = hpc_nodemap_next_id(map, 0); id; id = hpc_nodemap_next_id(map, id))
 *
 * @after need not be in the table.
 *
 * Return: the smallest node id of the table above @after, 0 if there is none.
 */
unsigned int hpc_nodemap_next_id(const struct hpc_nodemap *map, unsigned int after)
{
	return next_id(map, after);
}

/**
 * hpc_nodemap_diff_next() - the next node that differs between two tables
 * @old:    the table in use, or NULL for none
 * @new:    the table that replaces it, or NULL for none
 * @after:  a node id, or 0 to start
 * @change: how the node returned differs
 *
 * A node differs if it is in only one table, or in both at different
 * addresses (its connection must be dropped and made again); nodes that are
 * the same in both keep their connections. All changes, in increasing order
 * of ids:
 *
 *	for (id = hpc_nodemap_diff_next(old, new, 0, &change); id;
 *	     id = hpc_nodemap_diff_next(old, new, id, &change))
 *
 * Runs of nodes that are the same in both tables are skipped a range at a
 * time, so a whole diff costs O(ranges * log(ranges)), not O(nodes).
 *
 * Return: the smallest node id above @after that differs, 0 if there is none.
 */
unsigned int hpc_nodemap_diff_next(const struct hpc_nodemap *old,
				   const struct hpc_nodemap *new, unsigned int after,
				   enum hpc_nodemap_change *change)
{
	const struct hpc_nodemap_range *ro, *rn;
	unsigned int a, b, id;

	for (;;) {
		a = next_id(old, after);
		b = next_id(new, after);
		if (!a && !b)
			return 0;
		id = !a ? b : !b ? a : min(a, b);
		ro = find_range(old, id);
		rn = find_range(new, id);
		if (!ro || !rn) {
			*change = ro ? HPC_NODEMAP_REMOVED : HPC_NODEMAP_ADDED;
			return id;
		}
		/* Both ranges step by one: same address here, same to the end of either. */
		if (be32_to_cpu(ro->addr) - ro->first != be32_to_cpu(rn->addr) - rn->first) {
			*change = HPC_NODEMAP_MOVED;
			return id;
		}
		after = min(ro->first + ro->count - 1, rn->first + rn->count - 1);
	}
}

/**
 * hpc_nodemap_equal() - do two tables give every node the same address?
 * @a: a table, or NULL for none
 * @b: another, or NULL for none
 *
 * Tables that split the same nodes into ranges differently are equal: it
 * is the nodes and addresses that matter, not how the text was written.
 *
 * Return: true if no node differs (see hpc_nodemap_diff_next()).
 */
bool hpc_nodemap_equal(const struct hpc_nodemap *a, const struct hpc_nodemap *b)
{
	enum hpc_nodemap_change change;

	return hpc_nodemap_diff_next(a, b, 0, &change) == 0;
}

#ifdef CONFIG_HPC_KUNIT_TEST
#include "nodemap-test.h"
#endif
