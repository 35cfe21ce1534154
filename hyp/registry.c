// SPDX-License-Identifier: GPL-2.0-only
/*
 * Protected MMIO registry: record regions, then donate them all to the
 * hypervisor, or none of them.
 *
 * EL1 validates its input authoritatively; the checks here are defence in
 * depth against a registry corrupted on its way to EL2. No library calls:
 * this runs at EL2, where only hypervisor code can be called.
 */
#include <linux/errno.h>
#include <linux/types.h>

#include "registry.h"

void pmmio_registry_init(struct pmmio_registry *reg, u64 pfn_limit)
{
	reg->nr_regions = 0;
	reg->pfn_limit = pfn_limit;
	reg->frozen = false;
}

static bool ranges_overlap(u64 a, u64 a_nr, u64 b, u64 b_nr)
{
	return a < b + b_nr && b < a + a_nr;
}

int pmmio_registry_add(struct pmmio_registry *reg, u64 pfn, u64 nr_pages)
{
	struct pmmio_region *r;
	u32 i;

	if (reg->frozen)
		return -EPERM;
	if (reg->nr_regions >= PMMIO_MAX_REGIONS)
		return -ENOSPC;
	if (!nr_pages)
		return -EINVAL;
	if (pfn + nr_pages < pfn)
		return -EOVERFLOW;
	if (pfn + nr_pages > reg->pfn_limit)
		return -ERANGE;

	/* Quadratic, but bounded by PMMIO_MAX_REGIONS and there is no sort() at EL2. */
	for (i = 0; i < reg->nr_regions; i++) {
		r = &reg->regions[i];
		if (ranges_overlap(pfn, nr_pages, r->pfn, r->nr_pages))
			return -EEXIST;
	}

	r = &reg->regions[reg->nr_regions++];
	r->pfn = pfn;
	r->nr_pages = nr_pages;
	r->state = PMMIO_REGION_RECORDED;
	return 0;
}

static void give_back(struct pmmio_region *r, u64 nr_pages, u32 state,
		      struct pmmio_protect_result *res)
{
	int ret = pmmio_hyp_donate_host(r->pfn, nr_pages);

	/* Keep going: every other page must still reach the host. */
	if (ret && !res->rollback_err)
		res->rollback_err = ret;
	r->state = state;
}

/* Leading pages of @r the host cannot reach, up to the first it can. */
static u64 lost_prefix(const struct pmmio_region *r)
{
	u64 i, span;

	for (i = 0; i < r->nr_pages; i += span) {
		span = 1;
		if (pmmio_host_has_access(r->pfn + i, &span) != 0)
			break;
		if (!span)
			span = 1;
	}
	return i < r->nr_pages ? i : r->nr_pages;
}

/*
 * How much of @r a failed donation took. pKVM checks the whole range
 * first, so a failure of that check changes nothing; a failure after it
 * (a page-table allocation, say) leaves a prefix with the hypervisor, and
 * the hypervisor may not say so. If the host had the first page before the
 * call, every leading page it lost since was taken by this call.
 */
static u64 taken_by_failure(const struct pmmio_region *r, bool host_had_first,
			    u64 reported)
{
	u64 measured = host_had_first ? lost_prefix(r) : 0;
	u64 done = reported > measured ? reported : measured;

	/* Never trust a count beyond the range we asked for. */
	return done < r->nr_pages ? done : r->nr_pages;
}

/*
 * Donate every region with one ranged call each. If region k fails, give
 * back what the hypervisor took of k, then regions k-1 .. 0, in reverse
 * order, so the host ends exactly as it started.
 *
 * Protection runs once: afterwards the registry is frozen, whatever the
 * outcome, because pKVM offers no second load window to retry in.
 */
int pmmio_registry_protect(struct pmmio_registry *reg,
			   struct pmmio_protect_result *res)
{
	struct pmmio_region *r;
	bool host_had_first;
	u64 done, span;
	int ret;
	u32 i;

	res->err = 0;
	res->failed_region = 0;
	res->failed_done = 0;
	res->rollback_err = 0;

	if (reg->frozen)
		return -EPERM;
	reg->frozen = true;

	for (i = 0; i < reg->nr_regions; i++) {
		r = &reg->regions[i];
		host_had_first = pmmio_host_has_access(r->pfn, &span) == 1;
		done = 0;
		ret = pmmio_host_donate_hyp(r->pfn, r->nr_pages, &done);
		if (ret)
			goto unwind;
		r->state = PMMIO_REGION_PROTECTED;
	}
	return 0;

unwind:
	res->err = ret;
	res->failed_region = i;
	res->failed_done = taken_by_failure(r, host_had_first, done);
	if (res->failed_done)
		give_back(r, res->failed_done, PMMIO_REGION_FAILED, res);
	else
		r->state = PMMIO_REGION_FAILED;
	while (i--)
		give_back(&reg->regions[i], reg->regions[i].nr_pages,
			  PMMIO_REGION_RETURNED, res);
	return ret;
}

/*
 * Ask the hypervisor how much of @r the host can still reach: the answer
 * EL1 cannot fake, because it comes from the host stage-2 itself. One
 * call per stage-2 leaf, so a large block-mapped region stays cheap.
 * Returns that page count, or -errno.
 */
s64 pmmio_region_host_pages(const struct pmmio_region *r)
{
	s64 pages = 0;
	u64 i, span;
	int ret;

	for (i = 0; i < r->nr_pages; i += span) {
		span = 1;
		ret = pmmio_host_has_access(r->pfn + i, &span);
		if (ret < 0)
			return ret;
		if (!span)
			span = 1;
		if (span > r->nr_pages - i)
			span = r->nr_pages - i;
		if (ret)
			pages += span;
	}
	return pages;
}
