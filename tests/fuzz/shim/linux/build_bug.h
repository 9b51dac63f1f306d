/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-in for <linux/build_bug.h>: one-argument static_assert. */
#ifndef _SHIM_LINUX_BUILD_BUG_H
#define _SHIM_LINUX_BUILD_BUG_H

#undef static_assert
#define static_assert(expr)	_Static_assert(expr, #expr)

#endif
