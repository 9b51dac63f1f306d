/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <kunit/test.h>, so that the KUnit suite of a pure
 * file runs on the host in a second, under ASan and UBSan, long before a
 * kernel boots. Only the part of the API our suites use is here; an
 * expectation that fails prints where and what, an assertion also ends the
 * case, like in the kernel. tests/fuzz/kunit-main.c runs the suite.
 */
#ifndef _SHIM_KUNIT_TEST_H
#define _SHIM_KUNIT_TEST_H

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#define GFP_KERNEL	0

struct kunit {
	const char *name;
	int failed;
	jmp_buf abort;
	void *allocs[64];
	unsigned int nr_allocs;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(fn)	{ .run_case = fn, .name = #fn }

/* One suite per file: kunit-main.c finds it under this name. */
#define kunit_test_suite(s)	struct kunit_suite *const shim_kunit_suite = &(s)

static inline void *kunit_kzalloc(struct kunit *test, size_t size, int gfp)
{
	void *p;

	(void)gfp;
	if (test->nr_allocs == ARRAY_SIZE(test->allocs))
		return NULL;
	p = calloc(1, size);
	if (p)
		test->allocs[test->nr_allocs++] = p;
	return p;
}

#define kunit_info(test, fmt, ...) \
	fprintf(stderr, "    # %s: " fmt, (test)->name, ##__VA_ARGS__)

static inline void shim_kunit_report(struct kunit *test, const char *file, int line,
				     const char *what, long long l, long long r)
{
	test->failed = 1;
	fprintf(stderr, "    # %s: %s:%d: expected %s (%lld vs %lld)\n",
		test->name, file, line, what, l, r);
}

#define SHIM_KUNIT_CMP(test, fatal, left, op, right, ...) do {			\
	__typeof__(left) shim_l = (left);					\
	__typeof__(right) shim_r = (right);					\
	if (!(shim_l op shim_r)) {						\
		shim_kunit_report(test, __FILE__, __LINE__,			\
				  #left " " #op " " #right,			\
				  (long long)shim_l, (long long)shim_r);	\
		fprintf(stderr, "    # " __VA_ARGS__);				\
		fprintf(stderr, "\n");						\
		if (fatal)							\
			longjmp((test)->abort, 1);				\
	}									\
} while (0)

#define KUNIT_EXPECT_EQ_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, ==, r, __VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, !=, r, __VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, <, r, __VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, <=, r, __VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, >, r, __VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 0, l, >=, r, __VA_ARGS__)
#define KUNIT_ASSERT_EQ_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 1, l, ==, r, __VA_ARGS__)
#define KUNIT_ASSERT_GE_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 1, l, >=, r, __VA_ARGS__)

#define KUNIT_EXPECT_EQ(t, l, r)	KUNIT_EXPECT_EQ_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_NE(t, l, r)	KUNIT_EXPECT_NE_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_LT(t, l, r)	KUNIT_EXPECT_LT_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_LE(t, l, r)	KUNIT_EXPECT_LE_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_GT(t, l, r)	KUNIT_EXPECT_GT_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_GE(t, l, r)	KUNIT_EXPECT_GE_MSG(t, l, r, "%s", "")
#define KUNIT_ASSERT_EQ(t, l, r)	KUNIT_ASSERT_EQ_MSG(t, l, r, "%s", "")
#define KUNIT_ASSERT_GE(t, l, r)	KUNIT_ASSERT_GE_MSG(t, l, r, "%s", "")
#define KUNIT_EXPECT_TRUE(t, c)		KUNIT_EXPECT_EQ(t, !!(c), 1)
#define KUNIT_EXPECT_FALSE(t, c)	KUNIT_EXPECT_EQ(t, !!(c), 0)
#define KUNIT_EXPECT_TRUE_MSG(t, c, ...)	KUNIT_EXPECT_EQ_MSG(t, !!(c), 1, __VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(t, c, ...)	KUNIT_EXPECT_EQ_MSG(t, !!(c), 0, __VA_ARGS__)
#define KUNIT_ASSERT_TRUE(t, c)		KUNIT_ASSERT_EQ(t, !!(c), 1)
#define KUNIT_ASSERT_NOT_NULL(t, p)	KUNIT_ASSERT_EQ(t, (p) != NULL, 1)

#endif
