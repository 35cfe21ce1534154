// SPDX-License-Identifier: GPL-2.0-only
/*
 * The target has the pKVM EL2-module hook at all, and probes compile in
 * this build's environment.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	(void)ops;
}
