/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host stand-in for the <linux/of.h> calls module/of.c makes, over a
 * flattened tree read with libfdt (shim/of.c), with the kernel's
 * contracts (drivers/of/base.c, property.c).
 */
#ifndef PMMIO_SHIM_LINUX_OF_H
#define PMMIO_SHIM_LINUX_OF_H
#include <linux/types.h>

struct device_node {
	int offset;			/* in the flattened tree */
	struct device_node *parent;	/* NULL for the root */
	char *full_name;		/* its path, as %pOF prints it */
};

/* What of.c looks at: whether it exists. */
struct property {
	int length;
};

/**
 * of_shim_init() - Make the nodes of a flattened tree the live tree
 * @fdt:	the tree, which must stay until the end
 *
 * Return: 0, -ENOMEM, or -E2BIG for a tree deeper than 64 levels or a
 * path longer than 1023 characters.
 */
int of_shim_init(const void *fdt);

/**
 * of_shim_unsupported() - Why the tree cannot be read as the kernel would
 *
 * A node under a bus whose addresses the kernel reads with bus-specific
 * rules (PCI, ISA, or three address cells) is not translated here.
 *
 * Return: the first such reason met by of_get_address() or
 * of_translate_address(), or NULL.
 */
const char *of_shim_unsupported(void);

/**
 * of_shim_node_covering() - The first node whose reg holds a whole range
 * @base:	first address
 * @size:	size, non-zero
 *
 * For naming what holds a busy range; nodes under buses not read here are
 * skipped without counting against of_shim_unsupported().
 *
 * Return: the node, or NULL.
 */
struct device_node *of_shim_node_covering(u64 base, u64 size);

/*
 * The kernel's printf takes %pOF, a device_node's path: shim/of.c's
 * pmmio_snprintf() does too, when it is a format's only conversion
 * (as in module/of.c); any other format goes to vsnprintf(). For the
 * files that use device-tree nodes only.
 */
int pmmio_snprintf(char *buf, size_t size, const char *fmt, ...);
#define snprintf pmmio_snprintf

struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat);
#define for_each_compatible_node(dn, type, compatible) \
	for (dn = of_find_compatible_node(NULL, type, compatible); dn; \
	     dn = of_find_compatible_node(dn, type, compatible))
bool of_device_is_available(const struct device_node *np);
static inline void of_node_put(struct device_node *np) { }
struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
const void *of_get_property(const struct device_node *np, const char *name, int *lenp);
int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index,
			       u32 *out_value);
int of_property_read_string(const struct device_node *np, const char *name,
			    const char **out_string);
int of_n_addr_cells(struct device_node *np);
int of_n_size_cells(struct device_node *np);
#endif
