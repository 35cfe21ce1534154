// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL2 side of pkvm_protected_mmio: record the regions EL1 asked for,
 * protect them, and report through a host page shared with EL2.
 *
 * The report page is fixed at load time, while the host is still trusted,
 * and shared and pinned rather than merely mapped: it cannot be handed to
 * a guest or unshared later, so a readback can never write into someone
 * else's memory or fault. EL2 only ever writes it: the host can change it
 * at any time, so nothing read back from it steers EL2.
 */
#include <asm/barrier.h>
#include <asm/cpufeature.h>
#include <asm/page.h>
#include <asm/sysreg.h>

#include "el2.h"
#include "registry.h"

struct pmmio_request pmmio_request;

static struct pmmio_registry registry;
static struct pmmio_report *report;
static u64 nr_readbacks;

static u64 pfn_limit(void)
{
	u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	u32 parange = cpuid_feature_extract_unsigned_field(mmfr0,
				ID_AA64MMFR0_EL1_PARANGE_SHIFT);

	return 1ULL << (id_aa64mmfr0_parange_to_phys_shift(parange) - PAGE_SHIFT);
}

static u64 read_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

/* Write the registry and the host stage-2's view of it; return host pages or -errno. */
static s64 report_regions(void)
{
	s64 total = 0, host_pages;
	u32 i;

	report->nr_regions = registry.nr_regions;
	for (i = 0; i < registry.nr_regions; i++) {
		host_pages = pmmio_region_host_pages(&registry.regions[i]);
		report->regions[i].pfn = registry.regions[i].pfn;
		report->regions[i].nr_pages = registry.regions[i].nr_pages;
		report->regions[i].state = registry.regions[i].state;
		report->regions[i].host_pages = host_pages;
		if (total >= 0)
			total = host_pages < 0 ? host_pages : total + host_pages;
	}
	return total;
}

int pmmio_el2_protect(void)
{
	struct pmmio_protect_result res;
	u64 start;
	int ret;
	u32 i;

	report = pmmio_host_share_page(pmmio_request.report_pfn);
	if (!report)
		return -EPERM;

	pmmio_registry_init(&registry, pfn_limit());
	if (pmmio_request.nr_regions > PMMIO_MAX_REGIONS) {
		ret = -E2BIG;
		report->stage = PMMIO_STAGE_RECORD;
		report->failed_region = PMMIO_MAX_REGIONS;
		goto out;
	}
	for (i = 0; i < pmmio_request.nr_regions; i++) {
		ret = pmmio_registry_add(&registry, pmmio_request.regions[i].pfn,
					 pmmio_request.regions[i].nr_pages);
		if (ret) {
			report->stage = PMMIO_STAGE_RECORD;
			report->failed_region = i;
			goto out;
		}
	}

	start = read_counter();
	ret = pmmio_registry_protect(&registry, &res);
	report->protect_ticks = read_counter() - start;
	report->counter_freq = read_sysreg(cntfrq_el0);
	if (ret) {
		report->stage = PMMIO_STAGE_PROTECT;
		report->failed_region = res.failed_region;
		report->failed_done = res.failed_done;
		report->rollback_err = res.rollback_err;
	}
out:
	report->err = ret;
	report_regions();
	/*
	 * On failure nothing stays behind at EL2, not even the share. Should
	 * the unshare itself fail, EL1 keeps the page for good: it frees the
	 * report page of a failed load only if EL2 never wrote to it.
	 */
	if (ret)
		pmmio_host_unshare_page(pmmio_request.report_pfn);
	return ret;
}

/*
 * Rewrite the report from the host stage-2. Returns the pages the host
 * can still reach in all regions, or the first -errno of the walk.
 */
s64 pmmio_el2_readback(void)
{
	report->readbacks = ++nr_readbacks;
	return report_regions();
}
