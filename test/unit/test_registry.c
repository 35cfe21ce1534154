// SPDX-License-Identifier: GPL-2.0-only
/*
 * hyp/registry.c against the simulated pKVM of sim_stage2.c: all-or-nothing
 * protection on every generation's failure behaviour, the read-back that
 * catches a donation pKVM reports done too early, the give-back that maps
 * what pKVM refuses to return, bounded readback, and the registry's own
 * checks.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/kernel.h>

#include "../../hyp/registry.h"
#include "../../hyp/selftest.h"
#include "sim_stage2.h"

/* Eight regions of different sizes, with gaps and one adjacent pair. */
static const struct { u64 pfn, nr_pages; } eight[] = {
	{ 0x010, 1 }, { 0x020, 4 }, { 0x024, 2 }, { 0x100, 16 },
	{ 0x200, 1 }, { 0x400, 512 }, { 0x800, 3 }, { 0xfff, 1 },
};

/* As the QEMU scenarios: 1 page, 512 pages, 1 page, 16 pages. */
static const struct { u64 pfn, nr_pages; } four[] = {
	{ 0x9030, 1 }, { 0x10000, 512 }, { 0xa000, 1 }, { 0x10400, 16 },
};

static struct pmmio_registry reg;
static struct pmmio_protect_result res;

static void setup_regions(const void *regions, unsigned int nr)
{
	const struct { u64 pfn, nr_pages; } *r = regions;
	unsigned int i;

	pmmio_registry_init(&reg, SIM_NR_PFNS);
	for (i = 0; i < nr; i++)
		assert_int_equal(pmmio_registry_add(&reg, r[i].pfn,
						    r[i].nr_pages), 0);
}

static void setup_eight(void)
{
	sim_reset();
	setup_regions(eight, ARRAY_SIZE(eight));
}

static void setup_four(void)
{
	sim_reset();
	setup_regions(four, ARRAY_SIZE(four));
}

/* The host has every page back and EL2 maps none: the host as it started. */
static void assert_host_as_before(void)
{
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 0);
	assert_int_equal(sim_pages_hyp_mapped(0, SIM_NR_PFNS), 0);
}

static unsigned int nr_calls(char op)
{
	return op == 'd' ? sim.nr_donate : op == 'g' ? sim.nr_give_back :
	       sim.nr_restore;
}

static void protect_all_one_call_per_region(void **state)
{
	unsigned int i;

	(void)state;
	setup_eight();
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(res.err, 0);
	assert_int_equal(sim.nr_calls, ARRAY_SIZE(eight));
	for (i = 0; i < ARRAY_SIZE(eight); i++) {
		assert_int_equal(sim.log[i].op, 'd');
		assert_int_equal(sim.log[i].pfn, eight[i].pfn);
		assert_int_equal(sim.log[i].nr_pages, eight[i].nr_pages);
		assert_int_equal(reg.regions[i].state, PMMIO_REGION_PROTECTED);
		assert_int_equal(reg.regions[i].host_pages, 0);
		assert_int_equal(sim_pages_not_host(eight[i].pfn,
						    eight[i].nr_pages),
				 eight[i].nr_pages);
	}
	/* Nothing outside the regions moved. */
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 1 + 4 + 2 + 16 + 1 + 512 + 3 + 1);
	assert_true(reg.frozen);
	assert_int_equal(reg.donate_calls, ARRAY_SIZE(eight));
	assert_true(reg.donate_ticks >= ARRAY_SIZE(eight));
}

