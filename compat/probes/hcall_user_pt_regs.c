// SPDX-License-Identifier: GPL-2.0-only
/*
 * android15-6.6 on: EL2 calls get struct user_pt_regs, not kvm_cpu_context.
 * Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	void (*hcall)(struct user_pt_regs *regs) = (dyn_hcall_t)NULL;

	(void)hcall;
}
