// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host versions of the device-tree calls module/of.c makes, over a
 * flattened tree read with libfdt, with the kernel's contracts
 * (drivers/of/base.c, property.c, address.c: the default bus). The nodes
 * are made once, in the order the kernel unflattens them, which is the
 * order for_each_compatible_node() visits.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libfdt.h>

#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/ioport.h>

/* This file prints with libc's own snprintf(). */
#undef snprintf

/* OF_ROOT_NODE_{ADDR,SIZE}_CELLS_DEFAULT, OF_MAX_ADDR_CELLS */
#define ROOT_ADDR_CELLS	1
#define ROOT_SIZE_CELLS	1
#define MAX_ADDR_CELLS	4

static const void *tree;
static struct device_node *nodes;
static int nr_nodes;
static const char *unsupported;

int of_shim_init(const void *fdt)
{
	struct device_node *parents[64] = {};
	int offset, depth = 0, n = 0;
	char path[1024];

	tree = fdt;
	/* Counted first: parents point into the array. */
	for (offset = 0; offset >= 0 && depth >= 0; offset = fdt_next_node(fdt, offset, &depth))
		n++;
	nodes = calloc(n, sizeof(*nodes));
	if (!nodes)
		return -ENOMEM;
	depth = 0;
	for (offset = 0; offset >= 0 && depth >= 0 && nr_nodes < n;
	     offset = fdt_next_node(fdt, offset, &depth)) {
		struct device_node *np = &nodes[nr_nodes++];

		if (depth >= (int)ARRAY_SIZE(parents) ||
		    fdt_get_path(fdt, offset, path, sizeof(path)))
			return -E2BIG;
		np->offset = offset;
		np->parent = depth ? parents[depth - 1] : NULL;
		np->full_name = strdup(path);
		if (!np->full_name)
			return -ENOMEM;
		parents[depth] = np;
	}
	return 0;
}

const char *of_shim_unsupported(void)
{
	return unsupported;
}

const void *of_get_property(const struct device_node *np, const char *name, int *lenp)
{
	return fdt_getprop(tree, np->offset, name, lenp);
}

struct property *of_find_property(const struct device_node *np, const char *name, int *lenp)
{
	static struct property found;
	int len;

	if (!fdt_getprop(tree, np->offset, name, &len))
		return NULL;
	found.length = len;
	if (lenp)
		*lenp = len;
	return &found;
}

/* __of_device_is_compatible(): any entry of "compatible", case aside. */
static bool is_compatible(const struct device_node *np, const char *compat)
{
	const char *list;
	int len, i;

	list = fdt_getprop(tree, np->offset, "compatible", &len);
	for (i = 0; list && i < len; i += strnlen(list + i, len - i) + 1)
		if (!strcasecmp(list + i, compat))
			return true;
	return false;
}

struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat)
{
	int i = from ? from - nodes + 1 : 0;

	for (; i < nr_nodes; i++) {
		const char *t = fdt_getprop(tree, nodes[i].offset, "device_type", NULL);

		if (type && (!t || strcasecmp(t, type)))
			continue;
		if (is_compatible(&nodes[i], compat))
			return &nodes[i];
	}
	return NULL;
}

