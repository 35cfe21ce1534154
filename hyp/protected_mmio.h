/* SPDX-License-Identifier: GPL-2.0-only */
/* Limits shared by the EL1 module, the EL2 object and the tests. */
#ifndef PMMIO_PROTECTED_MMIO_H
#define PMMIO_PROTECTED_MMIO_H

/* Build-time maximum number of regions; override with PMMIO_MAX_REGIONS=N. */
#ifndef PMMIO_MAX_REGIONS
#define PMMIO_MAX_REGIONS 32
#endif

#endif /* PMMIO_PROTECTED_MMIO_H */
