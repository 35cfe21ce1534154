// SPDX-License-Identifier: GPL-2.0-only
/*
 * 6.18 (also in android16-6.12): host_donate_hyp_prot(pfn, nr, accept_mmio,
 * prot), with PAGE_HYP_DEVICE for MMIO. Compiles only where the types match
 * exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*donate)(u64 pfn, u64 nr, bool accept_mmio,
		      enum kvm_pgtable_prot prot) = ops->host_donate_hyp_prot;
	enum kvm_pgtable_prot prot = PAGE_HYP_DEVICE;

	(void)donate;
	(void)prot;
}
