// SPDX-License-Identifier: GPL-2.0-only
/*
 * android16-6.12 on: host_stage2_get_leaf() reports the level as s8.
 * Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*get_leaf)(phys_addr_t phys, kvm_pte_t *ptep, s8 *level) =
		ops->host_stage2_get_leaf;

	(void)get_leaf;
	(void)kvm_granule_size(3);
}
