/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for <linux/of_address.h>: the default bus only (shim/of.c). */
#ifndef PMMIO_SHIM_LINUX_OF_ADDRESS_H
#define PMMIO_SHIM_LINUX_OF_ADDRESS_H
#include <linux/of.h>

#define OF_BAD_ADDR	((u64)-1)

const __be32 *of_get_address(struct device_node *dev, int index, u64 *size,
			     unsigned int *flags);
u64 of_translate_address(struct device_node *np, const __be32 *addr);
#endif