/* make bench's page-by-page build: one call per page, as the seed patch. */
static void pagewise_one_call_per_page(void **state)
{
	unsigned int i;

	(void)state;
	setup_four();
	assert_int_equal(pmmio_registry_protect_pagewise(&reg, &res), 0);
	assert_int_equal(sim.nr_donate, 1 + 512 + 1 + 16);
	assert_int_equal(reg.donate_calls, 1 + 512 + 1 + 16);
	for (i = 0; i < sim.nr_calls && i < SIM_MAX_CALLS; i++) {
		assert_int_equal(sim.log[i].op, 'd');
		assert_int_equal(sim.log[i].nr_pages, 1);
	}
	for (i = 0; i < ARRAY_SIZE(four); i++) {
		assert_int_equal(reg.regions[i].state, PMMIO_REGION_PROTECTED);
		assert_int_equal(sim_pages_not_host(four[i].pfn, four[i].nr_pages),
				 four[i].nr_pages);
	}
	assert_int_equal(pmmio_registry_protect_pagewise(&reg, &res), -EPERM);
}

/*
 * And its rollback: the failing region's pages in reverse, nothing of the
 * earlier regions (the seed's behaviour, not this module's).
 */
static void pagewise_rollback_as_the_seed(void **state)
{
	(void)state;
	setup_four();
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1 + 100;		/* region 1, its 100th page */

	assert_int_equal(pmmio_registry_protect_pagewise(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_region, 1);
	assert_int_equal(reg.regions[0].state, PMMIO_REGION_PROTECTED);
	assert_int_equal(reg.regions[1].state, PMMIO_REGION_FAILED);
	assert_int_equal(nr_calls('d'), 1 + 100);
	assert_int_equal(nr_calls('g'), 99);
	assert_int_equal(sim_pages_not_host(0x10000, 512), 0);
	assert_int_equal(sim_pages_not_host(0x9030, 1), 1);
}

/* Which failure, where: one case of the generation x site x region matrix. */
struct failure_case {
	char name[64];
	enum sim_model model;
	enum sim_site site;
	unsigned int region;
	u64 offset;		/* the failing page's offset in the region */
	bool no_restore;
};

/* Pages of the failed region pKVM keeps annotated without an EL2 mapping. */
static u64 refused_pages(const struct failure_case *c)
{
	u64 nr = four[c->region].nr_pages;

	switch (c->model) {
	case SIM_6_1:
		return c->site == SIM_FAIL_ANNOTATE ? c->offset : nr - c->offset;
	case SIM_6_6:
		return c->site == SIM_FAIL_ANNOTATE ? c->offset : nr;
	case SIM_6_12:
		return c->site == SIM_FAIL_ANNOTATE ? c->offset : 0;
	default:
		return 0;
	}
}

/*
 * Whatever a generation leaves after a failure, the host ends as it
 * started, or the lost pages are exactly the ones the report names.
 */
static void failure_is_undone(void **state)
{
	const struct failure_case *c = *state;
	unsigned int k = c->region, i;
	u64 before = 0, refused = refused_pages(c);
	u64 lost = c->no_restore ? refused : 0;
	bool unverified = c->model == SIM_6_12_EARLY &&
			  c->site == SIM_FAIL_ANNOTATE;
	int ret;

	setup_four();
	for (i = 0; i < k; i++)
		before += four[i].nr_pages;
	sim.model = c->model;
	sim.fail_site = c->site;
	sim.fail_at = before + c->offset + 1;
	sim.no_restore = c->no_restore;

	ret = pmmio_registry_protect(&reg, &res);
	assert_int_equal(ret, unverified ? -PMMIO_EUNVERIFIED : -ENOMEM);
	assert_int_equal(res.err, ret);
	assert_int_equal(res.failed_region, k);
	assert_int_equal(res.unverified_pages,
			 unverified ? four[k].nr_pages - c->offset : 0);
	assert_int_equal(nr_calls('d'), k + 1);

	for (i = 0; i < ARRAY_SIZE(four); i++)
		assert_int_equal(reg.regions[i].state,
				 i < k ? PMMIO_REGION_RETURNED :
				 i == k ? PMMIO_REGION_FAILED :
				 PMMIO_REGION_RECORDED);

	/* Exactly the pages pKVM refused went through host_stage2_mod_prot. */
	assert_int_equal(res.giveback_err, refused ? -EPERM : 0);
	assert_int_equal(res.restore_err,
			 refused && c->no_restore ? -EOPNOTSUPP : 0);
	assert_int_equal(reg.regions[k].restored_pages,
			 c->no_restore ? 0 : refused);
	assert_int_equal(nr_calls('r'), refused ? 1 : 0);
	for (i = 0; i < k; i++)
		assert_int_equal(reg.regions[i].restored_pages, 0);

	assert_int_equal(reg.lost_pages, lost);
	assert_int_equal(reg.regions[k].lost_pages, lost);
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), lost);
	assert_int_equal(reg.regions[k].host_pages, four[k].nr_pages - lost);
	for (i = 0; i < ARRAY_SIZE(four); i++)
		if (i != k)
			assert_int_equal(reg.regions[i].host_pages,
					 four[i].nr_pages);
	if (lost) {
		/* One run, named exactly, and pKVM still has it. */
		assert_int_equal(reg.nr_lost_runs, 1);
		assert_int_equal(reg.lost[0].nr_pages, lost);
		assert_int_equal(sim_pages_not_host(reg.lost[0].pfn, lost), lost);
	} else {
		assert_int_equal(reg.nr_lost_runs, 0);
		assert_host_as_before();
	}
}

