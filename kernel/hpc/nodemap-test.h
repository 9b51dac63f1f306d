/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit tests of the node table, included at the bottom of nodemap.c so
 * they reach its internals. Tables are about 2 KiB, so every one is
 * allocated from the test rather than put on the stack.
 */
#include <kunit/test.h>

/* An address in host byte order, and in network byte order. */
#define H(a, b, c, d)	((u32)(a) << 24 | (b) << 16 | (c) << 8 | (d))
#define A(a, b, c, d)	cpu_to_be32(H(a, b, c, d))

static struct hpc_nodemap *new_map(struct kunit *test)
{
	struct hpc_nodemap *map = kunit_kzalloc(test, sizeof(*map), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, map);
	return map;
}

static int parse_str(const char *text, struct hpc_nodemap *map, struct hpc_nodemap_error *err)
{
	return hpc_nodemap_parse(text, strlen(text), map, err);
}

/* A table from text that must be accepted. */
static struct hpc_nodemap *map_of(struct kunit *test, const char *text)
{
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;

	KUNIT_ASSERT_EQ_MSG(test, parse_str(text, map, &err), 0, "%s", err.msg);
	return map;
}

static void expect_range(struct kunit *test, const struct hpc_nodemap *map, unsigned int i,
			 unsigned int first, __be32 addr, unsigned int count)
{
	KUNIT_ASSERT_LT(test, i, map->nr);
	KUNIT_EXPECT_EQ(test, map->range[i].first, first);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(map->range[i].addr), be32_to_cpu(addr));
	KUNIT_EXPECT_EQ(test, map->range[i].count, count);
}

static void hpc_nodemap_test_accepts_ranges(struct kunit *test)
{
	struct hpc_nodemap *map = map_of(test, "1 10.0.0.1 6\n10 192.168.1.10 2\n");

	KUNIT_EXPECT_EQ(test, map->nr, 2);
	expect_range(test, map, 0, 1, A(10, 0, 0, 1), 6);
	expect_range(test, map, 1, 10, A(192, 168, 1, 10), 2);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_count(map), 8);
}

static void hpc_nodemap_test_accepts_layout(struct kunit *test)
{
	static const char text[] =
		"# the cluster\n"
		"\n"
		"   \t \r\n"
		"\t20\t10.0.1.1\t\t3   # lab\r\n"
		"5 10.0.0.5 1#no blank before the comment\n"
		"  1   10.0.0.1  2 \t\n"
		"# the last line has no newline\n"
		"65535 172.16.0.1 1";
	struct hpc_nodemap *map = map_of(test, text);

	/* Sorted by id, whatever the order of the lines. */
	KUNIT_EXPECT_EQ(test, map->nr, 4);
	expect_range(test, map, 0, 1, A(10, 0, 0, 1), 2);
	expect_range(test, map, 1, 5, A(10, 0, 0, 5), 1);
	expect_range(test, map, 2, 20, A(10, 0, 1, 1), 3);
	expect_range(test, map, 3, 65535, A(172, 16, 0, 1), 1);
}

static void hpc_nodemap_test_accepts_empty(struct kunit *test)
{
	static const char * const empty[] = { "", "\n", "\n\n \t\n", "# nothing\n", "#" };
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(empty); i++) {
		map->nr = 7;
		KUNIT_EXPECT_EQ(test, parse_str(empty[i], map, &err), 0);
		KUNIT_EXPECT_EQ(test, map->nr, 0);
		KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_OK);
		KUNIT_EXPECT_EQ(test, hpc_nodemap_count(map), 0);
		KUNIT_EXPECT_EQ(test, hpc_nodemap_next_id(map, 0), 0);
	}
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(NULL, 0, map, &err), 0);
}

