/* SPDX-License-Identifier: GPL-2.0-only */
/* EL1 view of the pKVM module ABI: the only calls module/ makes into it. */
#ifndef PMMIO_COMPAT_H
#define PMMIO_COMPAT_H

#include "../hyp/protected_mmio.h"

/* The EL2 object's request, writable until pmmio_compat_load(). */
struct pmmio_request *pmmio_compat_request(void);
/* Load the EL2 object (runs its init) and register its readback call. */
int pmmio_compat_load(void);
bool pmmio_compat_can_readback(void);
/* Ask EL2 to rewrite the report; returns host-reachable pages or -errno. */
long pmmio_compat_readback(void);

#endif /* PMMIO_COMPAT_H */
