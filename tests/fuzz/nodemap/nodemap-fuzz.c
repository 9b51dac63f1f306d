// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz kernel/hpc/nodemap.c in user space and hold it against setpe's own
 * parser (userland/lib/map.c): both enforce openmosix.map(5), so on any
 * text they must accept the same tables and refuse at the same line. The
 * kernel refuses one thing more, class E addresses (240.0.0.0/4), so there
 * it may stop earlier than setpe.
 *
 * For every input: parse; if accepted, check the table's invariants, the
 * format/parse round trip, the lookups against a brute-force search, and
 * the diff against the previous accepted table node by node; if refused,
 * check the error is well-formed. Inputs live in buffers of exactly their
 * size, so ASan catches any read past the end.
 *
 * A libFuzzer target (LLVMFuzzerTestOneInput); nodemap-gen.c drives it with
 * generated map-like texts, tests/fuzz/replay.c with the corpus (Makefile).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "nodemap.h"
#include "map.h"

static unsigned long checked, accepted, compared, reasons[HPC_NODEMAP_ADDR_DUP + 1];

static void __attribute__((noreturn, format(printf, 3, 4)))
die(const char *text, size_t len, const char *fmt, ...)
{
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	fprintf(stderr, "nodemap-fuzz: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ninput (%zu bytes): \"", len);
	for (i = 0; i < len && i < 4000; i++) {
		unsigned char c = text[i];

		if (c == '\n')
			fputs("\\n\"\n\"", stderr);
		else if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else if (isprint(c))
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fprintf(stderr, "\"\n");
	abort();
}

static u32 last_of(const struct hpc_nodemap_range *r)
{
	return r->first + r->count - 1u;
}

static u32 addr_host(const struct hpc_nodemap_range *r)
{
	return be32_to_cpu(r->addr);
}

/* A node address no table may hold. */
static int bad_addr(u32 a)
{
	return a >> 24 == 0 || a >> 24 == 127 || a >> 28 >= 14;
}

/* Brute force: the address of id, by scanning every range. */
static int brute_addr_of(const struct hpc_nodemap *map, u32 id, u32 *addr)
{
	unsigned int i;

	for (i = 0; map && i < map->nr; i++) {
		const struct hpc_nodemap_range *r = &map->range[i];

		if (id >= r->first && id <= last_of(r)) {
			*addr = addr_host(r) + (id - r->first);
			return 1;
		}
	}
	return 0;
}

static void check_lookup(const char *text, size_t len, const struct hpc_nodemap *map, u32 id)
{
	u32 want = 0;
	int in = brute_addr_of(map, id, &want);
	__be32 got = cpu_to_be32(0x01020304);
	int ret = hpc_nodemap_addr_of(map, id, &got);

	if (!in) {
		if (ret != -ENOENT || be32_to_cpu(got) != 0x01020304)
			die(text, len, "addr_of(%u) = %d, want -ENOENT", id, ret);
		return;
	}
	if (ret != 0 || be32_to_cpu(got) != want)
		die(text, len, "addr_of(%u) = %d %08x, want %08x", id, ret, be32_to_cpu(got), want);
	if (hpc_nodemap_id_of(map, got) != id)
		die(text, len, "id_of(%08x) = %u, want %u", want, hpc_nodemap_id_of(map, got), id);
}

static void check_table(const char *text, size_t len, const struct hpc_nodemap *map)
{
	static char buf[HPC_NODEMAP_FORMAT_MAX];
	static struct hpc_nodemap again;
	const struct hpc_nodemap_range *r, *o;
	unsigned int i, j, id, next, total = 0;
	int n, m;

	if (map->nr > HPC_NODEMAP_MAX_RANGES)
		die(text, len, "%u ranges", map->nr);
	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		if (r->first < 1 || r->count < 1 || last_of(r) > HPC_NODEMAP_MAX_ID)
			die(text, len, "range %u: ids %u+%u", i, r->first, r->count);
		if (i && map->range[i - 1].first + map->range[i - 1].count > r->first)
			die(text, len, "range %u not sorted or overlapping", i);
		if ((u64)addr_host(r) + r->count - 1 > 0xffffffffu)
			die(text, len, "range %u wraps", i);
		for (j = 0; j < r->count; j++)
			if (bad_addr(addr_host(r) + j))
				die(text, len, "range %u holds address %08x", i, addr_host(r) + j);
		for (j = 0; j < i; j++) {
			o = &map->range[j];
			if (addr_host(r) <= addr_host(o) + (o->count - 1) &&
			    addr_host(o) <= addr_host(r) + (r->count - 1))
				die(text, len, "ranges %u and %u share addresses", j, i);
		}
		total += r->count;
	}
	if (hpc_nodemap_count(map) != total)
		die(text, len, "count %u, want %u", hpc_nodemap_count(map), total);

	/* The iterator visits exactly the ids of the ranges, in order. */
	id = 0;
	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		for (j = 0; j < r->count; j++) {
			next = hpc_nodemap_next_id(map, id);
			if (next != r->first + j)
				die(text, len, "next_id(%u) = %u, want %u", id, next, r->first + j);
			id = next;
		}
	}
	if (hpc_nodemap_next_id(map, id))
		die(text, len, "next_id(%u) past the last node", id);

	/* Lookups at and around every range's ends. */
	check_lookup(text, len, map, 0);
	check_lookup(text, len, map, HPC_NODEMAP_MAX_ID + 1);
	for (i = 0; i < map->nr; i++) {
		r = &map->range[i];
		check_lookup(text, len, map, r->first - 1);
		check_lookup(text, len, map, r->first);
		check_lookup(text, len, map, r->first + r->count / 2);
		check_lookup(text, len, map, last_of(r));
		check_lookup(text, len, map, last_of(r) + 1);
		if (hpc_nodemap_id_of(map, cpu_to_be32(addr_host(r) - 1)) &&
		    !brute_addr_of(map, hpc_nodemap_id_of(map, cpu_to_be32(addr_host(r) - 1)), &j))
			die(text, len, "id_of just below range %u", i);
	}

	/* format, then parse: the same ranges, and the same text again. */
	n = hpc_nodemap_format(map, buf, sizeof(buf));
	if (n < 0 || (size_t)n != strlen(buf))
		die(text, len, "format = %d", n);
	if (hpc_nodemap_parse(buf, n, &again, NULL))
		die(text, len, "own format refused: %s", buf);
	if (again.nr != map->nr ||
	    memcmp(again.range, map->range, map->nr * sizeof(map->range[0])))
		die(text, len, "round trip changed the table");
	if (!hpc_nodemap_equal(map, &again) || !hpc_nodemap_equal(&again, map))
		die(text, len, "round trip not equal");
	/* Every smaller buffer is refused without a byte written past it. */
	for (m = 0; m <= n; m += 1 + m / 8) {
		char *small = malloc(m ? m : 1);
		int ret = hpc_nodemap_format(map, small, m);

		if (ret != -ENOSPC || (m && strlen(small) >= (size_t)m))
			die(text, len, "format into %d bytes = %d", m, ret);
		free(small);
	}
}