static void hpc_nodemap_test_accepts_limits(struct kunit *test)
{
	static const char * const good[] = {
		"65535 10.0.0.1 1",
		"1 10.0.0.1 65535",
		"65535 1.0.0.0 1",		/* just past 0.0.0.0/8 */
		"1 126.255.255.255 1",		/* just below loopback */
		"1 128.0.0.0 1",		/* just past loopback */
		"1 223.255.255.255 1",		/* just below multicast */
		"1 126.255.255.254 2",
		"1 223.255.255.200 56",
		"00001 10.0.0.1 0001",		/* leading zeros in ids are still decimal */
	};
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		KUNIT_EXPECT_EQ_MSG(test, parse_str(good[i], map, &err), 0, "\"%s\": %s",
				    good[i], err.msg);
		KUNIT_EXPECT_EQ(test, map->nr, 1);
	}
	map = map_of(test, "1 10.0.0.1 65535");
	KUNIT_EXPECT_EQ(test, hpc_nodemap_count(map), 65535);
}

struct reject_case {
	const char *text;
	enum hpc_nodemap_reason reason;
	unsigned int line;
};

static const struct reject_case reject_cases[] = {
	/* fields */
	{ "1 10.0.0.1", HPC_NODEMAP_FIELDS, 1 },
	{ "1", HPC_NODEMAP_FIELDS, 1 },
	{ "1 10.0.0.1 1 1", HPC_NODEMAP_FIELDS, 1 },
	{ "1 10.0.0.1 # 1", HPC_NODEMAP_FIELDS, 1 },
	{ "1,10.0.0.1,1", HPC_NODEMAP_FIELDS, 1 },
	{ "1 10.0.0.1 1\n\n# c\n2 10.0.0.2", HPC_NODEMAP_FIELDS, 4 },
	{ "1 10.0.0.1 ALIAS", HPC_NODEMAP_ALIAS, 1 },
	{ "1 10.0.0.1 alias", HPC_NODEMAP_ALIAS, 1 },
	{ "1 10.0.0.1 Alias2", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "1 ALIAS 1", HPC_NODEMAP_BAD_ADDR, 1 },
	/* ids */
	{ "0 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "65536 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "99999999999999999999 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "-1 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "+1 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "0x1 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "1a 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	{ "node1 10.0.0.1 1", HPC_NODEMAP_BAD_ID, 1 },
	/* counts */
	{ "1 10.0.0.1 0", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "1 10.0.0.1 65536", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "1 10.0.0.1 -2", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "1 10.0.0.1 2.0", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "1 10.0.0.1 x", HPC_NODEMAP_BAD_COUNT, 1 },
	{ "65535 10.0.0.1 2", HPC_NODEMAP_IDS_PAST_MAX, 1 },
	{ "2 10.0.0.1 65535", HPC_NODEMAP_IDS_PAST_MAX, 1 },
	/* addresses: syntax */
	{ "1 10.0.0 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.1.1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.256 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.01 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 010.0.0.1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.0001 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10..0.1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0. 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 .10.0.0 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.1. 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.-1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.+1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 167772161 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 0x0a000001 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 node1.example.com 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 ::1 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.1/24 1", HPC_NODEMAP_BAD_ADDR, 1 },
	{ "1 10.0.0.1\x80 1", HPC_NODEMAP_BAD_ADDR, 1 },
	/* addresses: values */
	{ "1 255.255.255.250 7", HPC_NODEMAP_ADDR_WRAP, 1 },
	{ "1 0.0.0.0 1", HPC_NODEMAP_ADDR_THIS_NET, 1 },
	{ "1 0.255.255.255 1", HPC_NODEMAP_ADDR_THIS_NET, 1 },
	{ "1 127.0.0.1 1", HPC_NODEMAP_ADDR_LOOPBACK, 1 },
	{ "1 127.255.255.255 1", HPC_NODEMAP_ADDR_LOOPBACK, 1 },
	{ "1 126.255.255.255 2", HPC_NODEMAP_ADDR_LOOPBACK, 1 },
	{ "1 224.0.0.1 1", HPC_NODEMAP_ADDR_MULTICAST, 1 },
	{ "1 239.255.255.255 1", HPC_NODEMAP_ADDR_MULTICAST, 1 },
	{ "1 223.255.255.255 2", HPC_NODEMAP_ADDR_MULTICAST, 1 },
	{ "1 255.255.255.255 1", HPC_NODEMAP_ADDR_BROADCAST, 1 },
	{ "1 240.0.0.1 1", HPC_NODEMAP_ADDR_CLASS_E, 1 },
	{ "1 255.254.0.0 1", HPC_NODEMAP_ADDR_CLASS_E, 1 },
	{ "1 255.255.255.254 2", HPC_NODEMAP_ADDR_CLASS_E, 1 },
	{ "1 239.255.255.255 3", HPC_NODEMAP_ADDR_MULTICAST, 1 },
	/* conflicts with earlier lines */
	{ "1 10.0.0.1 3\n3 10.0.1.1 1", HPC_NODEMAP_ID_OVERLAP, 2 },
	{ "5 10.0.0.1 3\n1 10.0.1.1 5", HPC_NODEMAP_ID_OVERLAP, 2 },
	{ "5 10.0.0.1 1\n1 10.0.1.1 10", HPC_NODEMAP_ID_OVERLAP, 2 },
	{ "1 10.0.0.1 1\n1 10.0.0.1 1", HPC_NODEMAP_ID_OVERLAP, 2 },
	{ "1 10.0.0.1 3\n4 10.0.0.3 1", HPC_NODEMAP_ADDR_DUP, 2 },
	{ "1 10.0.0.5 3\n4 10.0.0.1 5", HPC_NODEMAP_ADDR_DUP, 2 },
	{ "1 10.0.0.1 1\n# c\n\n2 10.0.0.1 1", HPC_NODEMAP_ADDR_DUP, 4 },
};

static void hpc_nodemap_test_rejects(struct kunit *test)
{
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reject_cases); i++) {
		const struct reject_case *c = &reject_cases[i];

		KUNIT_EXPECT_EQ_MSG(test, parse_str(c->text, map, &err), -EINVAL,
				    "case %u accepted", i);
		KUNIT_EXPECT_EQ_MSG(test, err.reason, c->reason, "case %u: %s", i, err.msg);
		KUNIT_EXPECT_EQ_MSG(test, err.line, c->line, "case %u: %s", i, err.msg);
		KUNIT_EXPECT_EQ(test, map->nr, 0);
	}
}

