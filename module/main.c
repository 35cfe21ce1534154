// SPDX-License-Identifier: GPL-2.0-only
/*
 * pkvm_protected_mmio: take MMIO regions away from the host at boot and
 * give them to the pKVM hypervisor.
 *
 * Runs once, inside pKVM's load window (kvm-arm.protected_modules=): parse
 * and validate every region, hand them to the EL2 object, then publish
 * the hypervisor's own view in /sys/module/pkvm_protected_mmio/status.
 * There is no module_exit: the EL2 object cannot be unloaded, so neither
 * can this module.
 */
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/cpufeature.h>
#include <asm/virt.h>

#include "../compat/compat.h"
#include "../hyp/registry.h"
#include "regions.h"

static char *regions;
module_param(regions, charp, 0444);
MODULE_PARM_DESC(regions,
		 "MMIO regions to protect: ADDR+SIZE[,ADDR+SIZE...]; ADDR and SIZE page aligned, SIZE may end in K, M or G (e.g. 0x9030000+4K,0x10000000+2M)");

static struct pmmio_set set;
static char *regions_copy;
static struct pmmio_report *report;
static DEFINE_MUTEX(report_lock);

static const char *const state_str[] = {
	[PMMIO_REGION_RECORDED]		= "recorded",
	[PMMIO_REGION_PROTECTED]	= "protected",
	[PMMIO_REGION_FAILED]		= "failed",
	[PMMIO_REGION_RETURNED]		= "returned",
};

static const char *region_state(u32 state)
{
	return state < ARRAY_SIZE(state_str) ? state_str[state] : "unknown";
}

static u64 cpu_pa_limit(void)
{
	u64 mmfr0 = read_sanitised_ftr_reg(SYS_ID_AA64MMFR0_EL1);
	u32 parange = cpuid_feature_extract_unsigned_field(mmfr0,
				ID_AA64MMFR0_EL1_PARANGE_SHIFT);

	return 1ULL << id_aa64mmfr0_parange_to_phys_shift(parange);
}

/*
 * host_donate_hyp(accept_mmio) takes RAM as readily as MMIO, so refusing
 * RAM is ours to do: System RAM in iomem, and any page the kernel has a
 * struct page for (no-map carve-outs are not System RAM).
 */
static bool overlaps_ram(u64 base, u64 size)
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

/* A driver's claim would fail later, or worse, fault on every access. */
static bool is_busy(u64 base, u64 size)
{
	if (!request_mem_region(base, size, KBUILD_MODNAME))
		return true;
	release_mem_region(base, size);
	return false;
}

/* One line: why nothing happened, and the boot command line that works. */
static void explain_refusal(int ret)
{
	pr_err("%s (%pe), nothing protected: EL2 modules load only at boot, before pKVM finalizes; boot with kvm-arm.mode=protected kvm-arm.protected_modules=%s %s.regions=%s\n",
	       is_protected_kvm_enabled() ? "pKVM is already finalized" :
	       "pKVM is not enabled", ERR_PTR(ret), KBUILD_MODNAME,
	       KBUILD_MODNAME, regions);
}

/*
 * What the hypervisor itself saw in the host stage-2 when its init ended:
 * pages the host can reach (or the walk's -errno) out of *@pages.
 */
static s64 init_host_pages(u64 *pages)
{
	s64 host_pages = 0;
	u32 i;

	*pages = 0;
	for (i = 0; i < report->nr_regions && i < PMMIO_MAX_REGIONS; i++) {
		*pages += report->regions[i].nr_pages;
		if (host_pages >= 0)
			host_pages = report->regions[i].host_pages < 0 ?
				     report->regions[i].host_pages :
				     host_pages + report->regions[i].host_pages;
	}
	return host_pages;
}

static void report_el2_view(void)
{
	u64 pages;
	s64 host_pages = init_host_pages(&pages);

	pr_err("EL2 readback after the rollback: host can reach %lld of %llu pages\n",
	       host_pages, pages);
}