/* The diff against a brute-force comparison of every id. */
static void check_diff(const char *text, size_t len, const struct hpc_nodemap *old,
		       const struct hpc_nodemap *new)
{
	enum hpc_nodemap_change change, want;
	unsigned int id, got;
	u32 ao, an;
	int in_old, in_new, changes = 0;

	got = hpc_nodemap_diff_next(old, new, 0, &change);
	for (id = 1; id <= HPC_NODEMAP_MAX_ID; id++) {
		in_old = brute_addr_of(old, id, &ao);
		in_new = brute_addr_of(new, id, &an);
		if (in_old && in_new && ao == an)
			continue;
		if (!in_old && !in_new)
			continue;
		want = !in_old ? HPC_NODEMAP_ADDED : !in_new ? HPC_NODEMAP_REMOVED :
			HPC_NODEMAP_MOVED;
		if (got != id || change != want)
			die(text, len, "diff: got node %u change %d, want node %u change %d",
			    got, change, id, want);
		got = hpc_nodemap_diff_next(old, new, id, &change);
		changes++;
	}
	if (got)
		die(text, len, "diff: extra node %u", got);
	if (hpc_nodemap_equal(old, new) != !changes)
		die(text, len, "equal disagrees with diff");
}

static void check_error(const char *text, size_t len, const struct hpc_nodemap_error *err,
			const struct hpc_nodemap *map)
{
	unsigned int lines = 0, line;
	char prefix[32];
	size_t i, n = strnlen(err->msg, sizeof(err->msg));

	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	lines += len && text[len - 1] != '\n';
	if (map->nr)
		die(text, len, "refused, yet %u ranges left", map->nr);
	if (err->reason == HPC_NODEMAP_OK || err->line > lines)
		die(text, len, "error reason %d line %u of %u", err->reason, err->line, lines);
	if (n == 0 || n == sizeof(err->msg))
		die(text, len, "error message empty or not terminated");
	for (i = 0; i < n; i++)
		if (!isprint((unsigned char)err->msg[i]))
			die(text, len, "unprintable error message: %s", err->msg);
	snprintf(prefix, sizeof(prefix), "line %u: ", err->line);
	if (err->line && strncmp(err->msg, prefix, strlen(prefix)))
		die(text, len, "message does not start with \"%s\": %s", prefix, err->msg);
	if (!err->line && sscanf(err->msg, "line %u:", &line) == 1)
		die(text, len, "message of no line names one: %s", err->msg);
}

