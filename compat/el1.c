// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL1 side of the pKVM module ABI: load the EL2 object and call into it,
 * for the ABI generation compat/probes/ found in the target kernel.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <asm/kvm_pkvm_module.h>

#include "compat.h"
#include "entry.h"

static int readback_id = -ENOENT;

struct pmmio_request *pmmio_compat_request(void)
{
	return &pmmio_el2_request;
}

int pmmio_compat_load(void)
{
	int ret;

#ifdef PMMIO_HAVE_LOAD_TOKEN
	unsigned long token;

	ret = pkvm_load_el2_module(kvm_nvhe_sym(pmmio_el2_init), &token);
	if (ret)
		return ret;
	readback_id = pkvm_register_el2_mod_call(kvm_nvhe_sym(pmmio_el2_hcall_readback),
						 token);
#else
	ret = pkvm_load_el2_module(kvm_nvhe_sym(pmmio_el2_init));
	if (ret)
		return ret;
	readback_id = pkvm_register_el2_mod_call(kvm_nvhe_sym(pmmio_el2_hcall_readback));
#endif
	/* The regions are protected either way: a missing readback is not a load failure. */
	if (readback_id < 0)
		pr_err("cannot register the EL2 readback call: %pe; status shows the EL1 view only\n",
		       ERR_PTR(readback_id));
	return 0;
}

bool pmmio_compat_can_readback(void)
{
	return readback_id > 0;
}

long pmmio_compat_readback(void)
{
	if (readback_id <= 0)
		return readback_id;
	return (long)pkvm_el2_mod_call(readback_id);
}
