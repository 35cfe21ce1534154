/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the EL1 module and the EL2 object exchange, and the limits both
 * share. Fixed-size types only: the two sides are built with different
 * flags and must agree on the layout.
 */
#ifndef PMMIO_PROTECTED_MMIO_H
#define PMMIO_PROTECTED_MMIO_H

#include <linux/types.h>

/* Build-time maximum number of regions; override with PMMIO_MAX_REGIONS=N. */
#ifndef PMMIO_MAX_REGIONS
#define PMMIO_MAX_REGIONS 32
#endif

/*
 * Written by EL1 into the EL2 object before it is loaded: after loading,
 * the object belongs to the hypervisor and EL1 cannot change it.
 */
struct pmmio_request {
	u64 report_pfn;		/* host page EL2 shares and reports into */
	u32 nr_regions;
	u32 reserved;
	struct {
		u64 pfn;
		u64 nr_pages;
	} regions[PMMIO_MAX_REGIONS];
};

/* Where EL2 init stopped when it failed. */
enum pmmio_stage {
	PMMIO_STAGE_NONE,
	PMMIO_STAGE_RECORD,	/* the registry refused a region */
	PMMIO_STAGE_PROTECT,	/* a donation failed; all was given back */
};

/*
 * Written by EL2 into the shared host page: once by init, and again by
 * every readback call.
 */
struct pmmio_report {
	s32 err;		/* init result: 0 or -errno */
	u32 stage;		/* enum pmmio_stage */
	u32 failed_region;
	s32 rollback_err;	/* first give-back error, or 0 */
	u64 failed_done;	/* pages of the failed region EL2 took anyway */
	u64 protect_ticks;	/* generic-timer ticks spent protecting */
	u64 counter_freq;	/* CNTFRQ_EL0 as EL2 read it */
	u64 readbacks;		/* how many readbacks EL2 has written */
	u32 nr_regions;
	u32 reserved;
	struct {
		u64 pfn;
		u64 nr_pages;
		u32 state;	/* enum pmmio_region_state */
		u32 reserved;
		s64 host_pages;	/* pages the host stage-2 still gives the host */
	} regions[PMMIO_MAX_REGIONS];
};

#endif /* PMMIO_PROTECTED_MMIO_H */
