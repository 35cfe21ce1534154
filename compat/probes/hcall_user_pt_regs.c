// SPDX-License-Identifier: GPL-2.0-only
/*
 * android15-6.6 on: EL2 calls get struct user_pt_regs. Compiles only where
 * dyn_hcall_t takes exactly that.
 */
#include <asm/kvm_pkvm_module.h>

void probe_hcall(struct user_pt_regs *regs);
void probe_hcall(struct user_pt_regs *regs)
{
	dyn_hcall_t hcall = probe_hcall;

	(void)hcall;
	regs->regs[1] = 0;
}
