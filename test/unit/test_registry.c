// SPDX-License-Identifier: GPL-2.0-only
/*
 * hyp/registry.c against the simulated host stage-2: all-or-nothing
 * protection, reverse-order rollback, and the registry's own checks.
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
#include "sim_stage2.h"

/* Eight regions of different sizes, with gaps and one adjacent pair. */
static const struct { u64 pfn, nr_pages; } eight[] = {
	{ 0x010, 1 }, { 0x020, 4 }, { 0x024, 2 }, { 0x100, 16 },
	{ 0x200, 1 }, { 0x300, 512 }, { 0x600, 3 }, { 0xfff, 1 },
};

#define NR_EIGHT 8

static struct pmmio_registry reg;
static struct pmmio_protect_result res;
static u8 initial[SIM_NR_PFNS];

static void setup_eight(void)
{
	unsigned int i;

	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	for (i = 0; i < NR_EIGHT; i++)
		assert_int_equal(pmmio_registry_add(&reg, eight[i].pfn,
						    eight[i].nr_pages), 0);
	memcpy(initial, sim.owner, sizeof(initial));
}

static void assert_call(unsigned int n, bool donate, u64 pfn, u64 nr_pages)
{
	assert_true(n < sim.nr_log);
	assert_int_equal(sim.log[n].donate, donate);
	assert_int_equal(sim.log[n].pfn, pfn);
	assert_int_equal(sim.log[n].nr_pages, nr_pages);
}

static void protect_all_one_call_per_region(void **state)
{
	unsigned int i;
	u64 p;

	(void)state;
	setup_eight();
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(res.err, 0);
	assert_int_equal(res.rollback_err, 0);

	assert_int_equal(sim.nr_log, NR_EIGHT);
	for (i = 0; i < NR_EIGHT; i++) {
		assert_call(i, true, eight[i].pfn, eight[i].nr_pages);
		assert_int_equal(reg.regions[i].state, PMMIO_REGION_PROTECTED);
		for (p = 0; p < eight[i].nr_pages; p++)
			assert_int_equal(sim.owner[eight[i].pfn + p], SIM_HYP);
	}
	/* Nothing outside the regions moved. */
	assert_int_equal(sim.owner[0x00f], SIM_HOST);
	assert_int_equal(sim.owner[0x011], SIM_HOST);
	assert_int_equal(sim.owner[0x026], SIM_HOST);
	assert_int_equal(sim.owner[0x500], SIM_HOST);
	assert_true(reg.frozen);
}

struct rollback_case {
	char name[48];
	unsigned int region;
	int err;
	u64 done;
};

/* The host must end exactly as it started, given back k, k-1 .. 0. */
static void rollback_restores_host(void **state)
{
	const struct rollback_case *c = *state;
	unsigned int k = c->region, n, i;

	setup_eight();
	sim.fail_donate_call = k + 1;
	sim.donate_errno = c->err;
	sim.donate_done = c->done;

	assert_int_equal(pmmio_registry_protect(&reg, &res), c->err);
	assert_int_equal(res.err, c->err);
	assert_int_equal(res.failed_region, k);
	assert_int_equal(res.failed_done, c->done);
	assert_int_equal(res.rollback_err, 0);
	assert_memory_equal(sim.owner, initial, sizeof(initial));

	for (i = 0; i <= k; i++)
		assert_call(i, true, eight[i].pfn, eight[i].nr_pages);
	n = k + 1;
	if (c->done)
		assert_call(n++, false, eight[k].pfn, c->done);
	for (i = k; i-- > 0;)
		assert_call(n++, false, eight[i].pfn, eight[i].nr_pages);
	assert_int_equal(sim.nr_log, n);

	for (i = 0; i < NR_EIGHT; i++)
		assert_int_equal(reg.regions[i].state,
				 i < k ? PMMIO_REGION_RETURNED :
				 i == k ? PMMIO_REGION_FAILED :
				 PMMIO_REGION_RECORDED);
	assert_true(reg.frozen);
}

