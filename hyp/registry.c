// SPDX-License-Identifier: GPL-2.0-only
/*
 * Protected MMIO registry: record regions, then donate them all to the
 * hypervisor, or none of them.
 *
 * EL1 validates its input authoritatively; the checks here are defence in
 * depth against a registry corrupted on its way to EL2. What the hypervisor
 * answers is not trusted either: every donation is read back from the host
 * stage-2. No library calls: this runs at EL2, where only hypervisor code
 * can be called.
 */
#include <linux/errno.h>
#include <linux/types.h>

#include "registry.h"

void pmmio_registry_init(struct pmmio_registry *reg, u64 pfn_limit)
{
	reg->nr_regions = 0;
	reg->pfn_limit = pfn_limit;
	reg->frozen = false;
	reg->lost_pages = 0;
	reg->nr_lost_runs = 0;
	reg->donate_calls = 0;
	reg->donate_ticks = 0;
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

	/* Field by field: EL2 code has no memset() to call. */
	r = &reg->regions[reg->nr_regions++];
	r->pfn = pfn;
	r->nr_pages = nr_pages;
	r->state = PMMIO_REGION_RECORDED;
	r->err = 0;
	r->donated = false;
	r->host_pages = 0;
	r->restored_pages = 0;
	r->lost_pages = 0;
	return 0;
}

/* pmmio_host_has_access(), with the span kept within [1, @max]. */
static int host_reach(u64 pfn, u64 max, u64 *span)
{
	int ret;

	*span = 1;
	ret = pmmio_host_has_access(pfn, span);
	if (!*span)
		*span = 1;
	if (*span > max)
		*span = max;
	return ret;
}

/* Host-reachable pages of [@pfn, @pfn + @nr_pages), or the walk's -errno. */
static s64 reachable_pages(u64 pfn, u64 nr_pages)
{
	s64 pages = 0;
	u64 i, span;
	int ret;

	for (i = 0; i < nr_pages; i += span) {
		ret = host_reach(pfn + i, nr_pages - i, &span);
		if (ret < 0)
			return ret;
		if (ret)
			pages += span;
	}
	return pages;
}

/**
 * pmmio_region_host_pages() - Pages of a region the host can still reach.
 * @r:	The region.
 *
 * The answer EL1 cannot fake: it comes from the host stage-2 itself, one
 * call per leaf, so one call per page the hypervisor owns.
 *
 * Return: that page count, or the walk's -errno.
 */
s64 pmmio_region_host_pages(const struct pmmio_region *r)
{
	return reachable_pages(r->pfn, r->nr_pages);
}

/* 0 if the host can reach every page of @r, -EPERM if not, or -errno. */
static int host_reaches_all(const struct pmmio_region *r)
{
	u64 i, span;
	int ret;

	for (i = 0; i < r->nr_pages; i += span) {
		ret = host_reach(r->pfn + i, r->nr_pages - i, &span);
		if (ret <= 0)
			return ret ? ret : -EPERM;
	}
	return 0;
}

static void restore(struct pmmio_region *r, u64 pfn, u64 nr_pages,
		    struct pmmio_protect_result *res)
{
	int ret = pmmio_host_restore(pfn, nr_pages);

	if (!ret)
		r->restored_pages += nr_pages;
	else if (!res->restore_err)
		res->restore_err = ret;
}

/*
 * Whether the host may have lost @pfn: it cannot reach it, or the host
 * stage-2 cannot say. The regions were the host's before their donation
 * (host_reaches_all()), so handing such a page back is always safe.
 */
static bool host_lost(u64 pfn)
{
	u64 span;

	return host_reach(pfn, 1, &span) <= 0;
}

/*
 * Give @nr_pages from @pfn back to the host. pKVM refuses the whole range
 * if one page lacks its own mapping at EL2 (a donation that failed half
 * way), so then go page by page, and map the pages it keeps, and the host
 * cannot reach, for the host directly, one run at a time.
 */
static void give_back(struct pmmio_region *r, u64 pfn, u64 nr_pages,
		      struct pmmio_protect_result *res)
{
	u64 i, refused = 0;
	int ret;

	ret = pmmio_hyp_donate_host(pfn, nr_pages);
	if (!ret)
		return;
	if (!res->giveback_err)
		res->giveback_err = ret;

