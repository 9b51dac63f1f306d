// SPDX-License-Identifier: GPL-2.0-only
/*
 * openMosix: wires the subsystems together, in dependency order.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/init.h>
#include <linux/printk.h>

#include "chan.h"
#include "loadinfo.h"
#include "proc.h"
#include "tunable.h"

static int __init hpc_init(void)
{
	int ret;

	hpc_tunables_init();
	ret = hpc_proc_init();
	if (ret) {
		pr_err("cannot create /proc/hpc: %d\n", ret);
		return ret;
	}
	ret = hpc_chan_init();
	if (ret)
		return ret;
	ret = hpc_loadinfo_init();
	if (ret) {
		pr_err("cannot start the load information thread: %d\n", ret);
		return ret;
	}
	pr_info("openMosix ready\n");
	return 0;
}
late_initcall(hpc_init);
