/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_SLAB_H
#define PMMIO_SHIM_LINUX_SLAB_H
#include <stdlib.h>
#include <string.h>

#define GFP_KERNEL	0
#define kzalloc(size, gfp)	calloc(1, size)
#define kstrdup(s, gfp)		strdup(s)
#define kfree(p)		free(p)
#endif
