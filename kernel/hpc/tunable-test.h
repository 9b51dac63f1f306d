/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit tests of the admin settings' parser, included at the bottom of
 * tunable.c so they reach its internals.
 */
#include <kunit/test.h>

static const struct hpc_tunable test_bool = {
	.name = "bool", .min = 0, .max = 1, .def = 0,
};

static const struct hpc_tunable test_range = {
	.name = "range", .min = 1, .max = 1000, .def = 975,
};

static int parse(const struct hpc_tunable *t, const char *s, int *v)
{
	return hpc_tunable_parse(t, s, strlen(s), v);
}

static void hpc_tunable_test_accepts(struct kunit *test)
{
	int v = -1;

	KUNIT_EXPECT_EQ(test, parse(&test_bool, "1", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 1);
	KUNIT_EXPECT_EQ(test, parse(&test_bool, "0\n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, parse(&test_range, "1000\n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 1000);
	KUNIT_EXPECT_EQ(test, parse(&test_range, "+7", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 7);
}

static void hpc_tunable_test_rejects_garbage(struct kunit *test)
{
	static const char * const bad[] = {
		"", "\n", "x", "1x", "1 ", " 1", "1\n\n", "0x1", "1.0", "--1",
		"99999999999999999999", "1\n2",
	};
	int i, v = 42;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ_MSG(test, parse(&test_range, bad[i], &v), -EINVAL,
				    "accepted \"%s\"", bad[i]);
		KUNIT_EXPECT_EQ(test, v, 42);
	}
}

static void hpc_tunable_test_rejects_out_of_range(struct kunit *test)
{
	int v = 42;

	KUNIT_EXPECT_EQ(test, parse(&test_bool, "2", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, parse(&test_bool, "-1", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, parse(&test_range, "0", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, parse(&test_range, "1001", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 42);
}

static void hpc_tunable_test_rejects_embedded_nul(struct kunit *test)
{
	int v = 42;

	KUNIT_EXPECT_EQ(test, hpc_tunable_parse(&test_range, "5\0", 2, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 42);
}

static void hpc_tunable_test_rejects_overlong(struct kunit *test)
{
	char buf[HPC_TUNABLE_MAX_WRITE + 1];
	int v = 42;

	/* Leading zeros keep the number small: only the length is wrong. */
	memset(buf, '0', sizeof(buf));
	buf[sizeof(buf) - 2] = '5';
	KUNIT_EXPECT_EQ(test, hpc_tunable_parse(&test_range, buf, sizeof(buf) - 1, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, hpc_tunable_parse(&test_range, buf + 2, sizeof(buf) - 3, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 5);
}

static void hpc_tunable_test_defaults(struct kunit *test)
{
	int i;

	for (i = 0; i < HPC_NR_TUNABLES; i++) {
		const struct hpc_tunable *t = &hpc_tunables[i];

		KUNIT_EXPECT_NOT_NULL(test, t->name);
		KUNIT_EXPECT_LE(test, t->min, t->def);
		KUNIT_EXPECT_LE(test, t->def, t->max);
	}
	KUNIT_EXPECT_EQ(test, hpc_tunables[HPC_SLOW_DECAY].def, 975);
	KUNIT_EXPECT_EQ(test, hpc_tunables[HPC_FAST_DECAY].def, 926);
}

static void hpc_tunable_test_set_checks_range(struct kunit *test)
{
	struct hpc_tunable t = test_range;

	t.value = t.def;
	KUNIT_EXPECT_EQ(test, hpc_tunable_set(&t, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, t.value, 975);
	KUNIT_EXPECT_EQ(test, hpc_tunable_set(&t, 500), 0);
	KUNIT_EXPECT_EQ(test, t.value, 500);
}

static struct kunit_case hpc_tunable_test_cases[] = {
	KUNIT_CASE(hpc_tunable_test_accepts),
	KUNIT_CASE(hpc_tunable_test_rejects_garbage),
	KUNIT_CASE(hpc_tunable_test_rejects_out_of_range),
	KUNIT_CASE(hpc_tunable_test_rejects_embedded_nul),
	KUNIT_CASE(hpc_tunable_test_rejects_overlong),
	KUNIT_CASE(hpc_tunable_test_defaults),
	KUNIT_CASE(hpc_tunable_test_set_checks_range),
	{}
};

static struct kunit_suite hpc_tunable_test_suite = {
	.name = "hpc-tunable",
	.test_cases = hpc_tunable_test_cases,
};

kunit_test_suite(hpc_tunable_test_suite);
