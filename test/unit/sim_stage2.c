// SPDX-License-Identifier: GPL-2.0-only
/*
 * Simulated pKVM bound to the hypervisor interface of hyp/registry.h. The
 * rules are those of the Android Common Kernel's module ops, as the 6.12
 * test kernel implements them (test/kernel/patches/6.12/):
 *
 * - host_donate_hyp: the range must lie in the host stage-2 and must not
 *   mix RAM and MMIO (-EINVAL); every page must be the host's (-EPERM,
 *   nothing changed). RAM is accepted like MMIO. Then, per generation,
 *   each page is annotated for the hypervisor one by one and mapped at EL2
 *   one by one, a mapping taking a table page from a bounded pool per
 *   SIM_BLOCK pages; a failure after the check behaves as that generation.
 * - hyp_donate_host: every page must be mapped at EL2 (-EPERM, nothing
 *   changed); the host gets the pages back, unmapped at EL2.
 * - host_stage2_mod_prot: maps pages for the host with the default MMIO
 *   prot the module asks for, no ownership check.
 * - host_stage2_get_leaf: pages the hypervisor owns are page leaves; a
 *   table-free block of host pages is one leaf.
 */
#include <errno.h>
#include <string.h>

#include "../../hyp/registry.h"
#include "sim_stage2.h"

struct sim_stage2 sim;

void sim_reset(void)
{
	memset(&sim, 0, sizeof(sim));
}

static int log_call(char op, u64 pfn, u64 nr_pages, int ret)
{
	if (sim.nr_calls < SIM_MAX_CALLS)
		sim.log[sim.nr_calls] = (struct sim_call){ op, pfn, nr_pages, ret };
	sim.nr_calls++;
	if (op == 'd')
		sim.nr_donate++;
	else if (op == 'g')
		sim.nr_give_back++;
	else
		sim.nr_restore++;
	return ret;
}

u64 sim_pages_not_host(u64 pfn, u64 nr_pages)
{
	u64 i, n = 0;

	for (i = pfn; i < pfn + nr_pages; i++)
		n += sim.owner[i] != SIM_HOST;
	return n;
}

u64 sim_pages_hyp_mapped(u64 pfn, u64 nr_pages)
{
	u64 i, n = 0;

	for (i = pfn; i < pfn + nr_pages; i++)
		n += sim.hyp_mapped[i];
	return n;
}

static bool is_ram(u64 pfn)
{
	return pfn >= sim.ram_start && pfn < sim.ram_end;
}

static bool range_valid(u64 pfn, u64 nr_pages)
{
	return pfn < SIM_NR_PFNS && nr_pages && SIM_NR_PFNS - pfn >= nr_pages;
}

static bool block_has_hyp_mapping(u64 pfn)
{
	u64 start = pfn - pfn % SIM_BLOCK, i;

	for (i = start; i < start + SIM_BLOCK; i++)
		if (sim.hyp_mapped[i])
			return true;
	return false;
}

/* Pages of this site's next @nr operations that succeed before the injected failure. */
static u64 budget(enum sim_site site, u64 *count, u64 nr)
{
	u64 done = *count;

	*count += nr;
	if (sim.fail_site != site || sim.fail_at <= done ||
	    sim.fail_at > done + nr)
		return nr;
	*count = sim.fail_at;
	return sim.fail_at - done - 1;
}

static int annotate(u64 pfn, u64 nr_pages)
{
	u64 nr = budget(SIM_FAIL_ANNOTATE, &sim.annotated, nr_pages), i;

	for (i = pfn; i < pfn + nr; i++) {
		sim.owner[i] = SIM_HYP;
		sim.host_mapped[i] = 0;
	}
	return nr == nr_pages ? 0 : -ENOMEM;
}

static int map(u64 pfn, u64 nr_pages)
{
	u64 nr = budget(SIM_FAIL_MAP, &sim.mapped, nr_pages), i;

	for (i = pfn; i < pfn + nr; i++) {
		if (sim.pool_limited && !block_has_hyp_mapping(i)) {
			if (!sim.pool_pages)
				return -ENOMEM;
			sim.pool_pages--;
		}
		sim.hyp_mapped[i] = 1;
	}
	return nr == nr_pages ? 0 : -ENOMEM;
}

static void unmap(u64 pfn, u64 nr_pages)
{
	u64 i;

	for (i = pfn; i < pfn + nr_pages; i++) {
		if (!sim.hyp_mapped[i])
			continue;
		sim.hyp_mapped[i] = 0;
		if (sim.pool_limited && !block_has_hyp_mapping(i))
			sim.pool_pages++;
	}
}

