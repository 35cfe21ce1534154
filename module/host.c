// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the running host kernel knows about a physical range: is it RAM,
 * does a driver hold it, and which one.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

#include "host.h"
#include "regions.h"

/*
 * host_donate_hyp(accept_mmio) takes RAM as readily as MMIO, so refusing
 * RAM is ours to do: System RAM in iomem, and any page the kernel has a
 * struct page for (no-map carve-outs are not System RAM).
 */
bool __init pmmio_overlaps_ram(u64 base, u64 size)
{
	unsigned long pfn = PHYS_PFN(base), end = PHYS_PFN(base + size);

	if (region_intersects(base, size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT)
		return true;
	/* pfn_valid() answers per subsection: one look at each is enough. */
	for (; pfn < end; pfn = ALIGN(pfn + 1, PAGES_PER_SUBSECTION))
		if (pfn_valid(pfn))
			return true;
	return false;
}

struct holder_search {
	struct resource busy;	/* a busy range, clipped to the region */
	char *name;
	size_t len;
};

/* A bound device whose own resource covers the busy range holds it. */
static bool holds(struct device *dev, const struct resource *r,
		  struct holder_search *s)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	if (!drv || resource_type(r) != IORESOURCE_MEM ||
	    r->start > s->busy.start || r->end < s->busy.end)
		return false;
	scnprintf(s->name, s->len, "%s (%s)", drv->name, dev_name(dev));
	return true;
}

static int platform_holder(struct device *dev, void *arg)
{
	struct platform_device *pdev = to_platform_device(dev);
	unsigned int i;

	for (i = 0; i < pdev->num_resources; i++)
		if (holds(dev, &pdev->resource[i], arg))
			return 1;
	return 0;
}

#ifdef CONFIG_ARM_AMBA
static int amba_holder(struct device *dev, void *arg)
{
	return holds(dev, &to_amba_device(dev)->res, arg);
}
#endif

/*
 * The iomem tree does not say which driver made a claim, and cannot be
 * read safely from a module (resource_lock is private). So look for the
 * bound device of the platform or AMBA bus whose resource covers the busy
 * range: where the MMIO drivers of a device-tree system live.
 */
static void __init name_holder(const struct resource *busy, char *name,
			       size_t len)
{
	struct holder_search s = { .busy = *busy, .name = name, .len = len };

	if (bus_for_each_dev(&platform_bus_type, NULL, &s, platform_holder))
		return;
#ifdef CONFIG_ARM_AMBA
	bus_for_each_dev(&amba_bustype, NULL, &s, amba_holder);
#endif
}

struct busy_walk {
	struct resource first;	/* the first busy range met */
	u64 next;		/* first address past the busy ranges so far */
	bool found;
	bool gap;
};

static int note_busy(struct resource *res, void *arg)
{
	struct busy_walk *w = arg;

	if (!w->found)
		w->first = *res;
	w->found = true;
	if (res->start > w->next)
		w->gap = true;
	w->next = max_t(u64, w->next, res->end + 1);
	return 0;
}

/**
 * pmmio_iomem_state() - Could the region be claimed, and if not, why
 * @base:	first address, page aligned, below pKVM's PA limit
 * @size:	size, a non-zero number of pages
 * @holder:	where to name a driver holding the region
 * @len:	size of @holder
 *
 * A driver's claim would fail later, or worse, fault on every access:
 * request_mem_region() decides, as it will for everyone. If it would fail,
 * the busy ranges found through walk_iomem_res_desc() (in address order)
 * tell whether drivers hold all of the region, some of it, or none (the
 * region then crosses the edge of a resource that is not busy).
 *
 * Return: enum pmmio_iomem; @holder names the holder of the first busy
 * range, or is "" when no bound platform or AMBA device covers it.
 */
enum pmmio_iomem __init pmmio_iomem_state(u64 base, u64 size, char *holder,
					  size_t len)
{
	struct busy_walk w = { .next = base };
	u64 end = base + size - 1;

	holder[0] = '\0';
	if (request_mem_region(base, size, KBUILD_MODNAME)) {
		release_mem_region(base, size);
		return PMMIO_IOMEM_FREE;
	}
	walk_iomem_res_desc(IORES_DESC_NONE, IORESOURCE_MEM | IORESOURCE_BUSY,
			    base, end, &w, note_busy);
	if (!w.found)
		return PMMIO_IOMEM_STRADDLES;
	name_holder(&w.first, holder, len);
	return w.gap || w.next <= end ? PMMIO_IOMEM_PARTLY_BUSY : PMMIO_IOMEM_BUSY;
}
