/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <asm/unaligned.h>: big-endian accessors at any
 * address, one byte at a time so they hold on every host.
 */
#ifndef _SHIM_ASM_UNALIGNED_H
#define _SHIM_ASM_UNALIGNED_H

#include <linux/types.h>

static inline u64 shim_get_be(const void *p, unsigned int n)
{
	const u8 *b = p;
	u64 v = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		v = (v << 8) | b[i];
	return v;
}

static inline void shim_put_be(u64 v, void *p, unsigned int n)
{
	u8 *b = p;

	while (n--) {
		b[n] = (u8)v;
		v >>= 8;
	}
}

static inline u16 get_unaligned_be16(const void *p)
{
	return (u16)shim_get_be(p, 2);
}

static inline u32 get_unaligned_be32(const void *p)
{
	return (u32)shim_get_be(p, 4);
}

static inline u64 get_unaligned_be64(const void *p)
{
	return shim_get_be(p, 8);
}

static inline void put_unaligned_be16(u16 v, void *p)
{
	shim_put_be(v, p, 2);
}

static inline void put_unaligned_be32(u32 v, void *p)
{
	shim_put_be(v, p, 4);
}

static inline void put_unaligned_be64(u64 v, void *p)
{
	shim_put_be(v, p, 8);
}

#endif
