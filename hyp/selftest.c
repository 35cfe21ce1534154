// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ownership selftest: before the real regions, one scratch page goes
 * through every transition the protection relies on, each asserted from
 * the host stage-2. Test builds only (PMMIO_SELFTEST_PAGE).
 */
#include <linux/errno.h>

#include "protected_mmio.h"
#include "registry.h"
#include "selftest.h"

/* The host stage-2 must show the page as the host's (@want 1) or not. */
static int expect_host(u64 pfn, int want)
{
	u64 nr_pages;
	int ret = pmmio_host_has_access(pfn, &nr_pages);

	if (ret < 0)
		return ret;
	return ret == want ? 0 : -EBADE;
}

/* After a failure: the host gets the page back if anything can do it. */
static void give_page_back(u64 pfn)
{
	if (!expect_host(pfn, 1))
		return;
	if (pmmio_hyp_donate_host(pfn, 1))
		pmmio_host_restore(pfn, 1);
}

int pmmio_ownership_selftest(u64 pfn, u32 *step)
{
	u32 at;		/* not *step: the report page is the host's to change */
	int ret = 0;

	for (at = PMMIO_ST_HOST_OWNED; at < PMMIO_ST_PASSED; at++) {
		switch (at) {
		case PMMIO_ST_HOST_OWNED:
		case PMMIO_ST_HOST_AGAIN:
		case PMMIO_ST_HOST_FINAL:
			ret = expect_host(pfn, 1);
			break;
		case PMMIO_ST_DONATE:
		case PMMIO_ST_DONATE_AGAIN:
			ret = pmmio_host_donate_hyp(pfn, 1);
			break;
		case PMMIO_ST_HYP_OWNED:
		case PMMIO_ST_HYP_AGAIN:
			ret = expect_host(pfn, 0);
			break;
		case PMMIO_ST_GIVE_BACK:
		case PMMIO_ST_RETURN:
			ret = pmmio_hyp_donate_host(pfn, 1);
			break;
		}
		if (ret)
			break;
	}
	*step = at;
	/* Never leave the page behind, unless it was not the host's at all. */
	if (ret && at != PMMIO_ST_HOST_OWNED)
		give_page_back(pfn);
	return ret;
}
