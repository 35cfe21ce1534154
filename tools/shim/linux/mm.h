/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_MM_H
#define PMMIO_SHIM_LINUX_MM_H
/* arm64 GKI kernels use 4K pages. */
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_ALIGNED(x) (((x) & (PAGE_SIZE - 1)) == 0)
#endif
