// SPDX-License-Identifier: GPL-2.0-only
/*
 * libhpc: list the nodes the kernel knows, the directories of /proc/hpc/nodes.
 * Only names that are a node id (decimal 1..65535, no leading zero) count;
 * anything else in the directory is skipped.
 */
#include <stdlib.h>

#include "hpc.h"

int hpc_list_nodes(unsigned **ids, size_t *count)
{
	unsigned long *nums;
	unsigned *list;
	size_t i, n;

	if (hpc_list_numbers("hpc/nodes", HPC_MAX_NODE, &nums, &n) < 0)
		return -1;
	list = n ? malloc(n * sizeof(*list)) : NULL;
	if (n && !list) {
		free(nums);
		return -1;
	}
	for (i = 0; i < n; i++)
		list[i] = (unsigned)nums[i];
	free(nums);
	*ids = list;
	*count = n;
	return 0;
}
