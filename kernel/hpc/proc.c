// SPDX-License-Identifier: GPL-2.0-only
/*
 * The /proc/hpc tree.
 *
 * /proc/hpc/admin holds one file per administrator setting: reading shows
 * the value, a write by a process with CAP_SYS_ADMIN changes it. A write
 * that is not a valid value fails with -EINVAL and changes nothing.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/capability.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "proc.h"
#include "tunable.h"

static struct proc_dir_entry *hpc_proc_root;
static struct proc_dir_entry *hpc_proc_admin;

static int tunable_show(struct seq_file *m, void *v)
{
	const struct hpc_tunable *t = m->private;

	seq_printf(m, "%d\n", READ_ONCE(t->value));
	return 0;
}

static int tunable_open(struct inode *inode, struct file *file)
{
	return single_open(file, tunable_show, pde_data(inode));
}

static ssize_t tunable_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct hpc_tunable *t = pde_data(file_inode(file));
	char buf[HPC_TUNABLE_MAX_WRITE];
	int val, ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (count == 0 || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;

	ret = hpc_tunable_parse(t, buf, count, &val);
	if (!ret)
		ret = hpc_tunable_set(t, val);
	return ret ? ret : count;
}

static const struct proc_ops tunable_proc_ops = {
	.proc_open	= tunable_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
	.proc_write	= tunable_write,
};

int __init hpc_proc_init(void)
{
	int i;

	hpc_proc_root = proc_mkdir("hpc", NULL);
	if (!hpc_proc_root)
		return -ENOMEM;
	hpc_proc_admin = proc_mkdir("admin", hpc_proc_root);
	if (!hpc_proc_admin)
		goto fail;

	for (i = 0; i < HPC_NR_TUNABLES; i++) {
		struct hpc_tunable *t = &hpc_tunables[i];

		if (!proc_create_data(t->name, 0644, hpc_proc_admin,
				      &tunable_proc_ops, t))
			goto fail;
	}
	return 0;

fail:
	proc_remove(hpc_proc_root);
	hpc_proc_root = NULL;
	return -ENOMEM;
}