/* pKVM says done, but stopped annotating half way: caught and undone. */
static void verify_catches_partial_annotation(void **state)
{
	(void)state;
	setup_eight();
	sim.model = SIM_6_12_EARLY;
	sim.fail_site = SIM_FAIL_ANNOTATE;
	sim.fail_at = 1 + 4 + 2 + 16 + 1 + 200 + 1;	/* region 5, page 200 */

	assert_int_equal(pmmio_registry_protect(&reg, &res), -PMMIO_EUNVERIFIED);
	assert_int_equal(res.failed_region, 5);
	assert_int_equal(res.unverified_pages, 512 - 200);
	/* On every real generation that WARN is a hypervisor panic. */
	assert_int_equal(sim.warnings, 1);
	assert_host_as_before();
	assert_int_equal(reg.lost_pages, 0);
}

/*
 * A stricter give-back (CONFIG_PKVM_STRICT_CHECKS) refuses the pages pKVM
 * never annotated: the host still has those, so nothing is remapped.
 */
static void give_back_leaves_reachable_pages_alone(void **state)
{
	(void)state;
	setup_four();
	sim.model = SIM_6_12_EARLY;
	sim.strict_give_back = true;
	sim.fail_site = SIM_FAIL_ANNOTATE;
	sim.fail_at = 1 + 100 + 1;	/* region 1: 100 pages annotated */

	assert_int_equal(pmmio_registry_protect(&reg, &res), -PMMIO_EUNVERIFIED);
	assert_int_equal(res.unverified_pages, 412);
	assert_int_equal(reg.regions[1].restored_pages, 0);
	assert_int_equal(nr_calls('r'), 0);
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 0);
	/* What only pKVM can undo: its own mapping of the pages it never took. */
	assert_int_equal(sim_pages_hyp_mapped(0x10000, 512), 412);
	assert_int_equal(reg.lost_pages, 0);
}

/* A page the host stage-2 cannot answer for is never reported as the host's. */
static void unreadable_page_counts_as_lost(void **state)
{
	static const bool restore[] = { true, false };
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(restore); i++) {
		setup_four();
		sim.no_restore = !restore[i];
		sim.fail_site = SIM_FAIL_ANNOTATE;
		sim.fail_at = 1 + 100 + 1;	/* region 1: 100 pages annotated */
		sim.leaf_error_pfn = 0x10000;	/* the taken run's first page */
		sim.leaf_error_from = 2;	/* from region 1's donation on */

		assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
		assert_int_equal(reg.regions[1].host_pages, -EFAULT);
		assert_int_equal(reg.regions[1].lost_pages, restore[i] ? 1 : 100);
		assert_int_equal(reg.lost_pages, restore[i] ? 1 : 100);
		/* It was the host's before: given back with the rest. */
		assert_int_equal(sim.owner[0x10000],
				 restore[i] ? SIM_HOST : SIM_HYP);
	}
}

