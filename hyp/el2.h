/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 entry points of the protected MMIO object, and what they need from
 * compat/ beyond the registry's interface.
 */
#ifndef PMMIO_HYP_EL2_H
#define PMMIO_HYP_EL2_H

#include <linux/types.h>

#include "protected_mmio.h"

/* Filled by EL1 before the object is loaded. */
extern struct pmmio_request pmmio_request;

int pmmio_el2_protect(void);
s64 pmmio_el2_readback(u64 pos);

/**
 * pmmio_host_share_page() - Share a host page with EL2, pinned.
 * @pfn:	The host page.
 *
 * Pinned, so that the host cannot unshare it while EL2 may write to it.
 *
 * Return: its EL2 address, or NULL.
 */
void *pmmio_host_share_page(u64 pfn);

/**
 * pmmio_host_unshare_page() - Undo pmmio_host_share_page().
 * @pfn:	The host page.
 */
void pmmio_host_unshare_page(u64 pfn);

#endif /* PMMIO_HYP_EL2_H */
