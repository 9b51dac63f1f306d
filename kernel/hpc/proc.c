// SPDX-License-Identifier: GPL-2.0-only
/*
 * The /proc/hpc tree.
 *
 * /proc/hpc/admin holds one file per administrator setting: reading shows
 * the value, a write by a process with CAP_SYS_ADMIN changes it. A write
 * that is not a valid value fails with -EINVAL and changes nothing.
 * admin/config is the node table as text, admin/key the cluster key, which
 * can be written but never read back; writing 1 to admin/bring calls every
 * process of this node home, to admin/expel sends every guest home.
 * /proc/hpc/nodes belongs to node.c, /proc/hpc/remote to remote.c.
 */

#define pr_fmt(fmt) "hpc: " fmt

#include <linux/capability.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "auth.h"
#include "node.h"
#include "nodemap.h"
#include "proc.h"
#include "remote.h"
#include "task.h"
#include "transport.h"
#include "tunable.h"

static struct proc_dir_entry *hpc_proc_root;
static struct proc_dir_entry *hpc_proc_admin;

/*
 * The start of a write to a short admin file: only root, and the text
 * (1 to size - 1 bytes) copied into buf.
 */
static int admin_copy_in(char *buf, size_t size, const char __user *ubuf, size_t count)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (count == 0 || count >= size)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	return 0;
}

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

	ret = admin_copy_in(buf, sizeof(buf), ubuf, count);
	if (ret)
		return ret;
	ret = hpc_tunable_parse(t, buf, count, &val);
	if (!ret)
		ret = t->set ? t->set(val) : hpc_tunable_set(t, val);
	return ret ? ret : count;
}

static const struct proc_ops tunable_proc_ops = {
	.proc_open	= tunable_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
	.proc_write	= tunable_write,
};

static int config_show(struct seq_file *m, void *v)
{
	char *buf = kmalloc(HPC_NODEMAP_FORMAT_MAX, GFP_KERNEL);
	int len;

	if (!buf)
		return -ENOMEM;
	len = hpc_nodes_format_table(buf, HPC_NODEMAP_FORMAT_MAX);
	if (len > 0)
		seq_write(m, buf, len);
	kfree(buf);
	return len < 0 ? len : 0;
}

static int config_open(struct inode *inode, struct file *file)
{
	return single_open(file, config_show, NULL);
}

/* The whole table in one write: a partial table would be a wrong one. */
static ssize_t config_write(struct file *file, const char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	char *text;
	int ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (count > HPC_NODEMAP_MAX_TEXT)
		return -EFBIG;
	text = memdup_user(ubuf, count);
	if (IS_ERR(text))
		return PTR_ERR(text);
	ret = hpc_nodes_set_table(text, count);
	kfree(text);
	return ret ? ret : count;
}

static const struct proc_ops config_proc_ops = {
	.proc_open	= config_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
	.proc_write	= config_write,
};

/* The key can be written, never read: not even root gets it back. */
static int key_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? -EPERM : 0;
}

static ssize_t key_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	char buf[HPC_AUTH_KEY_TEXT_MAX];
	int ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (count > sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	ret = hpc_auth_key_write(buf, count);
	memzero_explicit(buf, sizeof(buf));
	if (ret)
		return ret;
	hpc_transport_rekey();
	return count;
}

static const struct proc_ops key_proc_ops = {
	.proc_open	= key_open,
	.proc_write	= key_write,
	.proc_lseek	= noop_llseek,
};

/* admin/bring and admin/expel: writing 1 acts once; there is nothing to read. */
static ssize_t action_write(struct file *file, const char __user *ubuf, size_t count,
			    loff_t *ppos)
{
	bool bring = !strcmp(file->f_path.dentry->d_name.name, "bring");
	char buf[4];
	int ret;

	ret = admin_copy_in(buf, sizeof(buf), ubuf, count);
	if (ret)
		return ret;
	buf[count] = 0;
	if (strcmp(buf, "1") && strcmp(buf, "1\n"))
		return -EINVAL;
	if (bring)
		hpc_bring_all();
	else
		hpc_expel_all();
	return count;
}

static const struct proc_ops action_proc_ops = {
	.proc_write	= action_write,
	.proc_lseek	= noop_llseek,
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
	if (!proc_create("config", 0644, hpc_proc_admin, &config_proc_ops) ||
	    !proc_create("key", 0200, hpc_proc_admin, &key_proc_ops) ||
	    !proc_create_data("bring", 0200, hpc_proc_admin, &action_proc_ops, NULL) ||
	    !proc_create_data("expel", 0200, hpc_proc_admin, &action_proc_ops, NULL) ||
	    hpc_nodes_init(hpc_proc_root) || hpc_remote_init(hpc_proc_root))
		goto fail;
	return 0;

fail:
	proc_remove(hpc_proc_root);
	hpc_proc_root = NULL;
	return -ENOMEM;
}
