// SPDX-License-Identifier: GPL-2.0-only
/*
 * Drive the nodemap fuzz target (nodemap-fuzz.c) without libFuzzer: texts
 * shaped like node maps, with every boundary of the rules close at hand
 * (ids, addresses and counts just inside and outside their limits,
 * conflicting ranges, long lines, too many ranges) and a little random
 * damage, so that most of the rules are reached within a few thousand
 * inputs. Deterministic for a given seed:
 *
 *	nodemap-gen [ITERATIONS [SEED]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "nodemap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void nodemap_fuzz_report(void);

static unsigned long long rng_state;

static unsigned int rnd(unsigned int n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return n ? (unsigned int)(rng_state >> 33) % n : 0;
}

/* Ids and addresses near every boundary the rules have, and a few crowds. */
/* Ids, addresses and counts: good ones, then ones near every boundary of the rules. */
static const char * const some_ids[] = {
	"1", "2", "3", "5", "8", "10", "11", "12", "20", "100", "255", "256",
	"65533", "65534", "65535",
	"65536", "0", "00", "007", "99999999999", "-1", "+2", "1x", "4294967297",
};

static const char * const some_addrs[] = {
	"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.10", "10.0.0.254", "10.0.0.255",
	"10.0.1.0", "192.168.1.1", "172.16.0.1", "1.0.0.0", "126.255.255.254", "128.0.0.0",
	"223.255.255.250",
	"0.255.255.255", "0.0.0.0", "127.0.0.1", "127.255.255.255", "224.0.0.0",
	"239.255.255.255", "240.0.0.0", "255.255.255.250", "255.255.255.255", "010.0.0.1",
	"10.0.0", "10.0.0.1.", "10.0.0.256", "10..0.1", "host", "::1", "10.0.0.1/8",
	"1.2.3.4x", "ALIAS",
};

static const char * const some_counts[] = {
	"1", "2", "3", "4", "10", "200", "256", "300", "65535", "01",
	"0", "65536", "x", "ALIAS", "alias",
};

#define GOOD_IDS	15
#define GOOD_ADDRS	13
#define GOOD_COUNTS	10

static const char * const blanks[] = { " ", " ", "\t", "  ", " \t ", "\r", "\v", "\f" };

static size_t put(char *buf, size_t len, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (len + n > size)
		n = size - len;
	memcpy(buf + len, s, n);
	return len + n;
}

/* Mostly one of the first good ones of set, sometimes any. */
static const char *pick(const char * const *set, size_t n, size_t good)
{
	return set[rnd(8) ? rnd(good) : rnd(n)];
}

#define PICK(set)	pick(set, ARRAY_SIZE(set), ARRAY_SIZE(set))
#define PICK_GOOD(set, good)	pick(set, ARRAY_SIZE(set), good)

/* A map-like text: mostly ranges, some comments and blank lines, a little damage. */
static size_t generate(char *buf, size_t size)
{
	unsigned int lines = rnd(8) == 0 ? 250 + rnd(20) : rnd(12), i, k;
	char num[32];
	size_t len = 0;

	for (i = 0; i < lines && len < size; i++) {
		switch (lines > 100 ? 9 : rnd(10)) {
		case 0:
			len = put(buf, len, size, "# comment");
			break;
		case 1:
			len = put(buf, len, size, rnd(2) ? "" : PICK(blanks));
			break;
		default:
			if (rnd(3) == 0)
				len = put(buf, len, size, PICK(blanks));
			if (lines > 100) {
				/* many small distinct ranges, to reach the range limit */
				snprintf(num, sizeof(num), "%u 10.%u.%u.1 1", i + 1, i / 256,
					 i % 256);
				len = put(buf, len, size, num);
			} else {
				if (rnd(4) == 0)
					snprintf(num, sizeof(num), "%u", 1 + rnd(40));
				else
					snprintf(num, sizeof(num), "%s",
						 PICK_GOOD(some_ids, GOOD_IDS));
				len = put(buf, len, size, num);
				len = put(buf, len, size, PICK(blanks));
				len = put(buf, len, size, PICK_GOOD(some_addrs, GOOD_ADDRS));
				len = put(buf, len, size, PICK(blanks));
				if (rnd(4) == 0)
					snprintf(num, sizeof(num), "%u", 1 + rnd(20));
				else
					snprintf(num, sizeof(num), "%s",
						 PICK_GOOD(some_counts, GOOD_COUNTS));
				len = put(buf, len, size, num);
			}
			if (rnd(lines > 100 ? 1000 : 8) == 0)
				len = put(buf, len, size, rnd(2) ? " extra" : "#c");
			if (rnd(4) == 0)
				len = put(buf, len, size, PICK(blanks));
		}
		if (rnd(40) == 0)	/* a long line, with or without a comment in reach */
			for (k = 250 + rnd(20); k-- && len < size;)
				buf[len++] = k == 100 && rnd(2) ? '#' : ' ';
		if (i + 1 < lines || rnd(2))
			len = put(buf, len, size, "\n");
	}
	/* Damage: a few random bytes changed, inserted or removed. */
	for (k = rnd(3) == 0 ? 1 + rnd(3) : 0; k && len; k--) {
		i = rnd(len);
		switch (rnd(3)) {
		case 0:
			buf[i] = rnd(4) ? "0123456789. #\n\t-x"[rnd(17)] : (char)rnd(256);
			break;
		case 1:
			if (len < size) {
				memmove(buf + i + 1, buf + i, len - i);
				buf[i] = (char)rnd(256);
				len++;
			}
			break;
		default:
			memmove(buf + i, buf + i + 1, len - i - 1);
			len--;
		}
	}
	return len;
}

int main(int argc, char **argv)
{
	unsigned long iterations = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000, i;
	static char buf[HPC_NODEMAP_MAX_TEXT + 512];
	size_t len;
	char *text;

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
	for (i = 0; i < iterations; i++) {
		len = rnd(50) == 0 ? rnd(sizeof(buf)) : generate(buf, sizeof(buf));
		if (len == 0 || rnd(50) == 0)
			for (size_t j = 0; j < len; j++)
				buf[j] = (char)rnd(256);
		text = malloc(len ? len : 1);
		memcpy(text, buf, len);
		LLVMFuzzerTestOneInput((const uint8_t *)text, len);
		free(text);
	}
	nodemap_fuzz_report();
	return 0;
}
