/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <linux/errno.h>: the UAPI header of the same name
 * has the numbers (libc's <errno.h> includes it too, so it must be that one).
 */
#ifndef _SHIM_LINUX_ERRNO_H
#define _SHIM_LINUX_ERRNO_H

#include_next <linux/errno.h>

#endif