static void explain_el2_failure(int ret)
{
	u32 i = report->failed_region;
	const struct pmmio_entry *e;

	/* EL2 names a region by index: never trust it past what we sent. */
	if (report->stage == PMMIO_STAGE_NONE || i >= set.nr_entries) {
		pr_err("loading the EL2 object failed: %pe; nothing protected\n",
		       ERR_PTR(ret));
		return;
	}
	e = &set.entries[i];
	if (report->stage == PMMIO_STAGE_RECORD) {
		pr_err("EL2 refused region %u (%s entry %u \"%s\"): %pe; nothing protected\n",
		       i, e->source, e->index, e->text, ERR_PTR(ret));
		return;
	}
	pr_err("donating region %u (%s entry %u \"%s\", %llu pages) failed at EL2: %pe\n",
	       i, e->source, e->index, e->text, e->size >> PAGE_SHIFT,
	       ERR_PTR(ret));
	if (report->rollback_err)
		pr_crit("giving pages back failed: %pe; the host may have lost MMIO\n",
			ERR_PTR(report->rollback_err));
	else
		pr_err("gave back every page of regions %u..0 in reverse order; nothing protected\n",
		       i);
	report_el2_view();
}

static void fill_request(void)
{
	struct pmmio_request *req = pmmio_compat_request();
	unsigned int i;

	req->report_pfn = PHYS_PFN(virt_to_phys(report));
	req->nr_regions = set.nr_entries;
	for (i = 0; i < set.nr_entries; i++) {
		req->regions[i].pfn = PHYS_PFN(set.entries[i].base);
		req->regions[i].nr_pages = set.entries[i].size >> PAGE_SHIFT;
	}
}

static void release_regions(unsigned int nr)
{
	while (nr--)
		release_mem_region(set.entries[nr].base, set.entries[nr].size);
}

/*
 * Claim every region in iomem before the hypervisor takes it, and keep the
 * claim: no driver may start using a region on its way to EL2, nor after.
 */
static int claim_regions(void)
{
	const struct pmmio_entry *e;
	unsigned int i;

	for (i = 0; i < set.nr_entries; i++) {
		e = &set.entries[i];
		if (!request_mem_region(e->base, e->size, KBUILD_MODNAME)) {
			pr_err("%s entry %u \"%s\": claimed by a driver since it was checked; nothing protected\n",
			       e->source, e->index, e->text);
			release_regions(i);
			return -EBUSY;
		}
	}
	return 0;
}

static u64 protect_ns(void)
{
	if (!report->counter_freq)
		return 0;
	return mul_u64_u64_div_u64(report->protect_ticks, NSEC_PER_SEC,
				   report->counter_freq);
}

/* The boot log: EL2's own view from its init, no second walk needed. */
static void print_protected(void)
{
	unsigned int i;
	s64 host_pages;
	u64 pages;

	for (i = 0; i < set.nr_entries; i++) {
		const struct pmmio_entry *e = &set.entries[i];

		pr_info("region %u: 0x%llx-0x%llx (%llu page%s) protected\n", i,
			e->base, e->base + e->size - 1, e->size >> PAGE_SHIFT,
			e->size == PAGE_SIZE ? "" : "s");
	}
	host_pages = init_host_pages(&pages);
	if (host_pages < 0)
		pr_info("protected %u regions (%llu pages) in %llu ns at EL2; EL2 readback failed: %pe\n",
			set.nr_entries, pages, protect_ns(), ERR_PTR(host_pages));
	else
		pr_info("protected %u regions (%llu pages) in %llu ns at EL2; EL2 readback: host can reach %lld of them\n",
			set.nr_entries, pages, protect_ns(), host_pages);
}

static ssize_t status_show(struct module_attribute *attr,
			   struct module_kobject *mk, char *buf)
{
	long host_pages;
	u64 pages = 0;
	int n = 0;
	u32 i;

