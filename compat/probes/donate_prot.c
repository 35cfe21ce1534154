// SPDX-License-Identifier: GPL-2.0-only
/*
 * 6.18: MMIO only through host_donate_hyp_prot(pfn, nr, accept_mmio, prot).
 * Compiles (with -Werror) only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*donate)(u64 pfn, u64 nr, bool accept_mmio,
		      enum kvm_pgtable_prot prot) = ops->host_donate_hyp_prot;

	(void)donate;
}