/* 6.6 keeps the range annotated without an EL2 mapping: mapped back. */
static void refused_give_back_is_restored(void **state)
{
	(void)state;
	setup_eight();
	sim.model = SIM_6_6;
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1 + 4 + 2 + 1;	/* region 3's first page */

	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_region, 3);
	assert_int_equal(res.giveback_err, -EPERM);
	assert_int_equal(reg.regions[3].restored_pages, 16);
	assert_int_equal(reg.regions[2].restored_pages, 0);
	assert_int_equal(nr_calls('r'), 1);
	assert_host_as_before();
}

/* Only what pKVM refuses goes through host_stage2_mod_prot. */
static void give_back_splits_mapped_and_unmapped(void **state)
{
	(void)state;
	setup_four();
	sim.model = SIM_6_1;
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1 + 100 + 1;	/* region 1: 100 pages mapped */

	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(reg.regions[1].restored_pages, 412);
	assert_host_as_before();
}

/*
 * Holes in the hypervisor's mapping of a protected region: each refused
 * run is mapped back on its own, the pages between given back by pKVM.
 */
static void give_back_restores_each_refused_run(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1 + 4 + 2 + 16 + 1 + 512 + 1;	/* region 6 fails */
	assert_int_equal(pmmio_host_donate_hyp(0x2000, 1), 0); /* a bystander */
	sim.mapped = 0;
	/* Region 5 (0x400, 512 pages) will lose its EL2 mapping in two holes. */
	sim.hole_pfn[0] = 0x400 + 10;
	sim.hole_pfn[1] = 0x400 + 300;
	sim.hole_pages = 5;

	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_region, 6);
	assert_int_equal(nr_calls('r'), 2);
	assert_int_equal(reg.regions[5].restored_pages, 10);
	assert_int_equal(sim_pages_not_host(0x400, 512), 0);
	assert_int_equal(sim_pages_hyp_mapped(0x400, 512), 0);
	/* Never more than it took: the bystander stays the hypervisor's. */
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 1);
	assert_int_equal(reg.lost_pages, 0);
}

/* A pool too small for the region: -ENOMEM, given back, pool intact. */
static void pool_exhaustion_is_given_back(void **state)
{
	static const enum sim_model models[] = {
		SIM_6_12, SIM_6_12_EARLY, SIM_6_6,
	};
	static const struct { u64 pfn, nr_pages; } big[] = {
		{ 0x100, 1 }, { 0x1000, 4 * SIM_BLOCK },
	};
	unsigned int m;

	(void)state;
	for (m = 0; m < ARRAY_SIZE(models); m++) {
		sim_reset();
		sim.model = models[m];
		sim.pool_limited = true;
		sim.pool_pages = 3;
		setup_regions(big, ARRAY_SIZE(big));
		assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
		assert_int_equal(res.failed_region, 1);
		assert_host_as_before();
		assert_int_equal(sim.pool_pages, 3);
		assert_int_equal(reg.lost_pages, 0);
	}
}

/* A page the host does not own: refused before donating, never handed over. */
static void foreign_page_is_never_given_to_host(void **state)
{
	(void)state;
	setup_eight();
	sim.owner[0x100 + 5] = SIM_OTHER;

	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(res.failed_region, 3);
	assert_int_equal(reg.regions[3].state, PMMIO_REGION_REFUSED);
	assert_int_equal(reg.regions[2].state, PMMIO_REGION_RETURNED);
	assert_int_equal(nr_calls('d'), 3);
	assert_int_equal(nr_calls('r'), 0);
	assert_int_equal(sim.owner[0x100 + 5], SIM_OTHER);
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 1);
	assert_int_equal(sim_pages_hyp_mapped(0, SIM_NR_PFNS), 0);
	assert_int_equal(reg.lost_pages, 0);
}

/*
 * The simulator's own rules, which the registry relies on: pKVM takes host
 * RAM as readily as MMIO (refusing RAM is EL1's job), and refuses a range
 * mixing RAM and MMIO.
 */
