// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over hyp/registry.c, the shipped EL2 logic, against the
 * simulated pKVM of test/unit/sim_stage2.c: random region sets, pages
 * already a guest's or the hypervisor's, every generation's failure
 * behaviour at a random page, a random EL2 page-table pool, host stage-2
 * entries that cannot be read, pages EL2 unmaps after their donation,
 * with or without host_stage2_mod_prot.
 *
 * The invariant, on the host stage-2: after a failed protection the host
 * owns again every page it owned before, except exactly the pages the
 * registry reports lost (none when host_stage2_mod_prot works), and no
 * page that was not the host's changed hands. After a success, every page
 * of every region is the hypervisor's and nothing else changed. (EL2's
 * own mappings are not part of it: a generation whose annotation failed
 * after mapping can leave EL2 mapping a page the host owns again.)
 *
 * Regions lie in the first WINDOW pages, so that one execution stays
 * cheap under ASan; the pages past it are compared in one memcmp().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "../../hyp/registry.h"
#include "require.h"
#include "../unit/sim_stage2.h"

#define MAX_FUZZ_REGIONS	8
#define MAX_FUZZ_PAGES		600	/* per region: more than one table of 512 */
#define MAX_FOREIGN		4
#define WINDOW			0x2000

static struct pmmio_registry reg;
static struct pmmio_protect_result res;
static u8 owner_before[SIM_NR_PFNS];
static u8 in_region[WINDOW + MAX_FUZZ_PAGES];

struct input {
	const u8 *p;
	size_t len;
};

static u64 take(struct input *in, unsigned int bytes)
{
	u64 v = 0;

	while (bytes--) {
		v = v << 8 | (in->len ? *in->p : 0);
		if (in->len) {
			in->p++;
			in->len--;
		}
	}
	return v;
}

static void configure(struct input *in)
{
	u64 flags = take(in, 1), i, nr, pfn;

	sim_reset();
	sim.model = flags % 4;
	sim.fail_site = (flags >> 2) % 3;
	sim.no_restore = flags & 0x10;
	sim.strict_give_back = flags & 0x20;
	sim.fail_at = take(in, 2);
	if (flags & 0x40) {
		sim.pool_limited = true;
		sim.pool_pages = take(in, 1);
	}
	/* RAM, which pKVM takes like MMIO: the registry must cope. */
	sim.ram_start = 0x1000;
	sim.ram_end = 0x1400;
	/* Pages already another's: a guest's, or the hypervisor's own. */
	nr = take(in, 1) % (MAX_FOREIGN + 1);
	for (i = 0; i < nr; i++) {
		pfn = take(in, 2) % WINDOW;
		if (take(in, 1) & 1) {
			sim.owner[pfn] = SIM_HYP;
			sim.hyp_mapped[pfn] = 1;
		} else {
			sim.owner[pfn] = SIM_OTHER;
		}
	}
	flags = take(in, 1);
	/* A page whose host stage-2 entry cannot be read, from a donation on. */
	if (flags & 1) {
		sim.leaf_error_pfn = take(in, 2) % WINDOW;
		sim.leaf_error_from = take(in, 1) % 4 + 1;
	}
	/* Pages EL2 unmaps after their donation, which give-back needs. */
	if (flags & 2) {
		sim.hole_pfn[0] = take(in, 2) % WINDOW;
		sim.hole_pfn[1] = take(in, 2) % WINDOW;
		sim.hole_pages = take(in, 1) % 4 + 1;
	}
}

static void add_regions(struct input *in)
{
	u64 nr = take(in, 1) % (MAX_FUZZ_REGIONS + 1), i, j, pfn, pages;

	pmmio_registry_init(&reg, SIM_NR_PFNS);
	memset(in_region, 0, sizeof(in_region));
	for (i = 0; i < nr; i++) {
		pfn = take(in, 2) % WINDOW;
		pages = take(in, 2) % MAX_FUZZ_PAGES + 1;
		if (pmmio_registry_add(&reg, pfn, pages))
			continue;	/* refused: never donated */
		for (j = pfn; j < pfn + pages; j++)
			in_region[j] = 1;
	}
}

