// SPDX-License-Identifier: GPL-2.0-only
/*
 * android15-6.6, android16-6.12: host_donate_hyp(pfn, nr, accept_mmio).
 * Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*donate)(u64 pfn, u64 nr, bool accept_mmio) = ops->host_donate_hyp;

	(void)donate;
}
