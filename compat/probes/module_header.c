// SPDX-License-Identifier: GPL-2.0-only
/*
 * The target has the pKVM EL2-module hook at all. Also proves that probes
 * compile in this build's environment, so a failing probe means a missing
 * feature and not a broken probe.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*load)(struct module *mod, unsigned long *token);

	(void)ops;
	(void)load;
}
