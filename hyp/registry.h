/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registry of MMIO regions protected from the host, and the narrow
 * interface it needs from the hypervisor.
 *
 * This file and registry.c are written against that interface only, so
 * the same objects run at EL2 (compat/ binds the interface to
 * struct pkvm_module_ops) and in the host unit tests (bound to a
 * simulated host stage-2).
 */
#ifndef PMMIO_HYP_REGISTRY_H
#define PMMIO_HYP_REGISTRY_H

#include <linux/types.h>

#include "protected_mmio.h"

enum pmmio_region_state {
	PMMIO_REGION_RECORDED,	/* validated, not donated yet */
	PMMIO_REGION_PROTECTED,	/* owned by the hypervisor */
	PMMIO_REGION_FAILED,	/* its donation failed; any done part given back */
	PMMIO_REGION_RETURNED,	/* donated, then given back by the rollback */
};

struct pmmio_region {
	u64 pfn;
	u64 nr_pages;
	u32 state;		/* enum pmmio_region_state */
};

struct pmmio_registry {
	struct pmmio_region regions[PMMIO_MAX_REGIONS];
	u32 nr_regions;
	u64 pfn_limit;		/* first pfn past the CPU's physical range */
	bool frozen;		/* protection ran: nothing changes any more */
};

struct pmmio_protect_result {
	int err;		/* 0, or the failed donation's -errno */
	u32 failed_region;	/* index of that region when err != 0 */
	u64 failed_done;	/* pages of it the hypervisor reported done */
	int rollback_err;	/* first error while giving pages back, or 0 */
};

/*
 * The hypervisor interface. Both calls take a whole range: the donation
 * either succeeds for all of it or fails and reports in @nr_done how many
 * leading pages the hypervisor did take anyway (0 for pKVM, which checks
 * the whole range before changing anything).
 */
int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages, u64 *nr_done);
int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages);
/*
 * 1 if the host stage-2 maps or may map @pfn, 0 if the host lost it, or
 * -errno. *@nr_pages: how many pages from @pfn on share that answer (the
 * rest of its stage-2 leaf, at least 1), so a walk needs one call a block.
 */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages);

void pmmio_registry_init(struct pmmio_registry *reg, u64 pfn_limit);
int pmmio_registry_add(struct pmmio_registry *reg, u64 pfn, u64 nr_pages);
int pmmio_registry_protect(struct pmmio_registry *reg,
			   struct pmmio_protect_result *res);
s64 pmmio_region_host_pages(const struct pmmio_region *r);

#endif /* PMMIO_HYP_REGISTRY_H */