	for (i = 0; i < nr_pages; i++) {
		if (pmmio_hyp_donate_host(pfn + i, 1) && host_lost(pfn + i)) {
			refused++;
			continue;
		}
		if (refused)
			restore(r, pfn + i - refused, refused, res);
		refused = 0;
	}
	if (refused)
		restore(r, pfn + nr_pages - refused, refused, res);
}

/*
 * After a donation that failed: the host had every page of @r before it,
 * so each page it may have lost since was taken by that donation. Give
 * those back, one run at a time.
 */
static void give_back_taken(struct pmmio_region *r,
			    struct pmmio_protect_result *res)
{
	u64 i = 0, run, span;

	while (i < r->nr_pages) {
		if (host_reach(r->pfn + i, r->nr_pages - i, &span) > 0) {
			i += span;
			continue;
		}
		for (run = 1; i + run < r->nr_pages; run++)
			if (!host_lost(r->pfn + i + run))
				break;
		give_back(r, r->pfn + i, run, res);
		i += run;
	}
}

/* Count lost pages; name them in runs while there is room. */
static void record_lost(struct pmmio_registry *reg, u64 pfn, u64 nr_pages)
{
	struct pmmio_run *last;

	reg->lost_pages += nr_pages;
	if (reg->nr_lost_runs) {
		last = &reg->lost[reg->nr_lost_runs - 1];
		if (last->pfn + last->nr_pages == pfn) {
			last->nr_pages += nr_pages;
			return;
		}
	}
	if (reg->nr_lost_runs < PMMIO_MAX_LOST_RUNS) {
		reg->lost[reg->nr_lost_runs].pfn = pfn;
		reg->lost[reg->nr_lost_runs++].nr_pages = nr_pages;
	}
}

/*
 * Read every region back after a rollback: what the host reaches, and
 * which pages of the donated regions it did not get back. A page the host
 * stage-2 cannot answer for counts as lost: never claim the host has a
 * page it may not have.
 */
static void account_rollback(struct pmmio_registry *reg)
{
	struct pmmio_region *r;
	s64 reachable;
	u64 i, span;
	int ret, walk_err;
	u32 k;

	for (k = 0; k < reg->nr_regions; k++) {
		r = &reg->regions[k];
		reachable = 0;
		walk_err = 0;
		for (i = 0; i < r->nr_pages; i += span) {
			ret = host_reach(r->pfn + i, r->nr_pages - i, &span);
			if (ret > 0) {
				reachable += span;
				continue;
			}
			if (ret < 0 && !walk_err)
				walk_err = ret;
			if (r->donated) {
				r->lost_pages += span;
				record_lost(reg, r->pfn + i, span);
			}
		}
		r->host_pages = walk_err ? walk_err : reachable;
	}
}

/*
 * Donate @r and read the host stage-2 back over it. Return: 0 if the host
 * reaches none of its pages any more, or -errno (PMMIO_EUNVERIFIED when
 * pKVM reported success all the same).
 */
static int donate_verified(struct pmmio_registry *reg, struct pmmio_region *r,
			   struct pmmio_protect_result *res)
{
	s64 reachable;
	u64 start;
	int ret;

	r->donated = true;
	reg->donate_calls++;
	start = pmmio_counter();
	ret = pmmio_host_donate_hyp(r->pfn, r->nr_pages);
	reg->donate_ticks += pmmio_counter() - start;
	reachable = pmmio_region_host_pages(r);
	r->host_pages = reachable;
	if (ret)
		return ret;
	if (reachable < 0)
		return reachable;
	if (reachable) {
		res->unverified_pages = reachable;
		return -PMMIO_EUNVERIFIED;
	}
	return 0;
}

/* Clear @res and freeze @reg: one protection per registry, ever. */
static int protect_begin(struct pmmio_registry *reg,
			 struct pmmio_protect_result *res)
{
	res->err = 0;
	res->failed_region = 0;
	res->unverified_pages = 0;
	res->giveback_err = 0;
	res->restore_err = 0;
	if (reg->frozen)
		return -EPERM;
	reg->frozen = true;
	return 0;
}

/**
 * pmmio_registry_protect() - Donate every region, or none.
 * @reg:	Registry; frozen from here on, whatever the outcome, because
 *		pKVM offers no second load window to retry in.
 * @res:	Set to what happened.
 *
 * One ranged donation per region, each read back from the host stage-2.
 * If region k fails, or the host can still reach a page of it, give back
 * what the hypervisor took of k, then regions k-1 .. 0 in reverse order.
 * Pages the hypervisor refuses to give back are mapped for the host
 * directly where it allows that; any page the host still cannot reach
 * after that is counted in its region and in @reg's lost runs.
 *
 * Return: 0 if every region is protected, or the -errno of the failure.
 */
