// SPDX-License-Identifier: GPL-2.0-only
/*
 * 6.18: loading takes no token, nor does registering an EL2 call. Uses
 * the macros exactly as compat/el1.c does; compiles only where they take
 * those arguments.
 */
#include <linux/module.h>
#include <asm/kvm_pkvm_module.h>

static int probe_init(const struct pkvm_module_ops *ops)
{
	return 0;
}

static void probe_hcall(void *ctx)
{
}

static int __maybe_unused probe(void)
{
	int ret = pkvm_load_el2_module(probe_init);

	return ret ?: pkvm_register_el2_mod_call((dyn_hcall_t)probe_hcall);
}