static void ram_is_taken_like_mmio(void **state)
{
	(void)state;
	sim_reset();
	sim.ram_start = 0x30000;
	sim.ram_end = 0x30100;
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_add(&reg, 0x30010, 4), 0);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(sim_pages_not_host(0x30010, 4), 4);
}

static void mixed_ram_and_mmio_is_refused(void **state)
{
	(void)state;
	sim_reset();
	sim.ram_start = 0x30000;
	sim.ram_end = 0x30100;
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_add(&reg, 0x300fe, 4), 0);
	assert_int_equal(pmmio_registry_protect(&reg, &res), -EINVAL);
	assert_host_as_before();
}

/* A region the host stage-2 does not cover fails before any donation. */
static void walk_error_fails_region(void **state)
{
	(void)state;
	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS + 16);
	assert_int_equal(pmmio_registry_add(&reg, 0x20, 1), 0);
	assert_int_equal(pmmio_registry_add(&reg, SIM_NR_PFNS - 4, 8), 0);
	assert_int_equal(pmmio_registry_protect(&reg, &res), -ERANGE);
	assert_int_equal(res.failed_region, 1);
	assert_int_equal(nr_calls('d'), 1);
	assert_host_as_before();
}

/* No EL2 call reads back more than PMMIO_READBACK_CHUNK pages. */
static void readback_is_bounded(void **state)
{
	u64 pos, examined, total = 0, calls = 0;
	unsigned int leaf;
	s64 reachable;

	(void)state;
	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_add(&reg, 0x20000, 131072), 0);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	sim.owner[0x20000 + 70000] = SIM_HOST;	/* a page leaks back */

	for (pos = 0; pos < 131072; pos += examined) {
		leaf = sim.nr_leaf_calls;
		reachable = pmmio_registry_readback(&reg, pos, &examined);
		assert_true(reachable >= 0);
		assert_true(examined > 0 && examined <= PMMIO_READBACK_CHUNK);
		assert_true(sim.nr_leaf_calls - leaf <= PMMIO_READBACK_CHUNK);
		total += reachable;
		calls++;
	}
	assert_int_equal(calls, 131072 / PMMIO_READBACK_CHUNK);
	assert_int_equal(total, 1);
}

/* Chunks never cross a region's end; past the last page is -ERANGE. */
static void readback_chunks_follow_regions(void **state)
{
	u64 examined;

	(void)state;
	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_add(&reg, 0x1000, 600), 0);
	assert_int_equal(pmmio_registry_add(&reg, 0x3000, 10), 0);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	sim.owner[0x3000 + 9] = SIM_HOST;

	assert_int_equal(pmmio_registry_readback(&reg, 0, &examined), 0);
	assert_int_equal(examined, 512);
	assert_int_equal(pmmio_registry_readback(&reg, 512, &examined), 0);
	assert_int_equal(examined, 88);
	assert_int_equal(pmmio_registry_readback(&reg, 600, &examined), 1);
	assert_int_equal(examined, 10);
	assert_int_equal(pmmio_registry_readback(&reg, 605, &examined), 1);
	assert_int_equal(examined, 5);
	assert_int_equal(pmmio_registry_readback(&reg, 610, &examined), -ERANGE);
	assert_int_equal(examined, 0);
}

/* The readback sees what the stage-2 says, not what the registry believes. */
static void readback_counts_host_pages(void **state)
{
	(void)state;
	setup_eight();
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 512);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 0);
	sim.owner[0x400 + 7] = SIM_HOST;
	sim.owner[0x400 + 9] = SIM_HOST;
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 2);
}

/* Host pages come in blocks, hypervisor pages one by one, as in pKVM. */
static void readback_steps_by_leaf(void **state)
{
	struct pmmio_region untouched = { .pfn = 0x2000, .nr_pages = 1024 };

	(void)state;
	setup_eight();
	sim.nr_leaf_calls = 0;
	assert_int_equal(pmmio_region_host_pages(&untouched), 1024);
	assert_int_equal(sim.nr_leaf_calls, 2);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	sim.nr_leaf_calls = 0;
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 0);
	assert_int_equal(sim.nr_leaf_calls, 512);
}

