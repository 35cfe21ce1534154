// SPDX-License-Identifier: GPL-2.0-only
/*
 * android15-6.6 on: host_stage2_mod_prot(pfn, prot, nr_pages, update_iommu),
 * used with the host's default MMIO prot. Compiles only where the types
 * match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*mod_prot)(u64 pfn, enum kvm_pgtable_prot prot, u64 nr_pages,
			bool update_iommu) = ops->host_stage2_mod_prot;
	enum kvm_pgtable_prot prot = KVM_PGTABLE_PROT_RW;

	(void)mod_prot;
	(void)prot;
}