/* Text is not a string: a NUL byte anywhere is refused, not taken for its end. */
static void hpc_nodemap_test_rejects_nul(struct kunit *test)
{
	static const char nul_in_field[] = "1 10.0.0.1 1\n2 10.0.0.2\0 1";
	static const char nul_alone[] = "\0";
	static const char nul_in_comment[] = "# a comment \0 too";
	static const char nul_at_end[] = "1 10.0.0.1 1\n\0";
	static const struct {
		const char *text;
		size_t len;
		unsigned int line;
	} cases[] = {
		{ nul_in_field, sizeof(nul_in_field) - 1, 2 },
		{ nul_alone, sizeof(nul_alone) - 1, 1 },
		{ nul_in_comment, sizeof(nul_in_comment) - 1, 1 },
		{ nul_at_end, sizeof(nul_at_end) - 1, 2 },
	};
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_EXPECT_EQ_MSG(test, hpc_nodemap_parse(cases[i].text, cases[i].len, map, &err),
				    -EINVAL, "case %u accepted", i);
		KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_NUL);
		KUNIT_EXPECT_EQ(test, err.line, cases[i].line);
	}
	KUNIT_EXPECT_STREQ(test, err.msg, "line 2: contains a NUL byte");
}

static void expect_error(struct kunit *test, const char *text, const char *msg)
{
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;

	KUNIT_EXPECT_EQ(test, parse_str(text, map, &err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err.msg, msg);
}

static void hpc_nodemap_test_error_messages(struct kunit *test)
{
	expect_error(test, "1 10.0.0.1 1\n5 10.0.0.5 1\n4 10.0.1.1 3\n",
		     "line 3: ids 4-6 overlap ids 5-5 of line 2");
	expect_error(test, "1 10.0.0.1 1\n2 127.0.0.1 1\n",
		     "line 2: 127.0.0.1 (node 2) is a loopback address: other nodes cannot reach it");
	expect_error(test, "1 10.0.0.1\n",
		     "line 1: expected FIRST-ID ADDRESS COUNT, found 2 fields");
	expect_error(test, "1 10.0.0.1 1\n\n7 10.0.0.0 4\n",
		     "line 3: 10.0.0.1 (node 8) is already node 1's (line 1)");
	expect_error(test, "1 126.255.255.250 10",
		     "line 1: 127.0.0.0 (node 7) is a loopback address: other nodes cannot reach it");
	expect_error(test, "1 10.0.0.1 0", "line 1: count 0 is out of range (1-65535)");
	expect_error(test, "65530 10.0.0.1 10", "line 1: ids 65530-65539 run past 65535");
	expect_error(test, "1 255.255.255.250 10",
		     "line 1: 10 addresses from 255.255.255.250 wrap past 255.255.255.255");
	expect_error(test, "x\x01y 10.0.0.1 1", "line 1: node id 'x?y' is not a number");
	expect_error(test, "1 010.0.0.1 1",
		     "line 1: '010.0.0.1' is not a dotted IPv4 address (A.B.C.D, 0-255, no leading zeros)");
	expect_error(test, "1 10.0.0.1 123456789012345678901234567890123456789",
		     "line 1: count 12345678901234567890123456789012... is out of range (1-65535)");
}

/* The conflict named is with the first earlier line, as setpe names it. */
static void hpc_nodemap_test_error_names_first_line(struct kunit *test)
{
	expect_error(test, "20 10.0.2.1 5\n10 10.0.1.1 5\n1 10.0.0.1 30\n",
		     "line 3: ids 1-30 overlap ids 20-24 of line 1");
	expect_error(test, "100 10.0.0.20 5\n200 10.0.0.10 5\n1 10.0.0.1 30\n",
		     "line 3: 10.0.0.20 (node 20) is already node 100's (line 1)");
	expect_error(test, "1 10.0.0.1 1\n2 10.0.0.2 1\n# x\n3 10.0.0.1 2\n",
		     "line 4: 10.0.0.1 (node 3) is already node 1's (line 1)");
}

static void hpc_nodemap_test_rejects_line_length(struct kunit *test)
{
	char *text = kunit_kzalloc(test, 512, GFP_KERNEL);
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, text);
	/* "1 10.0.0.1 1" padded with blanks to exactly 255 characters: fine. */
	len = HPC_NODEMAP_MAX_LINE;
	memset(text, ' ', 512);
	memcpy(text, "1 10.0.0.1 1", 12);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, len, map, &err), 0);
	/* One more is too long, newline or not. */
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, len + 1, map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_LINE_TOO_LONG);
	KUNIT_EXPECT_EQ(test, err.line, 1);
	text[len + 1] = '\n';
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, len + 2, map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_LINE_TOO_LONG);
	/* Unless a comment starts in the part that fits. */
	text[len + 1] = ' ';
	text[200] = '#';
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, 400, map, &err), 0);
	KUNIT_EXPECT_EQ(test, map->nr, 1);
	text[200] = ' ';
	text[HPC_NODEMAP_MAX_LINE] = '#';
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, 400, map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_LINE_TOO_LONG);
}

