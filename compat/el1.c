// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL1 side of the pKVM module ABI: load the EL2 object and call into it,
 * for the ABI generation compat/probe found in the target kernel.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <asm/cpufeature.h>
#include <asm/kvm_pgtable.h>
#include <asm/kvm_pkvm.h>
#include <asm/kvm_pkvm_module.h>
#include <asm/virt.h>

#include "compat.h"
#include "entry.h"
#include "required_ops.h"

static int readback_id = -ENOENT;

struct pmmio_request *pmmio_compat_request(void)
{
	return &pmmio_el2_request;
}

/*
 * pKVM sizes the host stage-2 with kvm_get_parange() of the sanitised
 * ID_AA64MMFR0_EL1 (prepare_host_vtcr()), possibly below the CPU's own
 * PARange: nothing past it can be donated.
 */
u64 pmmio_compat_pa_limit(void)
{
	u64 mmfr0 = read_sanitised_ftr_reg(SYS_ID_AA64MMFR0_EL1);

	return 1ULL << id_aa64mmfr0_parange_to_phys_shift(kvm_get_parange(mmfr0));
}

unsigned long pmmio_compat_mmio_table_pages(void)
{
	return __hyp_pgtable_max_pages(SZ_1G >> PAGE_SHIFT);
}

/*
 * pKVM's "initialized" key is not exported to modules: what is certain
 * without it is that the window is shut once the kernel left its
 * initcalls, finalize_pkvm() among them.
 */
bool pmmio_compat_load_window_shut(void)
{
	return !is_protected_kvm_enabled() ||
	       system_state >= SYSTEM_FREEING_INITMEM;
}

const char *pmmio_compat_missing_op(int err)
{
	int i = PMMIO_EL2_MISSING_OP(0) - err;

	if (err >= 0 || i < 0 || i >= ARRAY_SIZE(pmmio_required_ops))
		return NULL;
	return pmmio_required_ops[i].name;
}

int pmmio_compat_load(void)
{
	int ret;

#if defined(PMMIO_LOAD_TOKEN)
	unsigned long token;

	ret = pkvm_load_el2_module(kvm_nvhe_sym(pmmio_el2_init), &token);
	if (ret)
		return ret;
	readback_id = pkvm_register_el2_mod_call(kvm_nvhe_sym(pmmio_el2_hcall_readback),
						 token);
#elif defined(PMMIO_LOAD_TOKENLESS)
	ret = pkvm_load_el2_module(kvm_nvhe_sym(pmmio_el2_init));
	if (ret)
		return ret;
	readback_id = pkvm_register_el2_mod_call(kvm_nvhe_sym(pmmio_el2_hcall_readback));
#else
#error "compat/probe found no way to load EL2 modules"
#endif
	/* The regions are protected either way: a missing readback is not a load failure. */
	if (readback_id < 0)
		pr_err("cannot register the EL2 readback call: %pe; status shows no EL2 readback\n",
		       ERR_PTR(readback_id));
	return 0;
}

long pmmio_compat_readback(u64 pos)
{
	if (readback_id <= 0)
		return readback_id;
	return (long)pkvm_el2_mod_call(readback_id, pos);
}
