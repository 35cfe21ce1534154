/* SPDX-License-Identifier: GPL-2.0-only */
/* The host kernel's side of validation and of device-tree regions. */
#ifndef PMMIO_MODULE_HOST_H
#define PMMIO_MODULE_HOST_H

#include <linux/types.h>

#include "regions.h"

#define PMMIO_OF_COMPATIBLE	"pkvm,protected-mmio"

bool pmmio_overlaps_ram(u64 base, u64 size);
enum pmmio_iomem pmmio_iomem_state(u64 base, u64 size, char *holder,
				   size_t len);

int pmmio_of_add_entries(struct pmmio_set *set);
void pmmio_of_free(void);

#endif /* PMMIO_MODULE_HOST_H */
