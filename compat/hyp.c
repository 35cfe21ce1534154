// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL2 binding of hyp/'s hypervisor interface (hyp/registry.h, hyp/el2.h)
 * to struct pkvm_module_ops, for the ABI generation compat/probe found in
 * the target kernel (compat/generated/abi.h).
 */
#include <linux/arm-smccc.h>
#include <asm/kvm_pgtable.h>
#include <asm/kvm_pkvm_module.h>

#include "../hyp/el2.h"
#include "../hyp/registry.h"
#include "entry.h"
#include "perm_fault.h"
#include "required_ops.h"

static const struct pkvm_module_ops *pkvm_ops;

int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages)
{
#if defined(PMMIO_DONATE_ACCEPT_MMIO)
	return pkvm_ops->host_donate_hyp(pfn, nr_pages, true);
#elif defined(PMMIO_DONATE_PROT)
	return pkvm_ops->host_donate_hyp_prot(pfn, nr_pages, true,
					      PAGE_HYP_DEVICE);
#elif defined(PMMIO_DONATE_TWO_ARGS)
	/* android14-6.1 and 6.18: host_donate_hyp() accepts MMIO. */
	return pkvm_ops->host_donate_hyp(pfn, nr_pages);
#else
#error "compat/probe found no way to donate MMIO"
#endif
}

int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages)
{
	return pkvm_ops->hyp_donate_host(pfn, nr_pages);
}

static int host_mod_prot(u64 pfn, u64 nr_pages, enum kvm_pgtable_prot prot,
			 bool update_iommu)
{
#if defined(PMMIO_MOD_PROT_NR_PAGES)
	if (!pkvm_ops->host_stage2_mod_prot)
		return -EOPNOTSUPP;
	return pkvm_ops->host_stage2_mod_prot(pfn, prot, nr_pages, update_iommu);
#elif defined(PMMIO_MOD_PROT_RANGE)
	/* android14-6.1's op takes no IOMMU argument (README.md). */
	if (!pkvm_ops->host_stage2_mod_prot_range)
		return -EOPNOTSUPP;
	return pkvm_ops->host_stage2_mod_prot_range(pfn, prot, nr_pages);
#else
	return -EOPNOTSUPP;
#endif
}

/*
 * The host's own MMIO mapping (ACK's PKVM_HOST_MMIO_PROT): read-write, the
 * memory type left to the host's stage 1, as the host stage-2 has no FWB.
 * Adding DEVICE would force Device-nGnRE over a write-combining stage 1,
 * pin page mappings pKVM never recycles, and make a pKVM IOMMU driver's
 * prot conversion WARN, a hypervisor panic. update_iommu: the donation
 * took the pages from DMA too.
 */
int pmmio_host_restore(u64 pfn, u64 nr_pages)
{
	return host_mod_prot(pfn, nr_pages, KVM_PGTABLE_PROT_RW, true);
}

int pmmio_register_perm_fault(pmmio_perm_fault_cb_t cb)
{
	if (!pkvm_ops->register_host_perm_fault_handler)
		return -EOPNOTSUPP;
	return pkvm_ops->register_host_perm_fault_handler(cb);
}

int pmmio_host_trap_page(u64 pfn)
{
	return host_mod_prot(pfn, 1, KVM_PGTABLE_PROT_DEVICE, false);
}

/* As ACK's kvm_skip_host_instr(): ELR_EL2 is the same register in hVHE. */
void pmmio_skip_host_instr(void)
{
	write_sysreg(read_sysreg(elr_el2) + 4, elr_el2);
}

/*
 * The host stage-2 maps host pages lazily: an empty entry still belongs to
 * the host, a valid one is mapped for it (perhaps read-only), and an
 * invalid entry with an owner annotation belongs to someone else. Either
 * way the answer holds for the whole leaf, block or page, that covers @pfn.
 */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages)
{
	phys_addr_t phys = pfn << PAGE_SHIFT;
#if defined(PMMIO_GET_LEAF_S8)
	s8 level;
#elif defined(PMMIO_GET_LEAF_U32)
	u32 level;
#endif
	kvm_pte_t pte;
	int ret;

	ret = pkvm_ops->host_stage2_get_leaf(phys, &pte, &level);
	if (ret)
		return ret;
	*nr_pages = (ALIGN(phys + 1, kvm_granule_size(level)) - phys) >> PAGE_SHIFT;
	return !pte || kvm_pte_valid(pte);
}

void *pmmio_host_share_page(u64 pfn)
{
	void *va;

	if (pkvm_ops->host_share_hyp(pfn))
		return NULL;
	va = pkvm_ops->hyp_va(pfn << PAGE_SHIFT);
	/* Never touch a shared page before pinning it: 6.18 maps it then. */
	if (pkvm_ops->pin_shared_mem(va, va + PAGE_SIZE)) {
		pkvm_ops->host_unshare_hyp(pfn);
		return NULL;
	}
	return va;
}

void pmmio_host_unshare_page(u64 pfn)
{
	void *va = pkvm_ops->hyp_va(pfn << PAGE_SHIFT);

	pkvm_ops->unpin_shared_mem(va, va + PAGE_SIZE);
	pkvm_ops->host_unshare_hyp(pfn);
}

/*
 * A NULL op would be a hypervisor panic at its first call, half way
 * through a protection: look before calling any.
 */
static int check_ops(const struct pkvm_module_ops *ops)
{
	const void *const *op;
	int i;

	for (i = 0; i < ARRAY_SIZE(pmmio_required_ops); i++) {
		op = (const void *)ops + pmmio_required_ops[i].offset;
		if (!*op)
			return PMMIO_EL2_MISSING_OP(i);
	}
	return 0;
}

int pmmio_el2_init(const struct pkvm_module_ops *ops)
{
	int ret = check_ops(ops);

	if (ret)
		return ret;
	pkvm_ops = ops;
	return pmmio_el2_protect();
}

/*
 * The SMCCC status is the handler's to set: 6.12 and 6.18 hypervisors leave
 * x0 as the host passed it (the function id), and pkvm_el2_mod_call()
 * WARNs unless it reads SMCCC_RET_SUCCESS. The readback's own errors go in
 * x1.
 */
#if defined(PMMIO_HCALL_USER_PT_REGS)
void pmmio_el2_hcall_readback(struct user_pt_regs *regs)
{
	regs->regs[1] = pmmio_el2_readback(regs->regs[1]);
	regs->regs[0] = SMCCC_RET_SUCCESS;
}
#elif defined(PMMIO_HCALL_KVM_CPU_CONTEXT)
void pmmio_el2_hcall_readback(struct kvm_cpu_context *ctx)
{
	ctx->regs.regs[1] = pmmio_el2_readback(ctx->regs.regs[1]);
	ctx->regs.regs[0] = SMCCC_RET_SUCCESS;
}
#endif
