/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_BITOPS_H
#define PMMIO_SHIM_LINUX_BITOPS_H
#include <linux/types.h>
#define BIT_ULL(nr)	(1ULL << (nr))
/* Like the kernel's: undefined for 0, callers check first. */
static inline unsigned int __ffs64(u64 word)
{
	return __builtin_ctzll(word);
}
#endif