int pmmio_registry_protect(struct pmmio_registry *reg,
			   struct pmmio_protect_result *res)
{
	struct pmmio_region *r;
	int ret;
	u32 i;

	ret = protect_begin(reg, res);
	if (ret)
		return ret;

	for (i = 0; i < reg->nr_regions; i++) {
		r = &reg->regions[i];
		/*
		 * pKVM would refuse a page that is not the host's anyway;
		 * knowing the host had them all tells, after a failure, which
		 * pages the donation took.
		 */
		ret = host_reaches_all(r);
		if (ret) {
			r->state = PMMIO_REGION_REFUSED;
			goto unwind;
		}
		ret = donate_verified(reg, r, res);
		if (ret)
			goto unwind;
		r->state = PMMIO_REGION_PROTECTED;
	}
	return 0;

unwind:
	res->err = ret;
	res->failed_region = i;
	r->err = ret;
	if (r->donated)
		r->state = PMMIO_REGION_FAILED;
	if (res->unverified_pages)
		give_back(r, r->pfn, r->nr_pages, res);	/* pKVM believes it took it all */
	else if (r->donated)
		give_back_taken(r, res);
	while (i--) {
		r = &reg->regions[i];
		give_back(r, r->pfn, r->nr_pages, res);
		r->state = PMMIO_REGION_RETURNED;
	}
	account_rollback(reg);
	return ret;
}

#ifdef PMMIO_BENCH_PAGEWISE
/**
 * pmmio_registry_protect_pagewise() - Donate as the seed patch does.
 * @reg:	Registry; frozen from here on.
 * @res:	Set to what happened.
 *
 * Test builds for make bench only (PMMIO_BENCH_PAGEWISE): the loop of the
 * upstream patch this module backports, one donation call per page, and on
 * a failure its rollback, which gives back only the failing region's pages
 * in reverse and leaves the earlier regions donated. No read-back.
 *
 * Return: 0 if every page was donated, or the -errno of the failure.
 */
int pmmio_registry_protect_pagewise(struct pmmio_registry *reg,
				    struct pmmio_protect_result *res)
{
	struct pmmio_region *r;
	u64 j, start;
	u32 i;
	int ret;

	ret = protect_begin(reg, res);
	if (ret)
		return ret;

	for (i = 0; i < reg->nr_regions; i++) {
		r = &reg->regions[i];
		r->donated = true;
		/* The region's loop timed once: no counter reads between calls. */
		start = pmmio_counter();
		for (j = 0; j < r->nr_pages; j++) {
			reg->donate_calls++;
			ret = pmmio_host_donate_hyp(r->pfn + j, 1);
			if (ret)
				break;
		}
		reg->donate_ticks += pmmio_counter() - start;
		if (ret)
			goto err;
		r->state = PMMIO_REGION_PROTECTED;
	}
	return 0;

err:
	while (j--)
		pmmio_hyp_donate_host(r->pfn + j, 1);
	r->state = PMMIO_REGION_FAILED;
	r->err = ret;
	res->err = ret;
	res->failed_region = i;
	return ret;
}
#endif

/**
 * pmmio_registry_readback() - Read back one chunk of the registry's pages.
 * @reg:	Registry.
 * @pos:	Page position across all regions, in registry order.
 * @examined:	Set to the pages read back: at most PMMIO_READBACK_CHUNK,
 *		never past the end of the region @pos falls in.
 *
 * Return: how many of those pages the host can reach, -ERANGE if @pos is
 * past the last page, or the walk's -errno.
 */
s64 pmmio_registry_readback(const struct pmmio_registry *reg, u64 pos,
			    u64 *examined)
{
	const struct pmmio_region *r;
	u64 nr_pages;
	u32 i;

	*examined = 0;
	for (i = 0; i < reg->nr_regions; i++) {
		r = &reg->regions[i];
		if (pos < r->nr_pages) {
			nr_pages = r->nr_pages - pos;
			if (nr_pages > PMMIO_READBACK_CHUNK)
				nr_pages = PMMIO_READBACK_CHUNK;
			*examined = nr_pages;
			return reachable_pages(r->pfn + pos, nr_pages);
		}
		pos -= r->nr_pages;
	}
	return -ERANGE;
}
