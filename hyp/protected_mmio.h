/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the EL1 module and the EL2 object exchange, and the limits both
 * share. Fixed-size types only: the two sides are built with different
 * flags and must agree on the layout.
 */
#ifndef PMMIO_PROTECTED_MMIO_H
#define PMMIO_PROTECTED_MMIO_H

#include <linux/types.h>

/*
 * Build-time maximum number of regions; override with PMMIO_MAX_REGIONS=N.
 * struct pmmio_report must fit in one page, which allows at most 78 with
 * 4 KiB pages (the build checks).
 */
#ifndef PMMIO_MAX_REGIONS
#define PMMIO_MAX_REGIONS 32
#endif

/*
 * Pages one readback call examines at most: every host_stage2_get_leaf()
 * takes the host stage-2 lock at EL2, so this bounds the time one call
 * keeps a CPU at EL2.
 */
#define PMMIO_READBACK_CHUNK 512

/* Runs of pages that could not be given back the report names one by one. */
#define PMMIO_MAX_LOST_RUNS 16

/* A readback call's result: pages examined and the host-reachable ones. */
#define PMMIO_READBACK_RESULT(examined, reachable)	\
	((u64)(examined) << 32 | (u32)(reachable))
#define PMMIO_READBACK_EXAMINED(result)	((u64)(result) >> 32)
#define PMMIO_READBACK_REACHABLE(result) ((u32)(result))

/*
 * Test builds with PMMIO_PERMFAULT_TEST=ADDR: host permission-fault
 * handlers registered in order, one more than the most slots a generation
 * has, so that the refusal of the last shows; what an emulated read reads.
 */
#define PMMIO_PF_MAX_HANDLERS	17
#define PMMIO_PF_READ_VALUE	0x5a5a5a5aU

/*
 * Written by EL1 into the EL2 object before it is loaded: after loading,
 * the object belongs to the hypervisor and EL1 cannot change it.
 */
struct pmmio_request {
	u64 report_pfn;		/* host page EL2 shares and reports into */
	u64 pfn_limit;		/* first pfn past the host stage-2 */
	u64 selftest_pfn;	/* PMMIO_SELFTEST_PAGE builds: scratch page */
	u32 nr_regions;
	u32 reserved;
	struct {
		u64 pfn;
		u64 nr_pages;
	} regions[PMMIO_MAX_REGIONS];
#ifdef PMMIO_PERMFAULT_TEST
	/* Handler i returns pf_ret[i]; emulates the access if bit i is set. */
	u32 pf_nr_handlers;
	u32 pf_emulate;
	s32 pf_ret[PMMIO_PF_MAX_HANDLERS];
#endif
};

/* Where EL2 init stopped when it failed. */
enum pmmio_stage {
	PMMIO_STAGE_NONE,
	PMMIO_STAGE_RECORD,	/* the registry refused a region */
	PMMIO_STAGE_PROTECT,	/* a donation failed; the rollback ran */
	PMMIO_STAGE_SELFTEST,	/* the ownership selftest failed */
};

/*
 * The ownership selftest's transitions of its scratch page, in order
 * (builds with PMMIO_SELFTEST_PAGE only): each is asserted from the host
 * stage-2 or is a call that must succeed.
 */
enum pmmio_selftest_step {
	PMMIO_ST_HOST_OWNED,	/* the page starts as the host's */
	PMMIO_ST_DONATE,	/* host_donate_hyp takes it */
	PMMIO_ST_HYP_OWNED,	/* the host stage-2 no longer gives it to the host */
	PMMIO_ST_GIVE_BACK,	/* hyp_donate_host returns it */
	PMMIO_ST_HOST_AGAIN,	/* the host has it again */
	PMMIO_ST_DONATE_AGAIN,	/* host_donate_hyp takes it a second time */
	PMMIO_ST_HYP_AGAIN,	/* the host cannot reach it again */
	PMMIO_ST_RETURN,	/* hyp_donate_host returns it for good */
	PMMIO_ST_HOST_FINAL,	/* the host has it, as before the selftest */
	PMMIO_ST_PASSED,
};

struct pmmio_run {
	u64 pfn;
	u64 nr_pages;
};

/* Written by EL2 init into the shared host page, once. */
struct pmmio_report {
	s32 err;		/* init result: 0 or -errno */
	u32 stage;		/* enum pmmio_stage */
	u32 failed_region;
	s32 giveback_err;	/* first refusal of hyp_donate_host, or 0 */
	u64 unverified_pages;	/* host pages after a "successful" donation */
	s32 restore_err;	/* first error of host_stage2_mod_prot, or 0 */
	u32 nr_regions;
	u32 nr_lost_runs;	/* entries of lost[] */
	u32 selftest_step;	/* enum pmmio_selftest_step reached */
	u64 lost_pages;		/* pages of all regions not given back */
	u64 protect_ticks;	/* generic-timer ticks spent protecting */
	u64 donate_calls;	/* donation hypercalls the protection made */
	u64 donate_ticks;	/* generic-timer ticks inside those calls */
	u64 counter_freq;	/* CNTFRQ_EL0 as EL2 read it */
	struct {
		u64 pfn;
		u64 nr_pages;
		u32 state;		/* enum pmmio_region_state */
		s32 err;		/* its donation's -errno, or 0 */
		s64 host_pages;		/* host-reachable pages, or -errno */
		u64 restored_pages;	/* returned by host_stage2_mod_prot */
		u64 lost_pages;		/* not given back */
	} regions[PMMIO_MAX_REGIONS];
	struct pmmio_run lost[PMMIO_MAX_LOST_RUNS];
#ifdef PMMIO_PERMFAULT_TEST
	/* Written at every call of a handler, not only at init. */
	s32 pf_trap_err;	/* making PMMIO_PERMFAULT_TEST trap */
	s32 pf_reg_err[PMMIO_PF_MAX_HANDLERS];
	u32 pf_calls[PMMIO_PF_MAX_HANDLERS];
	u64 pf_addr[PMMIO_PF_MAX_HANDLERS];	/* at the last call */
	u64 pf_esr[PMMIO_PF_MAX_HANDLERS];
#endif
};

#endif /* PMMIO_PROTECTED_MMIO_H */
