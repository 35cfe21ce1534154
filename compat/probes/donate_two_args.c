// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1, 6.18: host_donate_hyp(pfn, nr), which accepts MMIO.
 * Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*donate)(u64 pfn, u64 nr) = ops->host_donate_hyp;

	(void)donate;
}
