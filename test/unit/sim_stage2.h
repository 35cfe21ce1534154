/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A simulated host stage-2 that enforces pKVM's ownership rules for the
 * hypervisor interface of hyp/registry.h.
 */
#ifndef PMMIO_SIM_STAGE2_H
#define PMMIO_SIM_STAGE2_H

#include <linux/types.h>

#define SIM_NR_PFNS	4096
#define SIM_MAX_CALLS	256

enum sim_owner { SIM_HOST, SIM_HYP };

struct sim_call {
	bool donate;		/* host -> hyp; otherwise hyp -> host */
	u64 pfn;
	u64 nr_pages;
	int ret;
};

struct sim_stage2 {
	u8 owner[SIM_NR_PFNS];

	/* Fail the Nth (1-based) donation with donate_errno, after taking donate_done pages. */
	unsigned int fail_donate_call;
	int donate_errno;
	u64 donate_done;
	/* Take the pages of a failing donation but report none taken. */
	bool hide_done;
	/* Leaves cover aligned blocks of this many pages where all agree (0: pages). */
	u64 leaf_pages;
	/* Fail the Nth (1-based) give-back with reclaim_errno, changing nothing. */
	unsigned int fail_reclaim_call;
	int reclaim_errno;

	unsigned int nr_donate_calls;
	unsigned int nr_reclaim_calls;
	unsigned int nr_leaf_calls;
	struct sim_call log[SIM_MAX_CALLS];
	unsigned int nr_log;
};

extern struct sim_stage2 sim;

void sim_reset(void);

#endif
