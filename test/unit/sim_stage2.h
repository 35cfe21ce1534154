/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A simulated pKVM for the hypervisor interface of hyp/registry.h, on the
 * rules of the Android Common Kernel's hypervisor (and of the 6.12 test
 * kernel, test/kernel/patches/6.12/): page-granular hypervisor annotations
 * in the host stage-2, host-owned RAM accepted like MMIO, every donated
 * page mapped at EL2 from a bounded page-table pool, and the failure
 * behaviour after the range check of each generation.
 */
#ifndef PMMIO_SIM_STAGE2_H
#define PMMIO_SIM_STAGE2_H

#include <linux/types.h>

#define SIM_NR_PFNS	262144		/* 1 GiB of 4 KiB pages */
#define SIM_BLOCK	512		/* pages under one last-level table */
#define SIM_MAX_CALLS	64

/* Owner recorded in the host stage-2 (0: the host's, empty or mapped). */
enum sim_owner { SIM_HOST, SIM_HYP, SIM_OTHER };

/* Post-check behaviour of a donation, as kvm-arm.test_donate= selects it. */
enum sim_model {
	SIM_6_12,	/* annotate (a failure WARNs), map (a failure undoes both) */
	SIM_6_1,	/* annotate, map; any failure WARNs, nothing undone */
	SIM_6_6,	/* annotate, map; a failed map leaves the annotation */
	SIM_6_12_EARLY,	/* map, annotate; a failed annotation WARNs, returns 0 */
};

enum sim_site { SIM_FAIL_NONE, SIM_FAIL_MAP, SIM_FAIL_ANNOTATE };

struct sim_call {
	char op;		/* 'd'onate, 'g'ive back, 'r'estore */
	u64 pfn;
	u64 nr_pages;
	int ret;
};

struct sim_stage2 {
	u8 owner[SIM_NR_PFNS];		/* enum sim_owner, per page */
	/* Valid host stage-2 entry (1), with the default MMIO prot. */
	u8 host_mapped[SIM_NR_PFNS];
	u8 hyp_mapped[SIM_NR_PFNS];	/* mapped at EL2 (__hyp_va) */
	u64 ram_start, ram_end;		/* RAM pfns: donated like MMIO */

	enum sim_model model;
	enum sim_site fail_site;	/* the fail_at-th page operation of */
	u64 fail_at;			/* this site fails with -ENOMEM */
	u64 pool_pages;			/* EL2 table pages left, 0: no limit */
	bool pool_limited;
	bool no_restore;		/* no host_stage2_mod_prot */
	/* CONFIG_PKVM_STRICT_CHECKS: give back only pages annotated for hyp. */
	bool strict_give_back;
	/* From the leaf_error_from-th donation on, reading this page fails. */
	u64 leaf_error_pfn;
	unsigned int leaf_error_from;

	/* After a successful donation, unmap these at EL2 (holes), once. */
	u64 hole_pfn[2];
	u64 hole_pages;

	u64 annotated, mapped;		/* page operations so far, per site */
	unsigned int warnings;		/* a hypervisor panic on every real build */
	unsigned int nr_leaf_calls;
	unsigned int nr_calls;
	unsigned int nr_donate, nr_give_back, nr_restore;
	struct sim_call log[SIM_MAX_CALLS];	/* the first SIM_MAX_CALLS */
};

extern struct sim_stage2 sim;

void sim_reset(void);
/* Pages the host stage-2 does not let the host reach, or EL2 still maps. */
u64 sim_pages_not_host(u64 pfn, u64 nr_pages);
u64 sim_pages_hyp_mapped(u64 pfn, u64 nr_pages);

#endif
