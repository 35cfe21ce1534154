// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1: host_stage2_mod_prot_range(pfn, prot, nr_pages), used with
 * the host's default MMIO prot. Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*mod_prot)(u64 pfn, enum kvm_pgtable_prot prot, u64 nr_pages) =
		ops->host_stage2_mod_prot_range;
	enum kvm_pgtable_prot prot = KVM_PGTABLE_PROT_RW;

	(void)mod_prot;
	(void)prot;
}
