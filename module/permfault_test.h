/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test builds (make PMMIO_PERMFAULT_TEST=ADDR): EL1 half of the
 * permission-fault dispatch test of hyp/permfault_test.h.
 */
#ifndef PMMIO_PERMFAULT_TEST_EL1_H
#define PMMIO_PERMFAULT_TEST_EL1_H

#include "../hyp/protected_mmio.h"

#ifdef PMMIO_PERMFAULT_TEST
/**
 * pmmio_permfault_test_fill() - Put the pf_handlers= parameter in the request.
 * @req:	The EL2 object's request, before the load.
 *
 * Return: 0, or -EINVAL after naming the bad entry of pf_handlers=.
 */
int pmmio_permfault_test_fill(struct pmmio_request *req);

/**
 * pmmio_permfault_test_show() - Let pf_results read the handlers' records.
 * @report:	The report page of a successful load, kept for good.
 */
void pmmio_permfault_test_show(const struct pmmio_report *report);
#else
static inline int pmmio_permfault_test_fill(struct pmmio_request *req)
{
	return 0;
}

static inline void pmmio_permfault_test_show(const struct pmmio_report *report)
{
}
#endif

#endif /* PMMIO_PERMFAULT_TEST_EL1_H */
