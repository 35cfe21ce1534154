/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for <linux/types.h>: only what the shipped files use. */
#ifndef PMMIO_SHIM_LINUX_TYPES_H
#define PMMIO_SHIM_LINUX_TYPES_H

#include_next <linux/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

#endif
