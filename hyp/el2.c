// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL2 side of pkvm_protected_mmio: record the regions EL1 asked for,
 * protect them, and report through a host page shared with EL2.
 *
 * The report page is fixed at load time, while the host is still trusted,
 * and shared and pinned rather than merely mapped: it cannot be handed to
 * a guest or unshared later, so EL2 can never write into someone else's
 * memory or fault. EL2 writes it once, at init, and never reads it: the
 * host can change it at any time.
 */
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include <asm/sysreg.h>

#include "el2.h"
#include "permfault_test.h"
#include "registry.h"
#include "selftest.h"

struct pmmio_request pmmio_request;

static struct pmmio_registry registry;

u64 pmmio_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

/* What protection left, from the registry: no second walk of the regions. */
static void report_registry(struct pmmio_report *report)
{
	const struct pmmio_region *r;
	u32 i;

	report->nr_regions = registry.nr_regions;
	for (i = 0; i < registry.nr_regions; i++) {
		r = &registry.regions[i];
		report->regions[i].pfn = r->pfn;
		report->regions[i].nr_pages = r->nr_pages;
		report->regions[i].state = r->state;
		report->regions[i].err = r->err;
		report->regions[i].host_pages = r->host_pages;
		report->regions[i].restored_pages = r->restored_pages;
		report->regions[i].lost_pages = r->lost_pages;
	}
	report->lost_pages = registry.lost_pages;
	report->donate_calls = registry.donate_calls;
	report->donate_ticks = registry.donate_ticks;
	report->nr_lost_runs = registry.nr_lost_runs;
	for (i = 0; i < registry.nr_lost_runs; i++) {
		report->lost[i].pfn = registry.lost[i].pfn;
		report->lost[i].nr_pages = registry.lost[i].nr_pages;
	}
}

static int record_regions(struct pmmio_report *report)
{
	int ret;
	u32 i;

	pmmio_registry_init(&registry, pmmio_request.pfn_limit);
	if (pmmio_request.nr_regions > PMMIO_MAX_REGIONS) {
		report->failed_region = PMMIO_MAX_REGIONS;
		return -E2BIG;
	}
	for (i = 0; i < pmmio_request.nr_regions; i++) {
		ret = pmmio_registry_add(&registry, pmmio_request.regions[i].pfn,
					 pmmio_request.regions[i].nr_pages);
		if (ret) {
			report->failed_region = i;
			return ret;
		}
	}
	return 0;
}

int pmmio_el2_protect(void)
{
	struct pmmio_protect_result res;
	struct pmmio_report *report;
	u64 start;
	int ret;

	BUILD_BUG_ON(sizeof(struct pmmio_report) > PAGE_SIZE);

	report = pmmio_host_share_page(pmmio_request.report_pfn);
	if (!report)
		return -EPERM;

#ifdef PMMIO_SELFTEST_PAGE
	/* Defence in depth, as for the regions: EL1 checked it already. */
	ret = pmmio_request.selftest_pfn < pmmio_request.pfn_limit ?
	      pmmio_ownership_selftest(pmmio_request.selftest_pfn,
				       &report->selftest_step) : -ERANGE;
	if (ret) {
		report->stage = PMMIO_STAGE_SELFTEST;
		goto out;
	}
#endif

	ret = record_regions(report);
	if (ret) {
		report->stage = PMMIO_STAGE_RECORD;
		goto out;
	}

	start = pmmio_counter();
#ifdef PMMIO_BENCH_PAGEWISE
	ret = pmmio_registry_protect_pagewise(&registry, &res);
#else
	ret = pmmio_registry_protect(&registry, &res);
#endif
	report->protect_ticks = pmmio_counter() - start;
	report->counter_freq = read_sysreg(cntfrq_el0);
	if (ret) {
		report->stage = PMMIO_STAGE_PROTECT;
		report->failed_region = res.failed_region;
		report->unverified_pages = res.unverified_pages;
		report->giveback_err = res.giveback_err;
		report->restore_err = res.restore_err;
	}
	report_registry(report);
#ifdef PMMIO_PERMFAULT_TEST
	/* Only now: a failed init unshares the page the handlers write. */
	if (!ret)
		pmmio_permfault_test_start(report);
#endif
out:
	report->err = ret;
	/*
	 * On failure nothing stays behind at EL2, not even the share. Should
	 * the unshare itself fail, EL1 keeps the page for good: it frees the
	 * report page of a failed load only if EL2 never wrote to it.
	 */
	if (ret)
		pmmio_host_unshare_page(pmmio_request.report_pfn);
	return ret;
}

/**
 * pmmio_el2_readback() - Read back one chunk of the protected pages.
 * @pos:	Page position across all regions, from the host: untrusted,
 *		and only ever compared with the registry's own sizes.
 *
 * Return: PMMIO_READBACK_RESULT() of the pages examined (at most
 * PMMIO_READBACK_CHUNK) and the host-reachable ones among them, or -errno.
 */
s64 pmmio_el2_readback(u64 pos)
{
	u64 examined;
	s64 reachable;

	if (!registry.frozen)
		return -EAGAIN;
	reachable = pmmio_registry_readback(&registry, pos, &examined);
	if (reachable < 0)
		return reachable;
	return PMMIO_READBACK_RESULT(examined, reachable);
}