/* A page the hypervisor already owns makes pKVM's own check fail. */
static void rollback_on_real_eperm(void **state)
{
	(void)state;
	setup_eight();
	sim.owner[0x300 + 511] = SIM_HYP;
	memcpy(initial, sim.owner, sizeof(initial));

	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(res.failed_region, 5);
	assert_int_equal(res.failed_done, 0);
	assert_memory_equal(sim.owner, initial, sizeof(initial));
}

static void donated_twice_is_refused(void **state)
{
	u64 done;

	(void)state;
	sim_reset();
	assert_int_equal(pmmio_host_donate_hyp(0x40, 2, &done), 0);
	assert_int_equal(pmmio_host_donate_hyp(0x41, 1, &done), -EPERM);
	assert_int_equal(done, 0);
	/* The range check runs before any change: 0x3f stays with the host. */
	assert_int_equal(pmmio_host_donate_hyp(0x3f, 2, &done), -EPERM);
	assert_int_equal(sim.owner[0x3f], SIM_HOST);
}

/* A count beyond the range asked for is never given back. */
static void done_count_is_clamped(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_donate_call = 3;
	sim.donate_errno = -ENOMEM;
	sim.donate_done = 99;	/* the sim refuses to take more than asked */
	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_done, 0);
	assert_memory_equal(sim.owner, initial, sizeof(initial));
}

/* A failing give-back is reported and does not stop the others. */
static void rollback_continues_past_reclaim_error(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_donate_call = 4;
	sim.donate_errno = -ENOMEM;
	sim.fail_reclaim_call = 1;	/* region 2 */
	sim.reclaim_errno = -EFAULT;

	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_region, 3);
	assert_int_equal(res.rollback_err, -EFAULT);
	assert_int_equal(sim.owner[eight[2].pfn], SIM_HYP);
	assert_int_equal(sim.owner[eight[1].pfn], SIM_HOST);
	assert_int_equal(sim.owner[eight[0].pfn], SIM_HOST);
	assert_int_equal(sim.nr_reclaim_calls, 3);
}

/* The readback sees what the stage-2 says, not what the registry believes. */
static void readback_counts_host_pages(void **state)
{
	struct pmmio_region beyond = { .pfn = SIM_NR_PFNS - 1, .nr_pages = 2 };

	(void)state;
	setup_eight();
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 512);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 0);
	assert_int_equal(pmmio_region_host_pages(&reg.regions[0]), 0);

	sim.owner[0x300 + 7] = SIM_HOST;	/* a page leaks back */
	sim.owner[0x300 + 9] = SIM_HOST;
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 2);
	assert_int_equal(pmmio_region_host_pages(&beyond), -EINVAL);
}

/* One question per stage-2 leaf: a block-mapped region costs its blocks. */
static void readback_steps_by_leaf(void **state)
{
	(void)state;
	setup_eight();
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	sim.leaf_pages = 64;
	sim.nr_leaf_calls = 0;
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 0);
	assert_int_equal(sim.nr_leaf_calls, 512 / 64);

	/* A leaked page splits its block: it still counts, once. */
	sim.owner[0x300 + 70] = SIM_HOST;
	assert_int_equal(pmmio_region_host_pages(&reg.regions[5]), 1);
	/* A region that ends inside a host block only counts its own pages. */
	{
		struct pmmio_region inner = { .pfn = 0x700 + 60, .nr_pages = 2 };

		assert_int_equal(pmmio_region_host_pages(&inner), 2);
	}
}

/* A hypervisor that took pages but says it took none is still undone. */
static void rollback_measures_what_was_taken(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_donate_call = 6;	/* region 5: 512 pages */
	sim.donate_errno = -ENOMEM;
	sim.donate_done = 200;
	sim.hide_done = true;
	sim.leaf_pages = 8;

	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(res.failed_region, 5);
	assert_int_equal(res.failed_done, 200);
	assert_memory_equal(sim.owner, initial, sizeof(initial));
}

