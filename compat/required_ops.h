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
	size_t offset;
#ifndef __KVM_NVHE_HYPERVISOR__
	const char *name;	/* EL1 only: no string in the EL2 object */
#endif
};

#ifdef __KVM_NVHE_HYPERVISOR__
#define PMMIO_OP(member) { offsetof(struct pkvm_module_ops, member) }
#else
#define PMMIO_OP(member) { offsetof(struct pkvm_module_ops, member), #member }
#endif

/*
 * Not host_stage2_mod_prot(_range): without it, the pages pKVM refuses to
 * give back are named as lost (pmmio_host_restore()).
 */
static const struct pmmio_required_op pmmio_required_ops[] = {
	PMMIO_OP(host_share_hyp),
	PMMIO_OP(hyp_va),
	PMMIO_OP(pin_shared_mem),
	PMMIO_OP(unpin_shared_mem),
	PMMIO_OP(host_unshare_hyp),
	PMMIO_OP(host_stage2_get_leaf),
#if defined(PMMIO_DONATE_PROT)
	PMMIO_OP(host_donate_hyp_prot),
#else
	PMMIO_OP(host_donate_hyp),
#endif
	PMMIO_OP(hyp_donate_host),
};

/*
 * What the EL2 init returns when pmmio_required_ops[@i] is NULL: past
 * MAX_ERRNO, so that no errno can be taken for it.
 */
#define PMMIO_EL2_MISSING_OP(i)	(-MAX_ERRNO - 1 - (i))

#endif /* PMMIO_COMPAT_REQUIRED_OPS_H */
