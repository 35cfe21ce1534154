// SPDX-License-Identifier: GPL-2.0-only
/*
 * Regions from device-tree nodes compatible with "pkvm,protected-mmio"
 * (dts-overlays/bindings/pkvm,protected-mmio.yaml): one entry per reg
 * entry, validated with the regions= entries as one set.
 */
#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/slab.h>

#include "host.h"
#include "regions.h"

/*
 * What the entries name for the life of the module: the node's path and
 * its label, copied, as a node can go away with an overlay.
 */
struct node_names {
	struct list_head list;
	char *label;		/* NULL without one */
	char path[];
};

static LIST_HEAD(names);

static struct node_names *__init keep_names(struct device_node *np)
{
	size_t len = snprintf(NULL, 0, "%pOF", np) + 1;
	struct node_names *n = kzalloc(struct_size(n, path, len), GFP_KERNEL);
	const char *label;
	char *c;

	if (!n)
		return NULL;
	snprintf(n->path, len, "%pOF", np);
	list_add(&n->list, &names);
	if (of_property_read_string(np, "label", &label) || !*label)
		return n;
	n->label = kstrdup(label, GFP_KERNEL);
	if (!n->label)
		return NULL;
	/* One word for the status file's columns. */
	for (c = n->label; *c; c++)
		if (!isgraph(*c))
			*c = '_';
	return n;
}

void __init pmmio_of_free(void)
{
	struct node_names *n, *tmp;

	list_for_each_entry_safe(n, tmp, &names, list) {
		kfree(n->label);
		kfree(n);
	}
	INIT_LIST_HEAD(&names);
}

static void __init refuse_node(struct pmmio_set *set, const char *path,
			       enum pmmio_reason reason)
{
	struct pmmio_entry *e = pmmio_add_dt_entry(set, path, NULL, 0);

	if (!e)
		return;
	e->whole_node = true;
	pmmio_refuse(set, e, reason);
}

/*
 * pkvm,allow-busy: reg indices, each below @nr_reg. Indices past the
 * maximum number of regions need no bit: those entries are refused as
 * too many anyway.
 */
static int __init read_allow_busy(struct device_node *np, unsigned int nr_reg,
				  unsigned long *allow)
{
	unsigned int i, n;
	u32 index;
	int len;

	if (!of_find_property(np, "pkvm,allow-busy", &len))
		return 0;
	if (len <= 0 || len % sizeof(u32))
		return -EINVAL;
	n = len / sizeof(u32);
	for (i = 0; i < n; i++) {
		if (of_property_read_u32_index(np, "pkvm,allow-busy", i, &index) ||
		    index >= nr_reg)
			return -EINVAL;
		if (index < PMMIO_MAX_REGIONS)
			__set_bit(index, allow);
	}
	return 0;
}

/*
 * Read reg with of_get_address() and of_translate_address(), which
 * behave alike on every kernel: of_address_to_resource() refuses a range
 * that wraps on some and not on others, and also returns I/O ports.
 */
static void __init add_reg(struct pmmio_set *set, struct device_node *np,
			   struct pmmio_entry *e, unsigned int i)
{
	unsigned int flags;
	const __be32 *addr;
	u64 size, base;

	addr = of_get_address(np, i, &size, &flags);
	base = addr && (flags & IORESOURCE_MEM) ? of_translate_address(np, addr) :
						  OF_BAD_ADDR;
	if (base == OF_BAD_ADDR) {
		pmmio_refuse(set, e, PMMIO_DT_UNTRANSLATABLE);
		return;
	}
	pmmio_set_dt_range(e, base, size);
}

static int __init add_node(struct pmmio_set *set, struct device_node *np)
{
	DECLARE_BITMAP(allow_busy, PMMIO_MAX_REGIONS) = {};
	struct node_names *n = keep_names(np);
	unsigned int na, ns, nr_reg, i;
	struct pmmio_entry *e;
	int len;

	if (!n)
		return -ENOMEM;

	/* As the kernel's own OF_CHECK_COUNTS, and a size that fits 64 bits. */
	na = of_n_addr_cells(np);
	ns = of_n_size_cells(np);
	if (!na || na > 4 || !ns || ns > 2) {
		refuse_node(set, n->path, PMMIO_DT_CELLS);
		return 0;
	}
	if (!of_get_property(np, "reg", &len) || len <= 0) {
		refuse_node(set, n->path, PMMIO_DT_NO_REG);
		return 0;
	}
	/* of_get_address() silently drops a partial last entry. */
	if (len % ((na + ns) * sizeof(__be32))) {
		refuse_node(set, n->path, PMMIO_DT_REG_LENGTH);
		return 0;
	}
	nr_reg = len / ((na + ns) * sizeof(__be32));
	if (read_allow_busy(np, nr_reg, allow_busy)) {
		refuse_node(set, n->path, PMMIO_DT_ALLOW_BUSY);
		return 0;
	}

	for (i = 0; i < nr_reg; i++) {
		e = pmmio_add_dt_entry(set, n->path, n->label, i);
		if (!e)
			continue;	/* counted: refused as too many */
		add_reg(set, np, e, i);
		e->allow_busy = i < PMMIO_MAX_REGIONS && test_bit(i, allow_busy);
	}
	return 0;
}

/**
 * pmmio_of_add_entries() - Add the regions of every available node
 * @set:	the set the regions= entries are in
 *
 * Disabled nodes (status other than "okay") are skipped. A malformed node
 * is refused as a whole; a reg entry that is not a CPU physical address
 * is refused on its own. The names stay allocated until pmmio_of_free().
 *
 * Return: 0, or -ENOMEM.
 */
int __init pmmio_of_add_entries(struct pmmio_set *set)
{
	struct device_node *np;
	int ret;

	for_each_compatible_node(np, NULL, PMMIO_OF_COMPATIBLE) {
		if (!of_device_is_available(np)) {
			pr_info("node %pOF: disabled, ignored\n", np);
			continue;
		}
		ret = add_node(set, np);
		if (ret) {
			of_node_put(np);
			return ret;
		}
	}
	return 0;
}
