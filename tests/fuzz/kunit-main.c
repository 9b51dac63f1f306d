// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run the KUnit suite of one pure file as a host program, through the
 * stand-in <kunit/test.h> in shim/. Build the file with
 * -DCONFIG_HPC_KUNIT_TEST and link this beside it. One line per case, in
 * the form tests/run counts; the exit status is 1 if any case failed.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <kunit/test.h>

extern struct kunit_suite *const shim_kunit_suite;

/* 1 if the case failed. An assertion longjmp()s back here. */
static int run_case(const struct kunit_case *c)
{
	struct kunit test = { .name = c->name };
	unsigned int i;

	if (!setjmp(test.abort))
		c->run_case(&test);
	for (i = 0; i < test.nr_allocs; i++)
		free(test.allocs[i]);
	return test.failed;
}

int main(void)
{
	const struct kunit_suite *suite = shim_kunit_suite;
	const struct kunit_case *c;
	int failed, failures = 0;

	for (c = suite->test_cases; c->run_case; c++) {
		failed = run_case(c);
		printf("%s - kunit %s (host): %s\n", failed ? "not ok" : "ok",
		       suite->name, c->name);
		failures += failed;
	}
	return failures ? 1 : 0;
}