static void hpc_nodemap_test_rejects_text_length(struct kunit *test)
{
	char *text = kunit_kzalloc(test, HPC_NODEMAP_MAX_TEXT + 1, GFP_KERNEL);
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, text);
	for (i = 0; i < HPC_NODEMAP_MAX_TEXT + 1; i++)
		text[i] = i % 64 == 63 ? '\n' : '#';
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, HPC_NODEMAP_MAX_TEXT, map, &err), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, HPC_NODEMAP_MAX_TEXT + 1, map, &err),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_TEXT_TOO_LONG);
	KUNIT_EXPECT_EQ(test, err.line, 0);
	KUNIT_EXPECT_STREQ(test, err.msg, "table longer than 8192 bytes");
}

/* ranges lines "i 10.(i / 256).(i % 256).1 1" for i = 1..n */
static char *many_ranges(struct kunit *test, unsigned int n, size_t *len)
{
	char *text = kunit_kzalloc(test, HPC_NODEMAP_MAX_TEXT, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, text);
	*len = 0;
	for (i = 1; i <= n; i++)
		*len += scnprintf(text + *len, HPC_NODEMAP_MAX_TEXT - *len, "%u 10.%u.%u.1 1\n",
				  i, i / 256, i % 256);
	return text;
}

static void hpc_nodemap_test_rejects_too_many(struct kunit *test)
{
	struct hpc_nodemap *map = new_map(test);
	struct hpc_nodemap_error err;
	char *text;
	size_t len;

	text = many_ranges(test, HPC_NODEMAP_MAX_RANGES, &len);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, len, map, &err), 0);
	KUNIT_EXPECT_EQ(test, map->nr, HPC_NODEMAP_MAX_RANGES);
	text = many_ranges(test, HPC_NODEMAP_MAX_RANGES + 1, &len);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(text, len, map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_TOO_MANY);
	KUNIT_EXPECT_EQ(test, err.line, HPC_NODEMAP_MAX_RANGES + 1);
	KUNIT_EXPECT_STREQ(test, err.msg, "line 257: too many ranges (at most 256)");
}

