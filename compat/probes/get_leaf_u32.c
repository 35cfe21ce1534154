// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1, android15-6.6: host_stage2_get_leaf() reports the level
 * as u32. Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*get_leaf)(phys_addr_t phys, kvm_pte_t *ptep, u32 *level) =
		ops->host_stage2_get_leaf;

	(void)get_leaf;
	(void)kvm_granule_size(3);
}
