/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_STRING_H
#define PMMIO_SHIM_LINUX_STRING_H
#include <string.h>
#endif