/* A refused table leaves no half-table behind, and the error is optional. */
static void hpc_nodemap_test_failure_empties(struct kunit *test)
{
	struct hpc_nodemap *map = map_of(test, "1 10.0.0.1 2\n3 10.0.0.3 1\n");
	struct hpc_nodemap_error err;

	KUNIT_EXPECT_EQ(test, parse_str("1 10.0.0.1 2\nbad\n", map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, map->nr, 0);
	KUNIT_EXPECT_EQ(test, parse_str("1 10.0.0.1 2\n", map, NULL), 0);
	KUNIT_EXPECT_EQ(test, parse_str("1 10.0.0.1 2\n3 10.0.0.1 1", map, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, map->nr, 0);
	/* A good parse clears an old error. */
	KUNIT_EXPECT_EQ(test, parse_str("bad", map, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, parse_str("1 10.0.0.1 2", map, &err), 0);
	KUNIT_EXPECT_EQ(test, err.reason, HPC_NODEMAP_OK);
	KUNIT_EXPECT_EQ(test, err.line, 0);
	KUNIT_EXPECT_STREQ(test, err.msg, "");
}

static void hpc_nodemap_test_format(struct kunit *test)
{
	struct hpc_nodemap *map = map_of(test, "  10\t192.168.1.10 2 # lab\n1 10.0.0.1 6\n");
	static const char want[] = "1 10.0.0.1 6\n10 192.168.1.10 2\n";
	char buf[64];
	size_t size;

	KUNIT_EXPECT_EQ(test, hpc_nodemap_format(map, buf, sizeof(buf)), strlen(want));
	KUNIT_EXPECT_STREQ(test, buf, want);
	/* Exactly enough room, then one byte short of it. */
	for (size = 0; size <= strlen(want) + 1; size++) {
		int ret = hpc_nodemap_format(map, buf, size);

		if (size > strlen(want))
			KUNIT_EXPECT_EQ(test, ret, strlen(want));
		else
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOSPC, "size %zu", size);
		if (size)
			KUNIT_EXPECT_LT(test, strlen(buf), size);
	}
	map->nr = 0;
	KUNIT_EXPECT_EQ(test, hpc_nodemap_format(map, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

static void expect_same_ranges(struct kunit *test, const struct hpc_nodemap *a,
			       const struct hpc_nodemap *b)
{
	unsigned int i;

	KUNIT_ASSERT_EQ(test, a->nr, b->nr);
	for (i = 0; i < a->nr; i++) {
		KUNIT_EXPECT_EQ(test, a->range[i].first, b->range[i].first);
		KUNIT_EXPECT_EQ(test, be32_to_cpu(a->range[i].addr), be32_to_cpu(b->range[i].addr));
		KUNIT_EXPECT_EQ(test, a->range[i].count, b->range[i].count);
	}
}

static void hpc_nodemap_test_format_round_trip(struct kunit *test)
{
	static const char * const texts[] = {
		"",
		"1 10.0.0.1 1",
		"# c\n9 10.9.0.1 3\n\n1 10.0.0.1 2 # x\n4 10.0.0.3 5\n",
		"65535 223.255.255.255 1\n1 1.0.0.0 65534\n",
		"300 172.16.0.1 700\n2 192.168.0.2 298\n1000 172.16.2.189 2\n",
	};
	char *buf = kunit_kzalloc(test, HPC_NODEMAP_FORMAT_MAX, GFP_KERNEL);
	struct hpc_nodemap *again = new_map(test);
	struct hpc_nodemap *map;
	unsigned int i;
	char *text;
	size_t len;
	int n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(texts); i++) {
		map = map_of(test, texts[i]);
		n = hpc_nodemap_format(map, buf, HPC_NODEMAP_FORMAT_MAX);
		KUNIT_ASSERT_GE(test, n, 0);
		KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(buf, n, again, NULL), 0);
		expect_same_ranges(test, map, again);
		KUNIT_EXPECT_TRUE(test, hpc_nodemap_equal(map, again));
	}
	/* The largest table fits in HPC_NODEMAP_FORMAT_MAX. */
	map = new_map(test);
	text = many_ranges(test, HPC_NODEMAP_MAX_RANGES, &len);
	KUNIT_ASSERT_EQ(test, hpc_nodemap_parse(text, len, map, NULL), 0);
	n = hpc_nodemap_format(map, buf, HPC_NODEMAP_FORMAT_MAX);
	KUNIT_EXPECT_EQ(test, n, len);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_parse(buf, n, again, NULL), 0);
	expect_same_ranges(test, map, again);
}

static void hpc_nodemap_test_lookups(struct kunit *test)
{
	struct hpc_nodemap *map = map_of(test, "10 10.0.0.250 10\n1 10.0.0.1 3\n"
					       "65535 192.168.0.1 1\n");
	static const struct {
		unsigned int id;
		u32 addr;	/* 0: no such node */
	} cases[] = {
		{ 0, 0 },
		{ 1, H(10, 0, 0, 1) },
		{ 3, H(10, 0, 0, 3) },
		{ 4, 0 },
		{ 9, 0 },
		{ 10, H(10, 0, 0, 250) },
		{ 15, H(10, 0, 0, 255) },
		{ 16, H(10, 0, 1, 0) },
		{ 19, H(10, 0, 1, 3) },
		{ 20, 0 },
		{ 65534, 0 },
		{ 65535, H(192, 168, 0, 1) },
		{ 65536, 0 },
		{ 0xffffffff, 0 },
	};
	unsigned int i;
	__be32 addr;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		addr = A(1, 2, 3, 4);
		if (!cases[i].addr) {
			KUNIT_EXPECT_EQ_MSG(test, hpc_nodemap_addr_of(map, cases[i].id, &addr),
					    -ENOENT, "id %u", cases[i].id);
			KUNIT_EXPECT_EQ(test, be32_to_cpu(addr), 0x01020304);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, hpc_nodemap_addr_of(map, cases[i].id, &addr), 0,
				    "id %u", cases[i].id);
		KUNIT_EXPECT_EQ(test, be32_to_cpu(addr), cases[i].addr);
		KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, addr), cases[i].id);
	}
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(10, 0, 0, 0)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(10, 0, 0, 4)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(10, 0, 0, 249)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(10, 0, 1, 4)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(192, 168, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_id_of(map, A(255, 255, 255, 255)), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_count(map), 14);
}

