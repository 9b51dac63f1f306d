// SPDX-License-Identifier: GPL-2.0-only
/*
 * gettune: the cost-model parameters that tune(1) measures and writes to
 * /proc/hpc/admin/overheads. Kernels without that file do not have them.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "hpc.h"
#include "mosctl.h"

#define OVERHEADS	"hpc/admin/overheads"

int cmd_gettune(int argc, char **argv)
{
	size_t size = 64 * 1024;
	char *buf = malloc(size);

	if (!buf)
		err(1, "malloc");
	if (hpc_read_text(OVERHEADS, buf, size) < 0) {
		if (errno != ENOENT)
			mosctl_fail(OVERHEADS);
		mosctl_require_hpc();
		errx(1, "tuning parameters are not available in this kernel yet (no %s)",
		     mosctl_path(OVERHEADS));
	}
	if (*buf)
		printf("%s\n", buf);
	free(buf);
	return 0;
}
