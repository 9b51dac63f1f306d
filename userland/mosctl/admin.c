// SPDX-License-Identifier: GPL-2.0-only
/*
 * The switches of /proc/hpc/admin (stay, lstay, block, quiet, MFS) and the
 * one-shot triggers expel and bring. The triggers belong to process
 * migration, which older kernels of this series do not have yet: when
 * their file is missing we say so and fail rather than pretend.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hpc.h"
#include "mosctl.h"

static const struct {
	const char *name;
	const char *file;
	int value;
} flags[] = {
	{ "stay", "hpc/admin/stay", 1 },
	{ "nostay", "hpc/admin/stay", 0 },
	{ "lstay", "hpc/admin/lstay", 1 },
	{ "nolstay", "hpc/admin/lstay", 0 },
	{ "block", "hpc/admin/block", 1 },
	{ "noblock", "hpc/admin/block", 0 },
	{ "quiet", "hpc/admin/quiet", 1 },
	{ "noquiet", "hpc/admin/quiet", 0 },
	/* the kernel's switch is negative: nomfs = 1 turns MFS off */
	{ "mfs", "hpc/admin/nomfs", 0 },
	{ "nomfs", "hpc/admin/nomfs", 1 },
};

int cmd_admin_flag(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		if (!strcmp(flags[i].name, argv[0])) {
			mosctl_write_number(flags[i].file, flags[i].value);
			return 0;
		}
	}
	errx(1, "internal error: no switch for '%s'", argv[0]);
}

int cmd_admin_trigger(int argc, char **argv)
{
	char rel[64];

	/* argv[0] is "expel" or "bring", the name of the admin file */
	snprintf(rel, sizeof(rel), "hpc/admin/%s", argv[0]);
	if (hpc_write_long(rel, 1) == 0)
		return 0;
	if (errno != ENOENT)
		mosctl_fail(rel);
	mosctl_require_hpc();
	errx(1, "process migration is not available in this kernel (no %s)",
	     mosctl_path(rel));
}
