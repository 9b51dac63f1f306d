// SPDX-License-Identifier: GPL-2.0-only
/*
 * The administrator's settings of this node.
 *
 * Each setting is one integer with a fixed range, independent of the others,
 * so a single WRITE_ONCE()/READ_ONCE() pair is all the locking it needs.
 * The parser is a pure function so KUnit can test it on its own.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/kernel.h>
#include <linux/string.h>

#include "node.h"
#include "tunable.h"

/*
 * speed is relative to the reference CPU of openMosix (a 1 GHz Pentium III
 * is 10000). The decays are kept per mille per decay interval.
 */
struct hpc_tunable hpc_tunables[HPC_NR_TUNABLES] = {
	[HPC_MOSPE] = { .name = "mospe", .min = 0, .max = 65535, .def = 0,
			.set = hpc_nodes_set_self },
	[HPC_STAY] = { .name = "stay", .min = 0, .max = 1, .def = 0 },
	[HPC_LSTAY] = { .name = "lstay", .min = 0, .max = 1, .def = 0 },
	[HPC_BLOCK] = { .name = "block", .min = 0, .max = 1, .def = 0 },
	[HPC_QUIET] = { .name = "quiet", .min = 0, .max = 1, .def = 0 },
	[HPC_NOMFS] = { .name = "nomfs", .min = 0, .max = 1, .def = 0 },
	[HPC_SPEED] = { .name = "speed", .min = 1, .max = 1000000, .def = HPC_REFERENCE_SPEED },
	[HPC_DECAY_INTERVAL] = { .name = "decay-interval", .min = 1, .max = 3600, .def = 1 },
	[HPC_SLOW_DECAY] = { .name = "slow-decay", .min = 1, .max = 1000, .def = 975 },
	[HPC_FAST_DECAY] = { .name = "fast-decay", .min = 1, .max = 1000, .def = 926 },
};

/**
 * hpc_tunable_parse() - turn the text written to an admin file into a value
 * @t:   the setting the text is for
 * @buf: the text, not necessarily NUL-terminated
 * @len: its length
 * @val: where the value goes on success
 *
 * The text must be a decimal integer, optionally followed by one newline,
 * and lie in the setting's range.
 *
 * Return: 0, or -EINVAL for empty, overlong, malformed or out-of-range text.
 */
int hpc_tunable_parse(const struct hpc_tunable *t, const char *buf,
		      size_t len, int *val)
{
	char text[HPC_TUNABLE_MAX_WRITE];
	int v;

	if (len == 0 || len >= sizeof(text))
		return -EINVAL;
	memcpy(text, buf, len);
	text[len] = '\0';
	if (strlen(text) != len)
		return -EINVAL;
	if (kstrtoint(text, 10, &v))
		return -EINVAL;
	if (v < t->min || v > t->max)
		return -EINVAL;
	*val = v;
	return 0;
}

/**
 * hpc_tunable_get() - the current value of a setting
 * @id: which setting
 */
int hpc_tunable_get(enum hpc_tunable_id id)
{
	return READ_ONCE(hpc_tunables[id].value);
}

/**
 * hpc_tunables_init() - give every setting its default value
 */
void __init hpc_tunables_init(void)
{
	int i;

	for (i = 0; i < HPC_NR_TUNABLES; i++)
		hpc_tunables[i].value = hpc_tunables[i].def;
}

/**
 * hpc_tunable_set() - change a setting
 * @t:   the setting
 * @val: the new value, already checked by hpc_tunable_parse()
 *
 * Return: 0, or -EINVAL if @val is out of range.
 */
int hpc_tunable_set(struct hpc_tunable *t, int val)
{
	if (val < t->min || val > t->max)
		return -EINVAL;

	WRITE_ONCE(t->value, val);
	pr_debug("%s set to %d\n", t->name, val);
	return 0;
}

#ifdef CONFIG_HPC_KUNIT_TEST
#include "tunable-test.h"
#endif