static bool lost(u64 pfn)
{
	return owner_before[pfn] == SIM_HOST && sim.owner[pfn] != SIM_HOST;
}

/*
 * A page whose host stage-2 entry cannot be read is never reported as the
 * host's: the registry may count it lost although the host has it back.
 */
static bool unknown(u64 pfn)
{
	return sim.leaf_error_from && pfn == sim.leaf_error_pfn &&
	       in_region[pfn] && !lost(pfn);
}

/*
 * EL1 keeps the iomem claims of exactly the regions with lost pages, and
 * names the runs: each region's count, and each run, must be exact, but
 * for a page that could not be read.
 */
static void check_lost_accounting(u64 reported_lost)
{
	const struct pmmio_region *r;
	const struct pmmio_run *run;
	u64 pfn, nr_lost, nr_unknown;
	unsigned int i;

	for (i = 0; i < reg.nr_regions; i++) {
		r = &reg.regions[i];
		nr_lost = 0;
		nr_unknown = 0;
		for (pfn = r->pfn; pfn < r->pfn + r->nr_pages; pfn++) {
			nr_lost += lost(pfn);
			nr_unknown += unknown(pfn);
		}
		require(r->lost_pages >= nr_lost &&
			r->lost_pages <= nr_lost + nr_unknown);
	}
	for (i = 0; i < reg.nr_lost_runs && i < PMMIO_MAX_LOST_RUNS; i++) {
		run = &reg.lost[i];
		require(run->nr_pages);
		for (pfn = run->pfn; pfn < run->pfn + run->nr_pages; pfn++)
			require(in_region[pfn] && (lost(pfn) || unknown(pfn)));
	}
	/* Once the runs are full, later ones go unnamed (counted only). */
	if (reg.nr_lost_runs < PMMIO_MAX_LOST_RUNS)
		require(reported_lost == reg.lost_pages);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };
	u64 pfn, reported_lost = 0, now_lost = 0, now_unknown = 0;
	unsigned int i;
	int ret;

	configure(&in);
	add_regions(&in);
	memcpy(owner_before, sim.owner, sizeof(owner_before));
	ret = pmmio_registry_protect(&reg, &res);

	/* Past the regions' reach nothing may change at all. */
	require(!memcmp(owner_before + WINDOW + MAX_FUZZ_PAGES,
			sim.owner + WINDOW + MAX_FUZZ_PAGES,
			SIM_NR_PFNS - WINDOW - MAX_FUZZ_PAGES));
	if (!ret) {
		for (pfn = 0; pfn < WINDOW + MAX_FUZZ_PAGES; pfn++)
			require(in_region[pfn] ? sim.owner[pfn] == SIM_HYP :
				sim.owner[pfn] == owner_before[pfn]);
		require(!reg.lost_pages);
		return 0;
	}

	require(res.err == ret);
	for (i = 0; i < reg.nr_lost_runs && i < PMMIO_MAX_LOST_RUNS; i++)
		reported_lost += reg.lost[i].nr_pages;
	require(reported_lost <= reg.lost_pages);
	for (pfn = 0; pfn < WINDOW + MAX_FUZZ_PAGES; pfn++) {
		if (owner_before[pfn] != SIM_HOST) {
			/* Never the registry's to give: foreign stays foreign. */
			require(sim.owner[pfn] == owner_before[pfn]);
			continue;
		}
		now_unknown += unknown(pfn);
		if (sim.owner[pfn] == SIM_HOST)
			continue;
		require(in_region[pfn]);
		now_lost++;
	}
	require(reg.lost_pages >= now_lost &&
		reg.lost_pages <= now_lost + now_unknown);
	if (!sim.no_restore)
		require(reg.lost_pages <= now_unknown);
	check_lost_accounting(reported_lost);
	return 0;
}
