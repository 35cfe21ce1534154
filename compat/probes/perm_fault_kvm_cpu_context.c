// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1: host permission-fault handlers get struct kvm_cpu_context.
 * Compiles only where register_host_perm_fault_handler takes exactly that.
 */
#include <asm/kvm_host.h>
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*reg)(int (*cb)(struct kvm_cpu_context *ctxt, u64 esr, u64 addr)) =
		ops->register_host_perm_fault_handler;

	(void)reg;
}