static void donation_rules_of_the_simulator(void **state)
{
	(void)state;
	sim_reset();
	assert_int_equal(pmmio_host_donate_hyp(0x40, 2), 0);
	assert_int_equal(pmmio_host_donate_hyp(0x41, 1), -EPERM);
	/* The range check runs before any change: 0x3f stays with the host. */
	assert_int_equal(pmmio_host_donate_hyp(0x3f, 2), -EPERM);
	assert_int_equal(sim.owner[0x3f], SIM_HOST);
	assert_int_equal(pmmio_hyp_donate_host(0x3f, 2), -EPERM);
	assert_int_equal(pmmio_hyp_donate_host(0x40, 2), 0);
	assert_int_equal(pmmio_host_donate_hyp(SIM_NR_PFNS - 1, 2), -EINVAL);
	assert_host_as_before();
}

static void empty_registry_protects_nothing(void **state)
{
	(void)state;
	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(sim.nr_calls, 0);
	assert_true(reg.frozen);
}

static void add_refuses_invalid(void **state)
{
	(void)state;
	pmmio_registry_init(&reg, 0x1000);
	assert_int_equal(pmmio_registry_add(&reg, 0x10, 0), -EINVAL);
	assert_int_equal(pmmio_registry_add(&reg, ~0ULL - 1, 4), -EOVERFLOW);
	assert_int_equal(pmmio_registry_add(&reg, ~0ULL, 1), -EOVERFLOW);
	assert_int_equal(pmmio_registry_add(&reg, 0xfff, 2), -ERANGE);
	assert_int_equal(pmmio_registry_add(&reg, 0x1000, 1), -ERANGE);
	assert_int_equal(reg.nr_regions, 0);
	/* Ending exactly at the limit is inside it. */
	assert_int_equal(pmmio_registry_add(&reg, 0xfff, 1), 0);
	assert_int_equal(reg.nr_regions, 1);
}

static void add_refuses_overlap(void **state)
{
	(void)state;
	pmmio_registry_init(&reg, 0x1000);
	assert_int_equal(pmmio_registry_add(&reg, 0x100, 0x10), 0);
	assert_int_equal(pmmio_registry_add(&reg, 0x100, 0x10), -EEXIST);
	assert_int_equal(pmmio_registry_add(&reg, 0x104, 1), -EEXIST);
	assert_int_equal(pmmio_registry_add(&reg, 0x0f0, 0x11), -EEXIST);
	assert_int_equal(pmmio_registry_add(&reg, 0x10f, 0x10), -EEXIST);
	assert_int_equal(pmmio_registry_add(&reg, 0x080, 0x100), -EEXIST);
	assert_int_equal(reg.nr_regions, 1);
	/* Touching on either side is fine. */
	assert_int_equal(pmmio_registry_add(&reg, 0x0f0, 0x10), 0);
	assert_int_equal(pmmio_registry_add(&reg, 0x110, 0x10), 0);
	assert_int_equal(reg.nr_regions, 3);
}

static void add_refuses_past_maximum(void **state)
{
	unsigned int i;

	(void)state;
	pmmio_registry_init(&reg, 0x100000);
	for (i = 0; i < PMMIO_MAX_REGIONS; i++)
		assert_int_equal(pmmio_registry_add(&reg, 2 * i, 1), 0);
	assert_int_equal(pmmio_registry_add(&reg, 0x80000, 1), -ENOSPC);
	assert_int_equal(reg.nr_regions, PMMIO_MAX_REGIONS);
}

static void frozen_after_success(void **state)
{
	(void)state;
	setup_eight();
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(pmmio_registry_add(&reg, 0x900, 1), -EPERM);
	assert_int_equal(reg.nr_regions, ARRAY_SIZE(eight));
	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(sim.nr_calls, ARRAY_SIZE(eight));
}

