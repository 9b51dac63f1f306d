/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The KUnit checks the hpc-nodemap suite uses beyond those of
 * tests/fuzz/shim/kunit/test.h, which it includes.
 */
#ifndef _NODEMAP_SHIM_KUNIT_TEST_H
#define _NODEMAP_SHIM_KUNIT_TEST_H

#include_next <kunit/test.h>

#ifndef KUNIT_ASSERT_LT_MSG
#define KUNIT_ASSERT_LT_MSG(t, l, r, ...)	SHIM_KUNIT_CMP(t, 1, l, <, r, __VA_ARGS__)
#endif
#ifndef KUNIT_ASSERT_LT
#define KUNIT_ASSERT_LT(t, l, r)	KUNIT_ASSERT_LT_MSG(t, l, r, "%s", "")
#endif
#ifndef KUNIT_EXPECT_STREQ
#define KUNIT_EXPECT_STREQ(t, l, r) do {					\
	const char *shim_ls = (l), *shim_rs = (r);				\
	if (strcmp(shim_ls, shim_rs)) {						\
		(t)->failed = 1;						\
		fprintf(stderr, "    # %s: %s:%d: expected %s == %s (\"%s\" vs \"%s\")\n", \
			(t)->name, __FILE__, __LINE__, #l, #r, shim_ls, shim_rs); \
	}									\
} while (0)
#endif

#endif