static void give_to_host(u64 pfn, u64 nr_pages)
{
	u64 i;

	for (i = pfn; i < pfn + nr_pages; i++)
		sim.owner[i] = SIM_HOST;
}

static bool warn_on(bool cond)
{
	if (cond)
		sim.warnings++;
	return cond;
}

static int donate_steps(u64 pfn, u64 nr_pages)
{
	int ret;

	switch (sim.model) {
	case SIM_6_1:
		ret = annotate(pfn, nr_pages);
		if (!ret)
			ret = map(pfn, nr_pages);
		warn_on(ret);
		return ret;
	case SIM_6_6:
		ret = annotate(pfn, nr_pages);
		if (ret)
			return ret;
		ret = map(pfn, nr_pages);
		if (ret)
			unmap(pfn, nr_pages);
		return ret;
	case SIM_6_12_EARLY:
		ret = map(pfn, nr_pages);
		if (ret) {
			unmap(pfn, nr_pages);
			return ret;
		}
		warn_on(annotate(pfn, nr_pages));
		return 0;
	default:
		ret = annotate(pfn, nr_pages);
		if (warn_on(ret))
			return ret;
		ret = map(pfn, nr_pages);
		if (ret) {
			unmap(pfn, nr_pages);
			give_to_host(pfn, nr_pages);
		}
		return ret;
	}
}

/* Unmap the test's holes at EL2 if this donation covers them. */
static void make_holes(u64 pfn, u64 nr_pages)
{
	unsigned int h;

	for (h = 0; h < 2; h++) {
		if (sim.hole_pfn[h] < pfn ||
		    sim.hole_pfn[h] + sim.hole_pages > pfn + nr_pages)
			continue;
		unmap(sim.hole_pfn[h], sim.hole_pages);
		sim.hole_pfn[h] = 0;
	}
}

/* The simulator has no clock: a count of reads is monotonic enough. */
u64 pmmio_counter(void)
{
	static u64 count;

	return ++count;
}

int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages)
{
	u64 i;

	int ret;

	if (!range_valid(pfn, nr_pages))
		return log_call('d', pfn, nr_pages, -EINVAL);
	for (i = pfn; i < pfn + nr_pages; i++)
		if (is_ram(i) != is_ram(pfn))
			return log_call('d', pfn, nr_pages, -EINVAL);
	for (i = pfn; i < pfn + nr_pages; i++)
		if (sim.owner[i] != SIM_HOST || sim.hyp_mapped[i])
			return log_call('d', pfn, nr_pages, -EPERM);
	ret = donate_steps(pfn, nr_pages);
	if (!ret)
		make_holes(pfn, nr_pages);
	return log_call('d', pfn, nr_pages, ret);
}

int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages)
{
	u64 i;

	if (!range_valid(pfn, nr_pages))
		return log_call('g', pfn, nr_pages, -EINVAL);
	for (i = pfn; i < pfn + nr_pages; i++)
		if (!sim.hyp_mapped[i] ||
		    (sim.strict_give_back && sim.owner[i] != SIM_HYP))
			return log_call('g', pfn, nr_pages, -EPERM);
	unmap(pfn, nr_pages);
	give_to_host(pfn, nr_pages);
	return log_call('g', pfn, nr_pages, 0);
}

int pmmio_host_restore(u64 pfn, u64 nr_pages)
{
	u64 i;

	if (sim.no_restore)
		return log_call('r', pfn, nr_pages, -EOPNOTSUPP);
	if (!range_valid(pfn, nr_pages))
		return log_call('r', pfn, nr_pages, -EINVAL);
	give_to_host(pfn, nr_pages);
	/* The host's default MMIO prot: blocks where the range allows. */
	for (i = pfn; i < pfn + nr_pages; i++)
		sim.host_mapped[i] = 1;
	return log_call('r', pfn, nr_pages, 0);
}

/* A block leaf only where no page under it needs a page-level entry. */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages)
{
	u64 start, i;

	if (pfn >= SIM_NR_PFNS)
		return -ERANGE;
	sim.nr_leaf_calls++;
	if (sim.leaf_error_from && sim.nr_donate >= sim.leaf_error_from &&
	    pfn == sim.leaf_error_pfn)
		return -EFAULT;
	*nr_pages = 1;
	start = pfn - pfn % SIM_BLOCK;
	for (i = start; i < start + SIM_BLOCK; i++)
		if (sim.owner[i] != SIM_HOST ||
		    sim.host_mapped[i] != sim.host_mapped[pfn])
			break;
	if (i == start + SIM_BLOCK)
		*nr_pages = start + SIM_BLOCK - pfn;
	return sim.owner[pfn] == SIM_HOST;
}
