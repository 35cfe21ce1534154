// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1: EL2 calls get struct kvm_cpu_context. Compiles only where
 * dyn_hcall_t takes exactly that.
 */
#include <asm/kvm_host.h>
#include <asm/kvm_pkvm_module.h>

void probe_hcall(struct kvm_cpu_context *ctx);
void probe_hcall(struct kvm_cpu_context *ctx)
{
	dyn_hcall_t hcall = probe_hcall;

	(void)hcall;
	ctx->regs.regs[1] = 0;
}