bool of_device_is_available(const struct device_node *np)
{
	const char *status = fdt_getprop(tree, np->offset, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index,
			       u32 *out_value)
{
	int len;
	const fdt32_t *val = fdt_getprop(tree, np->offset, name, &len);

	if (!val)
		return -EINVAL;
	if ((u64)len < ((u64)index + 1) * sizeof(u32))
		return -EOVERFLOW;
	*out_value = fdt32_to_cpu(val[index]);
	return 0;
}

int of_property_read_string(const struct device_node *np, const char *name,
			    const char **out_string)
{
	int len;
	const char *val = fdt_getprop(tree, np->offset, name, &len);

	if (!val)
		return -EINVAL;
	if (!len)
		return -ENODATA;
	if (strnlen(val, len) >= (size_t)len)
		return -EILSEQ;
	*out_string = val;
	return 0;
}

/* of_bus_n_addr_cells(): from @np up, the first #address-cells. */
static int bus_cells(struct device_node *np, const char *name, int root_default)
{
	const fdt32_t *p;

	for (; np; np = np->parent) {
		p = fdt_getprop(tree, np->offset, name, NULL);
		if (p)
			return fdt32_to_cpu(*p);
	}
	return root_default;
}

int of_n_addr_cells(struct device_node *np)
{
	return bus_cells(np->parent ?: np, "#address-cells", ROOT_ADDR_CELLS);
}

int of_n_size_cells(struct device_node *np)
{
	return bus_cells(np->parent ?: np, "#size-cells", ROOT_SIZE_CELLS);
}

/* of_match_bus(): only the default bus is read here. */
static bool default_bus(struct device_node *bus)
{
	const char *type = fdt_getprop(tree, bus->offset, "device_type", NULL);
	const char *name = fdt_get_name(tree, bus->offset, NULL);

	if (type && (!strcmp(type, "pci") || !strcmp(type, "pciex") ||
		     !strcmp(type, "vci") || !strcmp(type, "ht"))) {
		unsupported = "a node under a PCI bus, which the kernel reads by PCI rules";
		return false;
	}
	if (name && !strcmp(name, "isa")) {
		unsupported = "a node under an ISA bus, which the kernel reads by ISA rules";
		return false;
	}
	if (bus_cells(bus, "#address-cells", ROOT_ADDR_CELLS) == 3) {
		unsupported = "a bus with three address cells, which kernels read differently";
		return false;
	}
	return true;
}

static u64 read_number(const __be32 *cell, int size)
{
	u64 r = 0;

	while (size--)
		r = (r << 32) | fdt32_to_cpu(*(const fdt32_t *)cell++);
	return r;
}

const __be32 *of_get_address(struct device_node *dev, int index, u64 *size,
			     unsigned int *flags)
{
	const __be32 *prop;
	int na, ns, len, i;

	if (!dev->parent || !default_bus(dev->parent))
		return NULL;
	na = of_n_addr_cells(dev);
	ns = of_n_size_cells(dev);
	if (na <= 0 || na > MAX_ADDR_CELLS)
		return NULL;
	prop = fdt_getprop(tree, dev->offset, "reg", &len);
	if (!prop)
		return NULL;
	len /= 4;
	for (i = 0; len >= na + ns; len -= na + ns, prop += na + ns, i++) {
		if (i == index) {
			if (size)
				*size = read_number(prop + na, ns);
			if (flags)
				*flags = IORESOURCE_MEM;
			return prop;
		}
	}
	return NULL;
}

/* of_bus_default_translate(): add @offset to the number in @addr. */
static void translate(__be32 *addr, u64 offset, int na)
{
	u64 a = read_number(addr, na) + offset;

	memset(addr, 0, na * 4);
	if (na > 1)
		addr[na - 2] = (__be32)cpu_to_fdt32(a >> 32);
	addr[na - 1] = (__be32)cpu_to_fdt32(a & 0xffffffffu);
}

/* of_translate_one(): through @bus's "ranges" into its parent's space. */
static int translate_one(struct device_node *bus, __be32 *addr, int na, int ns, int pna)
{
	const __be32 *ranges;
	int rlen, rone;
	u64 offset = OF_BAD_ADDR;

	ranges = fdt_getprop(tree, bus->offset, "ranges", &rlen);
	if (!ranges)
		return 1;
	if (!rlen) {
		offset = read_number(addr, na);
		memset(addr, 0, pna * 4);
		translate(addr, offset, pna);
		return 0;
	}
	rlen /= 4;
	rone = na + pna + ns;
	for (; rlen >= rone; rlen -= rone, ranges += rone) {
		u64 cp = read_number(ranges, na);
		u64 s = read_number(ranges + na + pna, ns);
		u64 da = read_number(addr, na);

		if (da >= cp && da < cp + s) {
			offset = da - cp;
			break;
		}
	}
	if (offset == OF_BAD_ADDR)
		return 1;
	memcpy(addr, ranges + na, 4 * pna);
	translate(addr, offset, pna);
	return 0;
}

/* __of_translate_address(), "ranges", the default bus at every level. */
u64 of_translate_address(struct device_node *dev, const __be32 *in_addr)
{
	__be32 addr[MAX_ADDR_CELLS];
	struct device_node *parent = dev->parent;
	int na, ns, pna, pns;

	if (!parent || !default_bus(parent))
		return OF_BAD_ADDR;
	na = of_n_addr_cells(dev);
	ns = of_n_size_cells(dev);
	if (na <= 0 || na > MAX_ADDR_CELLS || ns <= 0)
		return OF_BAD_ADDR;
	memcpy(addr, in_addr, na * 4);
	for (;;) {
		dev = parent;
		parent = dev->parent;
		if (!parent)
			return read_number(addr, na);
		if (!default_bus(parent))
			return OF_BAD_ADDR;
		pna = of_n_addr_cells(dev);
		pns = of_n_size_cells(dev);
		if (pna <= 0 || pna > MAX_ADDR_CELLS || pns <= 0)
			return OF_BAD_ADDR;
		if (translate_one(dev, addr, na, ns, pna))
			return OF_BAD_ADDR;
		na = pna;
		ns = pns;
	}
}

struct device_node *of_shim_node_covering(u64 base, u64 size)
{
	const char *saved = unsupported;
	struct device_node *found = NULL;
	unsigned int flags;
	const __be32 *reg;
	u64 start, len;
	int i, j;

	for (i = 1; i < nr_nodes && !found; i++) {
		for (j = 0; (reg = of_get_address(&nodes[i], j, &len, &flags)); j++) {
			start = of_translate_address(&nodes[i], reg);
			if (start != OF_BAD_ADDR && len && start <= base &&
			    base + size - 1 <= start + len - 1) {
				found = &nodes[i];
				break;
			}
		}
	}
	unsupported = saved;
	return found;
}

/* A format whose only conversion is %pOF, with its node; NULL if not. */
static const char *node_format(const char *fmt, va_list args, const struct device_node **np)
{
	const char *at = strstr(fmt, "%pOF");
	const char *c;

	if (!at)
		return NULL;
	for (c = fmt; *c; c++)
		if (*c == '%' && c != at && c[1] != '%')
			return NULL;
		else if (*c == '%' && c != at)
			c++;
	*np = va_arg(args, const struct device_node *);
	return at;
}

static int vformat(char *buf, size_t size, const char *fmt, va_list args)
{
	const struct device_node *np;
	const char *at;
	va_list copy;
	int n;

	va_copy(copy, args);
	at = node_format(fmt, copy, &np);
	va_end(copy);
	if (!at)
		return vsnprintf(buf, size, fmt, args);
	n = snprintf(buf, size, "%.*s%s", (int)(at - fmt), fmt, np->full_name);
	return n + snprintf(buf ? buf + ((size_t)n < size ? (size_t)n : size) : NULL,
			    (size_t)n < size ? size - n : 0, "%s", at + 4);
}

int pmmio_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vformat(buf, size, fmt, args);
	va_end(args);
	return n;
}

void pmmio_printk(const char *fmt, ...)
{
	char line[1024];
	va_list args;

	va_start(args, fmt);
	vformat(line, sizeof(line), fmt, args);
	va_end(args);
	fputs(line, stdout);
}