static int cmp_range(const void *a, const void *b)
{
	const struct hpc_range *x = a, *y = b;

	return (x->first > y->first) - (x->first < y->first);
}

/*
 * Where the two parsers word a conflict or a bad address alike enough, the
 * numbers in the messages (nodes, addresses, the earlier line) must agree.
 */
static int same_details(const struct hpc_nodemap_error *err, const char *umsg)
{
	unsigned int l, k[3], u[3];
	char ka[16], ua[16];
	const char *tail;

	switch (err->reason) {
	case HPC_NODEMAP_ID_OVERLAP:
		/* setpe: "node ids 4-6 overlap ids 5-5 of line 2" */
		tail = strchr(err->msg, ':') + 2;
		return strlen(umsg) >= strlen(tail) &&
		       !strcmp(umsg + strlen(umsg) - strlen(tail), tail);
	case HPC_NODEMAP_ADDR_DUP:
		/* setpe: "address 10.0.0.1 of node 8 is already node 1 (line 1)" */
		return sscanf(err->msg, "line %u: %15s (node %u) is already node %u's (line %u)",
			      &l, ka, &k[0], &k[1], &k[2]) == 5 &&
		       sscanf(umsg, "T:%u: address %15s of node %u is already node %u (line %u)",
			      &l, ua, &u[0], &u[1], &u[2]) == 5 &&
		       !strcmp(ka, ua) && !memcmp(k, u, sizeof(k));
	case HPC_NODEMAP_ADDR_THIS_NET:
	case HPC_NODEMAP_ADDR_LOOPBACK:
	case HPC_NODEMAP_ADDR_MULTICAST:
	case HPC_NODEMAP_ADDR_BROADCAST:
		/* setpe: "address 127.0.0.0 of node 7 is a loopback address..." */
		return sscanf(err->msg, "line %u: %15s (node %u)", &l, ka, &k[0]) == 3 &&
		       sscanf(umsg, "T:%u: address %15s of node %u", &l, ua, &u[0]) == 3 &&
		       !strcmp(ka, ua) && k[0] == u[0];
	default:
		return 1;
	}
}

