/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What kernel/hpc/nodemap.c needs beyond tests/fuzz/shim/linux/kernel.h:
 * printf-like formatting, byte order and min/max. Searched before the
 * shared shim, which it includes; each addition steps aside if the shared
 * shim grows the same name.
 */
#ifndef _NODEMAP_SHIM_LINUX_KERNEL_H
#define _NODEMAP_SHIM_LINUX_KERNEL_H

#include_next <linux/kernel.h>

#include <stdarg.h>
#include <stdio.h>

#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif

#ifndef scnprintf
#define scnprintf(buf, size, ...) ({						\
	int _n = snprintf(buf, size, __VA_ARGS__);				\
	_n < 0 ? 0 : (size_t)_n >= (size_t)(size) ? (int)(size) - 1 : _n;	\
})
#endif

#ifndef cpu_to_be32
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define cpu_to_be32(x)	((__be32)__builtin_bswap32(x))
#define be32_to_cpu(x)	((u32)__builtin_bswap32(x))
#else
#define cpu_to_be32(x)	((__be32)(x))
#define be32_to_cpu(x)	((u32)(x))
#endif
#endif

#ifndef min
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#endif
#ifndef max_t
#define max_t(t, a, b)	max((t)(a), (t)(b))
#endif

#endif
