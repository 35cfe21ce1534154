// SPDX-License-Identifier: GPL-2.0-only
/*
 * Simulated host stage-2 bound to the hypervisor interface of
 * hyp/registry.h. Rules as pKVM applies them to a ranged donation: every
 * page must be in the expected state before anything changes, a hyp-owned
 * page cannot be donated again (-EPERM), and a failure can be injected at
 * any call, including -ENOMEM for an exhausted page-table pool.
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

static int log_call(bool donate, u64 pfn, u64 nr_pages, int ret)
{
	if (sim.nr_log < SIM_MAX_CALLS)
		sim.log[sim.nr_log++] = (struct sim_call){ donate, pfn, nr_pages, ret };
	return ret;
}

static bool range_owned_by(u64 pfn, u64 nr_pages, enum sim_owner owner)
{
	u64 i;

	if (pfn >= SIM_NR_PFNS || nr_pages > SIM_NR_PFNS - pfn)
		return false;
	for (i = 0; i < nr_pages; i++)
		if (sim.owner[pfn + i] != owner)
			return false;
	return true;
}

static void set_owner(u64 pfn, u64 nr_pages, enum sim_owner owner)
{
	memset(&sim.owner[pfn], owner, nr_pages);
}

int pmmio_host_donate_hyp(u64 pfn, u64 nr_pages, u64 *nr_done)
{
	*nr_done = 0;
	if (++sim.nr_donate_calls == sim.fail_donate_call) {
		u64 done = sim.donate_done;

		if (done > nr_pages || !range_owned_by(pfn, done, SIM_HOST))
			done = 0;
		set_owner(pfn, done, SIM_HYP);
		*nr_done = sim.hide_done ? 0 : done;
		return log_call(true, pfn, nr_pages, sim.donate_errno);
	}
	if (!nr_pages || !range_owned_by(pfn, nr_pages, SIM_HOST))
		return log_call(true, pfn, nr_pages, -EPERM);
	set_owner(pfn, nr_pages, SIM_HYP);
	*nr_done = nr_pages;
	return log_call(true, pfn, nr_pages, 0);
}

int pmmio_hyp_donate_host(u64 pfn, u64 nr_pages)
{
	if (++sim.nr_reclaim_calls == sim.fail_reclaim_call)
		return log_call(false, pfn, nr_pages, sim.reclaim_errno);
	if (!nr_pages || !range_owned_by(pfn, nr_pages, SIM_HYP))
		return log_call(false, pfn, nr_pages, -EPERM);
	set_owner(pfn, nr_pages, SIM_HOST);
	return log_call(false, pfn, nr_pages, 0);
}

/* A leaf spans its aligned block when every page in it agrees, as a block would. */
int pmmio_host_has_access(u64 pfn, u64 *nr_pages)
{
	u64 start, end, i;

	if (pfn >= SIM_NR_PFNS)
		return -EINVAL;
	sim.nr_leaf_calls++;
	*nr_pages = 1;
	if (sim.leaf_pages > 1) {
		start = pfn & ~(sim.leaf_pages - 1);
		end = start + sim.leaf_pages;
		for (i = start; i < end && i < SIM_NR_PFNS; i++)
			if (sim.owner[i] != sim.owner[pfn])
				break;
		if (i == end)
			*nr_pages = end - pfn;
	}
	return sim.owner[pfn] == SIM_HOST;
}