static void hpc_nodemap_test_iterate(struct kunit *test)
{
	static const unsigned int want[] = { 1, 2, 3, 10, 11, 12, 65534, 65535 };
	struct hpc_nodemap *map = map_of(test, "65534 10.1.0.1 2\n10 10.0.0.10 3\n1 10.0.0.1 3\n");
	unsigned int id, n = 0;

	for (id = hpc_nodemap_next_id(map, 0); id; id = hpc_nodemap_next_id(map, id)) {
		KUNIT_ASSERT_LT(test, n, ARRAY_SIZE(want));
		KUNIT_EXPECT_EQ(test, id, want[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, n, hpc_nodemap_count(map));
	/* From ids that are not in the table, and past the end. */
	KUNIT_EXPECT_EQ(test, hpc_nodemap_next_id(map, 4), 10);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_next_id(map, 12), 65534);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_next_id(map, 65535), 0);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_next_id(map, 70000), 0);
}

struct change {
	unsigned int id;
	enum hpc_nodemap_change change;
};

static void expect_diff(struct kunit *test, const struct hpc_nodemap *old,
			const struct hpc_nodemap *new, const struct change *want, unsigned int nr)
{
	enum hpc_nodemap_change change;
	unsigned int id, n = 0;

	for (id = hpc_nodemap_diff_next(old, new, 0, &change); id;
	     id = hpc_nodemap_diff_next(old, new, id, &change)) {
		KUNIT_ASSERT_LT_MSG(test, n, nr, "unexpected change of node %u", id);
		KUNIT_EXPECT_EQ(test, id, want[n].id);
		KUNIT_EXPECT_EQ_MSG(test, change, want[n].change, "node %u", id);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, nr);
	KUNIT_EXPECT_EQ(test, hpc_nodemap_equal(old, new), nr == 0);
}

