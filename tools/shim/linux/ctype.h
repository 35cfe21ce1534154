/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_CTYPE_H
#define PMMIO_SHIM_LINUX_CTYPE_H
#include <ctype.h>
#endif
