// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host versions of the kernel library calls used by module/regions.c, with
 * the kernel's contracts (lib/kstrtox.c, lib/cmdline.c, lib/sort.c). Only
 * the contract matters here: the kernel's own code runs in the in-kernel
 * tests.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/sort.h>

int kstrtou64(const char *s, unsigned int base, u64 *res)
{
	unsigned long long v;
	char *end;

	if (*s == '+')
		s++;
	/* strtoull() also skips blanks and takes '-': the kernel does not. */
	if (!isxdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, base);
	if (end == s)
		return -EINVAL;
	/* As _parse_integer(): overflow is seen before what follows the digits. */
	if (errno == ERANGE)
		return -ERANGE;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = v;
	return 0;
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "kmgtpe";
	unsigned long long v;
	const char *suffix;
	unsigned int steps;
	char *end;

	v = strtoull(ptr, &end, 0);
	suffix = *end ? strchr(suffixes, tolower((unsigned char)*end)) : NULL;
	if (suffix) {
		/* Wraps like the kernel's: one 10-bit shift per step. */
		for (steps = suffix - suffixes + 1; steps; steps--)
			v <<= 10;
		end++;
	}
	if (retptr)
		*retptr = end;
	return v;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	(void)swap_func;
	qsort(base, num, size, cmp_func);
}
