// SPDX-License-Identifier: GPL-2.0-only
/*
 * setpe -off: leave the cluster. An empty table tells the kernel to drop
 * every node; this node's id goes back to 0.
 */
#include <err.h>

#include "hpc.h"
#include "setpe.h"

int setpe_off(void)
{
	setpe_require_kernel();
	if (hpc_write_text("hpc/admin/config", "") < 0)
		err(1, "%s", setpe_path("hpc/admin/config"));
	if (hpc_write_long("hpc/admin/mospe", 0) < 0)
		err(1, "%s", setpe_path("hpc/admin/mospe"));
	return 0;
}