/* Pages the host never had are not "given back" to it. */
static void rollback_never_gives_what_was_not_taken(void **state)
{
	(void)state;
	setup_eight();
	sim.owner[0x100] = SIM_HYP;	/* first page of region 3, not ours */
	memcpy(initial, sim.owner, sizeof(initial));

	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(res.failed_region, 3);
	assert_int_equal(res.failed_done, 0);
	assert_memory_equal(sim.owner, initial, sizeof(initial));
}

static void empty_registry_protects_nothing(void **state)
{
	(void)state;
	sim_reset();
	pmmio_registry_init(&reg, SIM_NR_PFNS);
	assert_int_equal(pmmio_registry_protect(&reg, &res), 0);
	assert_int_equal(sim.nr_log, 0);
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
	assert_int_equal(pmmio_registry_add(&reg, 0x800, 1), -EPERM);
	assert_int_equal(reg.nr_regions, NR_EIGHT);
	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(sim.nr_log, NR_EIGHT);
}

static void frozen_after_failure(void **state)
{
	(void)state;
	setup_eight();
	sim.fail_donate_call = 1;
	sim.donate_errno = -ENOMEM;
	assert_int_equal(pmmio_registry_protect(&reg, &res), -ENOMEM);
	assert_int_equal(pmmio_registry_add(&reg, 0x800, 1), -EPERM);
	assert_int_equal(pmmio_registry_protect(&reg, &res), -EPERM);
	assert_int_equal(sim.nr_donate_calls, 1);
}

/* Every errno a pKVM ranged donation can return. */
static const struct { int err; const char *name; } donate_errors[] = {
	{ -EPERM, "EPERM" }, { -ENOMEM, "ENOMEM" }, { -EINVAL, "EINVAL" },
	{ -EFAULT, "EFAULT" }, { -EBUSY, "EBUSY" },
};

#define NR_PARTIAL 4

int main(void)
{
	static struct rollback_case
		cases[NR_EIGHT * ARRAY_SIZE(donate_errors) + NR_PARTIAL];
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(protect_all_one_call_per_region),
		cmocka_unit_test(rollback_on_real_eperm),
		cmocka_unit_test(donated_twice_is_refused),
		cmocka_unit_test(done_count_is_clamped),
		cmocka_unit_test(rollback_continues_past_reclaim_error),
		cmocka_unit_test(readback_counts_host_pages),
		cmocka_unit_test(readback_steps_by_leaf),
		cmocka_unit_test(rollback_measures_what_was_taken),
		cmocka_unit_test(rollback_never_gives_what_was_not_taken),
		cmocka_unit_test(empty_registry_protects_nothing),
		cmocka_unit_test(add_refuses_invalid),
		cmocka_unit_test(add_refuses_overlap),
		cmocka_unit_test(add_refuses_past_maximum),
		cmocka_unit_test(frozen_after_success),
		cmocka_unit_test(frozen_after_failure),
	};
	static struct CMUnitTest tests[ARRAY_SIZE(fixed) +
				       ARRAY_SIZE(cases)];
	/* Regions with room for a partial donation: 4, 16, 512 and 3 pages. */
	static const unsigned int partial[NR_PARTIAL] = { 1, 3, 5, 6 };
	unsigned int n = 0, i, k, e;

	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		tests[n++] = fixed[i];

	i = 0;
	for (k = 0; k < NR_EIGHT; k++) {
		for (e = 0; e < ARRAY_SIZE(donate_errors); e++, i++) {
			cases[i].region = k;
			cases[i].err = donate_errors[e].err;
			snprintf(cases[i].name, sizeof(cases[i].name),
				 "rollback_region%u_%s", k, donate_errors[e].name);
		}
	}
	for (k = 0; k < NR_PARTIAL; k++, i++) {
		cases[i].region = partial[k];
		cases[i].err = -ENOMEM;
		cases[i].done = eight[partial[k]].nr_pages - 1;
		snprintf(cases[i].name, sizeof(cases[i].name),
			 "rollback_region%u_partial%llu", partial[k],
			 (unsigned long long)cases[i].done);
	}
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		tests[n++] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = rollback_restores_host,
			.initial_state = &cases[i],
		};

	return _cmocka_run_group_tests("registry", tests, n, NULL, NULL);
}
