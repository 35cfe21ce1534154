/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PMMIO_SHIM_LINUX_IOPORT_H
#define PMMIO_SHIM_LINUX_IOPORT_H
#define IORESOURCE_MEM	0x00000200
#endif
