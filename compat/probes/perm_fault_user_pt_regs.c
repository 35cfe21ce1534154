// SPDX-License-Identifier: GPL-2.0-only
/*
 * android15-6.6 on: host permission-fault handlers get struct user_pt_regs.
 * Compiles only where register_host_perm_fault_handler takes exactly that.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*reg)(int (*cb)(struct user_pt_regs *regs, u64 esr, u64 addr)) =
		ops->register_host_perm_fault_handler;

	(void)reg;
}
