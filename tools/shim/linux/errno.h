/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_ERRNO_H
#define PMMIO_SHIM_LINUX_ERRNO_H
/* glibc's <errno.h> itself includes <linux/errno.h>: pass through to UAPI. */
#include_next <linux/errno.h>
#endif
