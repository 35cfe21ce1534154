/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The struct pkvm_module_ops members the EL2 object calls, for the ABI
 * generation compat/probe found: checked at EL2 before the first call, and
 * named at EL1 when the hypervisor leaves one NULL.
 */
#ifndef PMMIO_COMPAT_REQUIRED_OPS_H
#define PMMIO_COMPAT_REQUIRED_OPS_H

#include <linux/err.h>
#include <linux/stddef.h>
#include <asm/kvm_pkvm_module.h>

struct pmmio_required_op {
	const char *name;
	size_t offset;
};

/*
 * Not host_stage2_mod_prot(_range): without it, the pages pKVM refuses to
 * give back are named as lost (pmmio_host_restore()).
 */
static const struct pmmio_required_op pmmio_required_ops[] = {
	{ "host_share_hyp", offsetof(struct pkvm_module_ops, host_share_hyp) },
	{ "hyp_va", offsetof(struct pkvm_module_ops, hyp_va) },
	{ "pin_shared_mem", offsetof(struct pkvm_module_ops, pin_shared_mem) },
	{ "unpin_shared_mem", offsetof(struct pkvm_module_ops, unpin_shared_mem) },
	{ "host_unshare_hyp", offsetof(struct pkvm_module_ops, host_unshare_hyp) },
	{ "host_stage2_get_leaf",
	  offsetof(struct pkvm_module_ops, host_stage2_get_leaf) },
#if defined(PMMIO_DONATE_PROT)
	{ "host_donate_hyp_prot",
	  offsetof(struct pkvm_module_ops, host_donate_hyp_prot) },
#else
	{ "host_donate_hyp", offsetof(struct pkvm_module_ops, host_donate_hyp) },
#endif
	{ "hyp_donate_host", offsetof(struct pkvm_module_ops, hyp_donate_host) },
};

/*
 * What the EL2 init returns when pmmio_required_ops[@i] is NULL: past
 * MAX_ERRNO, so that no errno can be taken for it.
 */
#define PMMIO_EL2_MISSING_OP(i)	(-MAX_ERRNO - 1 - (i))

#endif /* PMMIO_COMPAT_REQUIRED_OPS_H */
