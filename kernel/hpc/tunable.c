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

#include "tunable.h"

#define TUNABLE(_id, _name, _min, _max, _def) \
	[_id] = { .name = _name, .min = _min, .max = _max, .def = _def, .value = _def }

/*
 * speed is relative to the reference CPU of openMosix (a 1 GHz Pentium III
 * is 10000). The decays are kept per mille per decay interval.
 */
struct hpc_tunable hpc_tunables[HPC_NR_TUNABLES] = {
	TUNABLE(HPC_MOSPE,          "mospe",          0, 65535,   0),
	TUNABLE(HPC_STAY,           "stay",           0, 1,       0),
	TUNABLE(HPC_LSTAY,          "lstay",          0, 1,       0),
	TUNABLE(HPC_BLOCK,          "block",          0, 1,       0),
	TUNABLE(HPC_QUIET,          "quiet",          0, 1,       0),
	TUNABLE(HPC_NOMFS,          "nomfs",          0, 1,       0),
	TUNABLE(HPC_SPEED,          "speed",          1, 1000000, 10000),
	TUNABLE(HPC_DECAY_INTERVAL, "decay-interval", 1, 3600,    1),
	TUNABLE(HPC_SLOW_DECAY,     "slow-decay",     1, 1000,    975),
	TUNABLE(HPC_FAST_DECAY,     "fast-decay",     1, 1000,    926),
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
