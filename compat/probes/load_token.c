// SPDX-License-Identifier: GPL-2.0-only
/*
 * android14-6.1 .. android16-6.12: loading hands back a token.
 * Compiles only where the types match exactly.
 */
#include <asm/kvm_pkvm_module.h>

void probe(const struct pkvm_module_ops *ops);
void probe(const struct pkvm_module_ops *ops)
{
	int (*load)(struct module *mod, unsigned long *token) = __pkvm_load_el2_module;

	(void)load;
}
