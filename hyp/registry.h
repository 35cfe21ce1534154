/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registry of MMIO regions protected from the host, and the narrow
 * interface it needs from the hypervisor.
 *
 * This file and registry.c are written against that interface only, so
 * the same objects run at EL2 (compat/hyp.c binds the interface to
 * struct pkvm_module_ops) and in the host unit tests (bound to a
 * simulated host stage-2 with pKVM's rules, test/unit/sim_stage2.c).
 */
#ifndef PMMIO_HYP_REGISTRY_H
#define PMMIO_HYP_REGISTRY_H

#include <linux/types.h>

#include "protected_mmio.h"

enum pmmio_region_state {
	PMMIO_REGION_RECORDED,	/* validated, never donated */
	PMMIO_REGION_PROTECTED,	/* the host reaches none of its pages */
	PMMIO_REGION_FAILED,	/* its donation failed; what it took was given back */
	PMMIO_REGION_RETURNED,	/* protected, then given back by the rollback */
	PMMIO_REGION_REFUSED,	/* not all the host's: never donated */
};

struct pmmio_region {
	u64 pfn;
	u64 nr_pages;
	u32 state;		/* enum pmmio_region_state */
	int err;		/* its donation's -errno, or 0 */
	bool donated;		/* pmmio_host_donate_hyp() ran for it */
	s64 host_pages;		/* host-reachable pages at the last walk, or -errno */
	u64 restored_pages;	/* returned through pmmio_host_restore() */
	u64 lost_pages;		/* the host could not be given back */
};

struct pmmio_registry {
	struct pmmio_region regions[PMMIO_MAX_REGIONS];
	u32 nr_regions;
	u64 pfn_limit;		/* first pfn past the host stage-2 */
	bool frozen;		/* protection ran: nothing changes any more */
	/* Pages the rollback could not give back: counted, and named in runs. */
	u64 lost_pages;
	struct pmmio_run lost[PMMIO_MAX_LOST_RUNS];
	u32 nr_lost_runs;
	u64 donate_calls;	/* pmmio_host_donate_hyp() calls of the protection */
	u64 donate_ticks;	/* pmmio_counter() ticks spent inside them */
};

struct pmmio_protect_result {
	int err;		/* 0, or why region failed_region failed */
	u32 failed_region;
	u64 unverified_pages;	/* pKVM returned 0, yet the host reached these */
	int giveback_err;	/* first refusal of pmmio_hyp_donate_host(), or 0 */
	int restore_err;	/* first error of pmmio_host_restore(), or 0 */
};

/* -errno of a donation pKVM reported done while the host still reached pages. */
#define PMMIO_EUNVERIFIED	EIO

/**
 * pmmio_counter() - Read a free-running counter.
 *
 * Return: the generic timer's count at EL2 (the host tests' simulator
 * counts calls), for timing the donation calls apart from the read-backs.
 */
u64 pmmio_counter(void);

/**
 * pmmio_host_donate_hyp() - Donate a range from the host to the hypervisor.
 * @pfn:	First page frame number.
 * @nr_pages:	Number of pages.
 *
 * Neither answer is taken on trust: after its range check, pKVM can fail
 * with part of the range annotated for the hypervisor, or return success
 * with part of it still the host's. The registry reads the host stage-2
 * back after every call.
 *
 * Return: 0 if the hypervisor reports the range taken, or -errno.
 */
int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages);

/**
 * pmmio_hyp_donate_host() - Give a range back from the hypervisor to the host.
 * @pfn:	First page frame number.
 * @nr_pages:	Number of pages.
 *
 * Return: 0, or -errno with nothing changed. pKVM refuses (-EPERM) a range
 * with a page it annotated in the host stage-2 without completing its own
 * mapping of it.
 */
int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages);

/**
 * pmmio_host_restore() - Map a range for the host again, unchecked.
 * @pfn:	First page frame number.
 * @nr_pages:	Number of pages.
 *
 * The way back for pages pmmio_hyp_donate_host() refuses: the host
 * stage-2 maps them as it maps the host's MMIO by default, read-write, and
 * so does the pKVM IOMMU where the hypervisor has one and the op can say
 * so (6.6 on), whoever owned them.
 *
 * Return: 0, -EOPNOTSUPP if the hypervisor offers no such call, or -errno.
 */
int pmmio_host_restore(u64 pfn, u64 nr_pages);

/**
 * pmmio_host_has_access() - Whether the host stage-2 lets the host reach a page.
 * @pfn:	Page frame number.
 * @nr_pages:	Set to how many pages from @pfn on share the answer: the rest
 *		of the stage-2 leaf that covers @pfn, at least 1. pKVM
 *		annotates the hypervisor's pages one by one, so only pages
 *		the host can reach come in larger leaves.
 *
 * Return: 1 if the host may reach @pfn, 0 if not, or -errno (e.g. for a
 * page outside the host stage-2).
 */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages);

void pmmio_registry_init(struct pmmio_registry *reg, u64 pfn_limit);
int pmmio_registry_add(struct pmmio_registry *reg, u64 pfn, u64 nr_pages);
#ifdef PMMIO_BENCH_PAGEWISE
int pmmio_registry_protect_pagewise(struct pmmio_registry *reg,
				    struct pmmio_protect_result *res);
#endif
int pmmio_registry_protect(struct pmmio_registry *reg,
			   struct pmmio_protect_result *res);
s64 pmmio_region_host_pages(const struct pmmio_region *r);
s64 pmmio_registry_readback(const struct pmmio_registry *reg, u64 pos,
			    u64 *examined);

#endif /* PMMIO_HYP_REGISTRY_H */