	mutex_lock(&report_lock);
	host_pages = pmmio_compat_readback();
	for (i = 0; i < report->nr_regions; i++)
		pages += report->regions[i].nr_pages;

	n += sysfs_emit_at(buf, n, "regions: %u\npages: %llu\n",
			   report->nr_regions, pages);
	if (host_pages < 0)
		n += sysfs_emit_at(buf, n, "readback: unavailable (%ld)\n",
				   host_pages);
	else
		n += sysfs_emit_at(buf, n, "readback: el2\nhost_pages: %ld\nreadbacks: %llu\n",
				   host_pages, report->readbacks);
	n += sysfs_emit_at(buf, n, "protect_ticks: %llu\nprotect_ns: %llu\n",
			   report->protect_ticks, protect_ns());
	n += sysfs_emit_at(buf, n, "# index base size pages state host_pages\n");
	for (i = 0; i < report->nr_regions; i++)
		n += sysfs_emit_at(buf, n, "%u 0x%llx 0x%llx %llu %s %lld\n", i,
				   report->regions[i].pfn << PAGE_SHIFT,
				   report->regions[i].nr_pages << PAGE_SHIFT,
				   report->regions[i].nr_pages,
				   region_state(report->regions[i].state),
				   report->regions[i].host_pages);
	mutex_unlock(&report_lock);
	return n;
}

/* Root only: every read walks the regions at EL2. */
static struct module_attribute status_attr = __ATTR_RO_MODE(status, 0400);

static int __init pmmio_init(void)
{
	const struct pmmio_platform platform = {
		.pa_limit = cpu_pa_limit(),
		.overlaps_ram = overlaps_ram,
		.is_busy = is_busy,
	};
	char line[256];
	unsigned int i;
	int ret;

	BUILD_BUG_ON(sizeof(struct pmmio_report) > PAGE_SIZE);

	regions_copy = kstrdup(regions ?: "", GFP_KERNEL);
	if (!regions_copy)
		return -ENOMEM;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", regions_copy);
	if (!set.nr_given) {
		pr_err("no regions given: set " KBUILD_MODNAME ".regions=ADDR+SIZE[,...]\n");
		ret = -EINVAL;
		goto err_free_copy;
	}
	ret = pmmio_validate(&set, &platform);
	if (ret) {
		for (i = 0; i < set.nr_refusals; i++) {
			pmmio_format_refusal(line, sizeof(line), &set,
					     &set.refusals[i]);
			pr_err("%s\n", line);
		}
		pr_err("refused %u of %u regions: nothing protected\n",
		       set.nr_refusals, set.nr_given);
		goto err_free_copy;
	}

	ret = claim_regions();
	if (ret)
		goto err_free_copy;
	report = (struct pmmio_report *)get_zeroed_page(GFP_KERNEL);
	if (!report) {
		ret = -ENOMEM;
		goto err_release;
	}
	fill_request();

	ret = pmmio_compat_load();
	if (ret == -EOPNOTSUPP) {
		explain_refusal(ret);
		goto err_free_report;
	}
	if (ret) {
		explain_el2_failure(ret);
		goto err_free_report;
	}

	print_protected();
	ret = sysfs_create_file(&THIS_MODULE->mkobj.kobj, &status_attr.attr);
	if (ret)
		pr_warn("cannot create the status file: %pe\n", ERR_PTR(ret));
	/* Protected for good: from here on the load must succeed. */
	return 0;

err_free_report:
	/*
	 * A page EL2 wrote to was shared with it, and its unshare may have
	 * failed unseen: rather leak it than hand the allocator a page EL2
	 * may still map.
	 */
	if (!report->err)
		free_page((unsigned long)report);
err_release:
	release_regions(set.nr_entries);
err_free_copy:
	kfree(regions_copy);
	return ret;
}
module_init(pmmio_init);

MODULE_DESCRIPTION("Protect MMIO regions from the host with the pKVM hypervisor");
MODULE_LICENSE("GPL");
