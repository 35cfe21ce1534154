// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test builds only (make PMMIO_TEST_FAIL_REGION=N): the donation of region
 * N really happens at EL2, then is reported as failed with every page
 * taken, so the rollback must give back region N as well as N-1 .. 0
 * through the real hypervisor. hyp/Kbuild routes registry.c's donations
 * here; normal builds contain none of this.
 */
#include <linux/errno.h>
#include <linux/types.h>

#include "../../hyp/registry.h"
#include "fail_donation.h"

static u32 nr_calls;

int pmmio_inject_host_donate_hyp(u64 pfn, u64 nr_pages, u64 *nr_done)
{
	int ret = pmmio_host_donate_hyp(pfn, nr_pages, nr_done);

	if (ret || nr_calls++ != PMMIO_TEST_FAIL_REGION)
		return ret;
	*nr_done = nr_pages;
	return -ENOMEM;
}