static void frozen_after_failure(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1;
	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(pmmio_registry_add(&reg, 0x900, 1), -EPERM);
	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(nr_calls('d'), 1);
}

static const struct {
	enum sim_model model;
	const char *name;
} models[] = {
	{ SIM_6_12, "6.12" }, { SIM_6_1, "6.1" }, { SIM_6_6, "6.6" },
	{ SIM_6_12_EARLY, "6.12early" },
};

static const struct {
	enum sim_site site;
	const char *name;
} sites[] = {
	{ SIM_FAIL_MAP, "map" }, { SIM_FAIL_ANNOTATE, "annotate" },
};

static const char *const restore_suffix[] = { "", "_no_mod_prot" };

#define NR_POSITIONS 3
#define NR_FAILURE_CASES \
	(ARRAY_SIZE(models) * ARRAY_SIZE(sites) * ARRAY_SIZE(four) * NR_POSITIONS * 2)

/* The scratch page goes through every transition and ends as it started. */
static void selftest_passes(void **state)
{
	u32 step;

	(void)state;
	sim_reset();
	assert_int_equal(pmmio_ownership_selftest(0xa000, &step), 0);
	assert_int_equal(step, PMMIO_ST_PASSED);
	assert_int_equal(sim.nr_donate, 2);
	assert_int_equal(sim.nr_give_back, 2);
	assert_host_as_before();
}

/* A failed call names its step, and the page goes back to the host. */
static void selftest_names_failed_call(void **state)
{
	static const struct {
		enum sim_site site;
		u64 fail_at;
		u32 step;
	} cases[] = {
		{ SIM_FAIL_ANNOTATE, 1, PMMIO_ST_DONATE },
		{ SIM_FAIL_MAP, 1, PMMIO_ST_DONATE },
		{ SIM_FAIL_ANNOTATE, 2, PMMIO_ST_DONATE_AGAIN },
		{ SIM_FAIL_MAP, 2, PMMIO_ST_DONATE_AGAIN },
	};
	unsigned int i;
	u32 step;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		sim_reset();
		sim.fail_site = cases[i].site;
		sim.fail_at = cases[i].fail_at;
		assert_int_equal(pmmio_ownership_selftest(0xa000, &step), -ENOMEM);
		assert_int_equal(step, cases[i].step);
		assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 0);
	}
}

/*
 * A donation that reports success but leaves the host the page (6.12-early
 * with a failed annotation, had its WARN not panicked) fails the assertion
 * that follows it.
 */
static void selftest_asserts_owner(void **state)
{
	u32 step;

	(void)state;
	sim_reset();
	sim.model = SIM_6_12_EARLY;
	sim.fail_site = SIM_FAIL_ANNOTATE;
	sim.fail_at = 1;
	assert_int_equal(pmmio_ownership_selftest(0xa000, &step), -EBADE);
	assert_int_equal(step, PMMIO_ST_HYP_OWNED);
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 0);
}

/*
 * 6.6 leaves a failed mapping annotated and will not give it back: the
 * page returns through host_stage2_mod_prot, or, without it, stays the
 * hypervisor's (EL1 keeps its claim for good).
 */
static void selftest_cleans_up_after_6_6(void **state)
{
	u32 step;

	(void)state;
	sim_reset();
	sim.model = SIM_6_6;
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1;
	assert_int_equal(pmmio_ownership_selftest(0xa000, &step), -ENOMEM);
	assert_int_equal(step, PMMIO_ST_DONATE);
	assert_int_equal(sim.nr_restore, 1);
	assert_int_equal(sim_pages_not_host(0, SIM_NR_PFNS), 0);

	sim_reset();
	sim.model = SIM_6_6;
	sim.fail_site = SIM_FAIL_MAP;
	sim.fail_at = 1;
	sim.no_restore = true;
	assert_int_equal(pmmio_ownership_selftest(0xa000, &step), -ENOMEM);
	assert_int_equal(sim_pages_not_host(0xa000, 1), 1);
}

