// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernels since 6.14 (android 6.18 on): a module attribute's show() gets a
 * const attribute. Declared as module/main.c declares status_show();
 * compiles only where __ATTR_RO_MODE() takes it.
 */
#include <linux/module.h>

static ssize_t probe_show(const struct module_attribute *attr,
			  struct module_kobject *mk, char *buf)
{
	return 0;
}

static struct module_attribute probe_attr __maybe_unused =
	__ATTR(probe, 0400, probe_show, NULL);
