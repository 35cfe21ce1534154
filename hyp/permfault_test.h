/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test builds (make PMMIO_PERMFAULT_TEST=ADDR): the generation's host
 * permission-fault dispatch, driven through handlers whose return values
 * EL1 chose.
 */
#ifndef PMMIO_HYP_PERMFAULT_TEST_H
#define PMMIO_HYP_PERMFAULT_TEST_H

#include "protected_mmio.h"

/**
 * pmmio_permfault_test_start() - Register the handlers, then trap the page.
 * @report:	The shared report page, pinned for good: each handler call
 *		records itself there.
 *
 * Registers pmmio_request.pf_nr_handlers handlers in order, each refusal
 * recorded and not fatal, then makes the host's accesses to
 * PMMIO_PERMFAULT_TEST fault. Handler i records its call, emulates the
 * access if asked (a read reads PMMIO_PF_READ_VALUE, a write is dropped,
 * the host resumes after it), and returns pmmio_request.pf_ret[i],
 * whatever the fault.
 */
void pmmio_permfault_test_start(struct pmmio_report *report);

#endif /* PMMIO_HYP_PERMFAULT_TEST_H */
