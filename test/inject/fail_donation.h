/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_INJECT_FAIL_DONATION_H
#define PMMIO_INJECT_FAIL_DONATION_H

#include <linux/types.h>

/* What registry.c calls instead of pmmio_host_donate_hyp() in test builds. */
int pmmio_inject_host_donate_hyp(u64 pfn, u64 nr_pages, u64 *nr_done);

#endif