static void hpc_nodemap_test_diff(struct kunit *test)
{
	struct hpc_nodemap *old = map_of(test, "1 10.0.0.1 4\n10 10.0.1.1 2\n20 10.0.2.1 1\n");
	/* 1-2 same, 3 moved, 4 removed; 10 same, 11 removed, 12 added; 20 same, 30 added. */
	struct hpc_nodemap *new = map_of(test, "1 10.0.0.1 2\n3 10.0.0.9 1\n10 10.0.1.1 1\n"
					       "12 10.0.1.3 1\n20 10.0.2.1 1\n30 10.0.3.1 1\n");
	static const struct change fwd[] = {
		{ 3, HPC_NODEMAP_MOVED }, { 4, HPC_NODEMAP_REMOVED }, { 11, HPC_NODEMAP_REMOVED },
		{ 12, HPC_NODEMAP_ADDED }, { 30, HPC_NODEMAP_ADDED },
	};
	static const struct change back[] = {
		{ 3, HPC_NODEMAP_MOVED }, { 4, HPC_NODEMAP_ADDED }, { 11, HPC_NODEMAP_ADDED },
		{ 12, HPC_NODEMAP_REMOVED }, { 30, HPC_NODEMAP_REMOVED },
	};
	static const struct change all_added[] = {
		{ 1, HPC_NODEMAP_ADDED }, { 2, HPC_NODEMAP_ADDED }, { 3, HPC_NODEMAP_ADDED },
		{ 4, HPC_NODEMAP_ADDED }, { 10, HPC_NODEMAP_ADDED }, { 11, HPC_NODEMAP_ADDED },
		{ 20, HPC_NODEMAP_ADDED },
	};
	static const struct change all_removed[] = {
		{ 1, HPC_NODEMAP_REMOVED }, { 2, HPC_NODEMAP_REMOVED },
		{ 3, HPC_NODEMAP_REMOVED }, { 4, HPC_NODEMAP_REMOVED },
		{ 10, HPC_NODEMAP_REMOVED }, { 11, HPC_NODEMAP_REMOVED },
		{ 20, HPC_NODEMAP_REMOVED },
	};

	expect_diff(test, old, new, fwd, ARRAY_SIZE(fwd));
	expect_diff(test, new, old, back, ARRAY_SIZE(back));
	expect_diff(test, old, old, NULL, 0);
	/* Joining a cluster adds every node, leaving it removes every node. */
	expect_diff(test, NULL, old, all_added, ARRAY_SIZE(all_added));
	expect_diff(test, old, NULL, all_removed, ARRAY_SIZE(all_removed));
	expect_diff(test, map_of(test, ""), old, all_added, ARRAY_SIZE(all_added));
	expect_diff(test, NULL, NULL, NULL, 0);
	expect_diff(test, NULL, map_of(test, "# none"), NULL, 0);
}

