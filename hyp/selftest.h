/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ownership selftest (test builds: make PMMIO_SELFTEST_PAGE=ADDR),
 * written against hyp/registry.h's hypervisor interface, so that it runs
 * at EL2 and in the host tests alike.
 */
#ifndef PMMIO_HYP_SELFTEST_H
#define PMMIO_HYP_SELFTEST_H

#include <linux/types.h>

/**
 * pmmio_ownership_selftest() - Walk a scratch page through every transition
 * @pfn:	A page the host owns and nothing else uses, below the PA limit.
 * @step:	Set, once, to the enum pmmio_selftest_step reached:
 *		PMMIO_ST_PASSED, or the one that failed. Never read.
 *
 * Donate, read back, give back, read back, donate again, read back, give
 * back, read back: the calls and states the protection relies on, in the
 * manner of pKVM's own pkvm_ownership_selftest(). After a failure the page
 * is given back, or mapped for the host, where pKVM allows it; else it
 * stays the hypervisor's.
 *
 * Return: 0, -EBADE if the host stage-2 showed the wrong owner, or the
 * failed call's -errno.
 */
int pmmio_ownership_selftest(u64 pfn, u32 *step);

#endif /* PMMIO_HYP_SELFTEST_H */