/* A page that is not the host's is refused at once and left alone. */
static void selftest_refuses_foreign_page(void **state)
{
	u32 step;

	(void)state;
	sim_reset();
	sim.owner[0xa000] = SIM_OTHER;
	assert_int_equal(pmmio_ownership_selftest(0xa000, &step), -EBADE);
	assert_int_equal(step, PMMIO_ST_HOST_OWNED);
	assert_int_equal(sim.nr_calls, 0);
	assert_int_equal(sim.owner[0xa000], SIM_OTHER);
}

int main(void)
{
	static struct failure_case cases[NR_FAILURE_CASES];
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(protect_all_one_call_per_region),
		cmocka_unit_test(verify_catches_partial_annotation),
		cmocka_unit_test(refused_give_back_is_restored),
		cmocka_unit_test(give_back_leaves_reachable_pages_alone),
		cmocka_unit_test(unreadable_page_counts_as_lost),
		cmocka_unit_test(give_back_splits_mapped_and_unmapped),
		cmocka_unit_test(give_back_restores_each_refused_run),
		cmocka_unit_test(pool_exhaustion_is_given_back),
		cmocka_unit_test(foreign_page_is_never_given_to_host),
		cmocka_unit_test(ram_is_taken_like_mmio),
		cmocka_unit_test(mixed_ram_and_mmio_is_refused),
		cmocka_unit_test(walk_error_fails_region),
		cmocka_unit_test(readback_is_bounded),
		cmocka_unit_test(readback_chunks_follow_regions),
		cmocka_unit_test(readback_counts_host_pages),
		cmocka_unit_test(readback_steps_by_leaf),
		cmocka_unit_test(donation_rules_of_the_simulator),
		cmocka_unit_test(empty_registry_protects_nothing),
		cmocka_unit_test(add_refuses_invalid),
		cmocka_unit_test(add_refuses_overlap),
		cmocka_unit_test(add_refuses_past_maximum),
		cmocka_unit_test(frozen_after_success),
		cmocka_unit_test(frozen_after_failure),
		cmocka_unit_test(selftest_passes),
		cmocka_unit_test(selftest_names_failed_call),
		cmocka_unit_test(selftest_asserts_owner),
		cmocka_unit_test(selftest_cleans_up_after_6_6),
		cmocka_unit_test(selftest_refuses_foreign_page),
		cmocka_unit_test(pagewise_one_call_per_page),
		cmocka_unit_test(pagewise_rollback_as_the_seed),
	};
	static struct CMUnitTest tests[ARRAY_SIZE(fixed) + NR_FAILURE_CASES];
	unsigned int n = 0, i, m, s, k, p, r;
	u64 nr;

	for (m = 0; m < ARRAY_SIZE(fixed); m++)
		tests[n++] = fixed[m];

	for (i = 0; i < NR_FAILURE_CASES; i++) {
		/* i walks models x sites x regions x positions x mod_prot. */
		r = i % 2;
		p = i / 2 % NR_POSITIONS;
		k = i / 2 / NR_POSITIONS % ARRAY_SIZE(four);
		s = i / 2 / NR_POSITIONS / ARRAY_SIZE(four) % ARRAY_SIZE(sites);
		m = i / 2 / NR_POSITIONS / ARRAY_SIZE(four) / ARRAY_SIZE(sites);
		nr = four[k].nr_pages;
		cases[i] = (struct failure_case){
			.model = models[m].model,
			.site = sites[s].site,
			.region = k,
			.offset = p == 0 ? 0 : p == 1 ? nr / 2 : nr - 1,
			.no_restore = r,
		};
		snprintf(cases[i].name, sizeof(cases[i].name),
			 "undone_%s_%s_region%u_page%llu%s", models[m].name,
			 sites[s].name, k, (unsigned long long)cases[i].offset,
			 restore_suffix[r]);
		tests[n++] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = failure_is_undone,
			.initial_state = &cases[i],
		};
	}

	return _cmocka_run_group_tests("registry", tests, n, NULL, NULL);
}