/* Equal means the same nodes at the same addresses, however the ranges are cut. */
static void hpc_nodemap_test_equal(struct kunit *test)
{
	struct hpc_nodemap *a = map_of(test, "1 10.0.0.1 5\n100 10.1.0.1 65000\n");
	struct hpc_nodemap *b = map_of(test, "3 10.0.0.3 3\n1 10.0.0.1 2\n"
					     "100 10.1.0.1 1000\n1100 10.1.3.233 64000\n");
	static const struct change shifted[] = {
		{ 1, HPC_NODEMAP_REMOVED }, { 2, HPC_NODEMAP_MOVED }, { 3, HPC_NODEMAP_MOVED },
		{ 4, HPC_NODEMAP_MOVED }, { 5, HPC_NODEMAP_MOVED }, { 6, HPC_NODEMAP_ADDED },
	};

	KUNIT_EXPECT_TRUE(test, hpc_nodemap_equal(a, b));
	KUNIT_EXPECT_TRUE(test, hpc_nodemap_equal(b, a));
	expect_diff(test, a, b, NULL, 0);
	/* The same addresses under other ids are other nodes. */
	b = map_of(test, "2 10.0.0.1 5\n100 10.1.0.1 65000\n");
	expect_diff(test, map_of(test, "1 10.0.0.1 5\n100 10.1.0.1 65000\n"), b,
		    shifted, ARRAY_SIZE(shifted));
	KUNIT_EXPECT_FALSE(test, hpc_nodemap_equal(a, NULL));
	KUNIT_EXPECT_TRUE(test, hpc_nodemap_equal(NULL, map_of(test, "")));
}

static struct kunit_case hpc_nodemap_test_cases[] = {
	KUNIT_CASE(hpc_nodemap_test_accepts_ranges),
	KUNIT_CASE(hpc_nodemap_test_accepts_layout),
	KUNIT_CASE(hpc_nodemap_test_accepts_empty),
	KUNIT_CASE(hpc_nodemap_test_accepts_limits),
	KUNIT_CASE(hpc_nodemap_test_rejects),
	KUNIT_CASE(hpc_nodemap_test_rejects_nul),
	KUNIT_CASE(hpc_nodemap_test_error_messages),
	KUNIT_CASE(hpc_nodemap_test_error_names_first_line),
	KUNIT_CASE(hpc_nodemap_test_rejects_line_length),
	KUNIT_CASE(hpc_nodemap_test_rejects_text_length),
	KUNIT_CASE(hpc_nodemap_test_rejects_too_many),
	KUNIT_CASE(hpc_nodemap_test_failure_empties),
	KUNIT_CASE(hpc_nodemap_test_format),
	KUNIT_CASE(hpc_nodemap_test_format_round_trip),
	KUNIT_CASE(hpc_nodemap_test_lookups),
	KUNIT_CASE(hpc_nodemap_test_iterate),
	KUNIT_CASE(hpc_nodemap_test_diff),
	KUNIT_CASE(hpc_nodemap_test_equal),
	{}
};

static struct kunit_suite hpc_nodemap_test_suite = {
	.name = "hpc-nodemap",
	.test_cases = hpc_nodemap_test_cases,
};

kunit_test_suite(hpc_nodemap_test_suite);