/* setpe's parser must agree; it reads NUL-terminated text, so skip NULs. */
static void check_userland(const char *text, size_t len, int ret,
			   const struct hpc_nodemap *map, const struct hpc_nodemap_error *err)
{
	static struct hpc_map umap;
	char msg[512], *z;
	unsigned int i, uline = 0;
	int uret;

	if (memchr(text, '\0', len) || len > HPC_NODEMAP_MAX_TEXT)
		return;
	z = malloc(len + 1);
	memcpy(z, text, len);
	z[len] = '\0';
	uret = hpc_map_parse_text(&umap, z, "T", msg, sizeof(msg));
	free(z);
	if (uret < 0 && sscanf(msg, "T:%u:", &uline) != 1)
		die(text, len, "setpe: no line in \"%s\"", msg);
	compared++;
	if (ret == 0) {
		if (uret < 0)
			die(text, len, "kernel accepts, setpe refuses: %s", msg);
		if (umap.nr != map->nr)
			die(text, len, "setpe has %u ranges, kernel %u", umap.nr, map->nr);
		qsort(umap.range, umap.nr, sizeof(umap.range[0]), cmp_range);
		for (i = 0; i < map->nr; i++)
			if (umap.range[i].first != map->range[i].first ||
			    umap.range[i].addr != addr_host(&map->range[i]) ||
			    umap.range[i].count != map->range[i].count)
				die(text, len, "setpe and kernel differ in range %u", i);
		return;
	}
	if (err->reason == HPC_NODEMAP_ADDR_CLASS_E) {
		if (uret < 0 && uline < err->line)
			die(text, len, "kernel: %s; setpe: %s", err->msg, msg);
		return;
	}
	if (uret == 0)
		die(text, len, "kernel refuses (%s), setpe accepts", err->msg);
	if (uline != err->line || !same_details(err, msg))
		die(text, len, "kernel: %s; setpe: %s", err->msg, msg);
}

static void check_input(const char *text, size_t len)
{
	static struct hpc_nodemap map, prev, quiet;
	static int have_prev;
	struct hpc_nodemap_error err;
	int ret;

	memset(&err, 0xa5, sizeof(err));
	ret = hpc_nodemap_parse(text, len, &map, &err);
	checked++;
	if (ret != 0 && ret != -EINVAL)
		die(text, len, "parse returned %d", ret);
	if (hpc_nodemap_parse(text, len, &quiet, NULL) != ret)
		die(text, len, "parse without an error struct disagrees");
	if (ret == 0) {
		accepted++;
		if (err.reason != HPC_NODEMAP_OK || err.line || err.msg[0])
			die(text, len, "accepted with an error set");
		check_table(text, len, &map);
		/* Brute-force diffs cost 65535 lookups: not on every table. */
		if (have_prev && accepted % 8 == 0)
			check_diff(text, len, &prev, &map);
		if (accepted % 64 == 0) {
			check_diff(text, len, NULL, &map);
			check_diff(text, len, &map, NULL);
		}
		prev = map;
		have_prev = 1;
	} else {
		check_error(text, len, &err, &map);
		if (err.reason < ARRAY_SIZE(reasons))
			reasons[err.reason]++;
	}
	check_userland(text, len, ret, &map, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_input((const char *)data, size);
	return 0;
}

/* For nodemap-gen: how many inputs were taken, refused and why. */
void nodemap_fuzz_report(void);
void nodemap_fuzz_report(void)
{
	unsigned int i;

	printf("nodemap-fuzz: %lu inputs, %lu accepted, %lu compared with setpe's parser\n",
	       checked, accepted, compared);
	printf("refused, by reason:");
	for (i = 1; i < ARRAY_SIZE(reasons); i++)
		printf(" %lu", reasons[i]);
	printf("\n");
}

