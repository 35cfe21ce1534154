/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for the few <linux/kernel.h> helpers the EL1 files use. */
#ifndef PMMIO_SHIM_LINUX_KERNEL_H
#define PMMIO_SHIM_LINUX_KERNEL_H
#include <stddef.h>
#include <linux/errno.h>
#include <linux/types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __maybe_unused __attribute__((unused))

int kstrtou64(const char *s, unsigned int base, u64 *res);
unsigned long long memparse(const char *ptr, char **retptr);
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define __init
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define struct_size(p, member, count) \
	(sizeof(*(p)) + sizeof((p)->member[0]) * (count))

#ifndef pr_fmt
#define pr_fmt(fmt) "pkvm_protected_mmio: " fmt
#endif
/* The module's log lines, on standard output (shim/of.c, with %pOF). */
void pmmio_printk(const char *fmt, ...);
#define pr_info(fmt, ...) pmmio_printk(pr_fmt(fmt), ##__VA_ARGS__)
#endif
