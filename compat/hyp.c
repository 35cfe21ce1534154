// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL2 binding of hyp/'s hypervisor interface to struct pkvm_module_ops,
 * for the ABI generation compat/probes/ found in the target kernel.
 */
#include <asm/kvm_pgtable.h>
#include <asm/kvm_pkvm_module.h>

#include "../hyp/el2.h"
#include "../hyp/registry.h"
#include "entry.h"

static const struct pkvm_module_ops *pkvm_ops;

int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages, u64 *nr_done)
{
	int ret;

#if defined(PMMIO_HAVE_DONATE_ACCEPT_MMIO)
	ret = pkvm_ops->host_donate_hyp(pfn, nr_pages, true);
#elif defined(PMMIO_HAVE_DONATE_PROT)
	ret = pkvm_ops->host_donate_hyp_prot(pfn, nr_pages, true,
					     PAGE_HYP_DEVICE);
#else
	/* android14-6.1: host_donate_hyp() always accepts MMIO. */
	ret = pkvm_ops->host_donate_hyp(pfn, nr_pages);
#endif
	/* pKVM checks the whole range before it changes anything. */
	*nr_done = ret ? 0 : nr_pages;
	return ret;
}

int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages)
{
	return pkvm_ops->hyp_donate_host(pfn, nr_pages);
}

/*
 * The host stage-2 maps host pages lazily: an empty entry still belongs to
 * the host, a valid one is mapped for it, and an invalid entry with an
 * owner annotation belongs to someone else. Either way the answer holds
 * for the whole leaf, block or page, that covers @pfn.
 */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages)
{
	phys_addr_t phys = pfn << PAGE_SHIFT;
#ifdef PMMIO_HAVE_GET_LEAF_S8
	s8 level;
#else
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

/*
 * Shared, so that the page can never be donated elsewhere (to a guest, say)
 * while EL2 writes to it; pinned, so that the host cannot unshare it from
 * under a readback.
 */
void *pmmio_host_share_page(u64 pfn)
{
	void *va;

	if (pkvm_ops->host_share_hyp(pfn))
		return NULL;
	va = pkvm_ops->hyp_va(pfn << PAGE_SHIFT);
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

int pmmio_el2_init(const struct pkvm_module_ops *ops)
{
	pkvm_ops = ops;
	return pmmio_el2_protect();
}

#ifdef PMMIO_HAVE_HCALL_USER_PT_REGS
void pmmio_el2_hcall_readback(struct user_pt_regs *regs)
{
	regs->regs[1] = pmmio_el2_readback();
}
#else
void pmmio_el2_hcall_readback(struct kvm_cpu_context *ctx)
{
	ctx->regs.regs[1] = pmmio_el2_readback();
}
#endif
