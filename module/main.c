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
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/virt.h>

#include "../compat/compat.h"
#include "../hyp/registry.h"
#include "host.h"
#include "permfault_test.h"
#include "regions.h"

/* How EL2 donates the regions, as the status file says. */
#ifdef PMMIO_BENCH_PAGEWISE
#define PMMIO_DONATION	"page by page (bench build)"
#else
#define PMMIO_DONATION	"ranged"
#endif

static char *regions;
module_param(regions, charp, 0444);
MODULE_PARM_DESC(regions,
		 "MMIO regions to protect: ADDR+SIZE[:allow-busy][,...]; ADDR page aligned, SIZE a multiple of the page size with an optional K, M, G, T, P or E suffix (e.g. 0x9030000+4K,0x10000000+2M); :allow-busy protects a region a host driver holds");

/* What the default budget leaves of pKVM's MMIO table pages. */
#define PMMIO_POOL_MARGIN	64

static unsigned long pool_budget;
module_param(pool_budget, ulong, 0444);
MODULE_PARM_DESC(pool_budget,
		 "Host stage-2 table pages the regions may pin (one per 2 MiB, and the tables above); 0, the default: the pages pKVM provisions for MMIO tables less 64, left to the host's own MMIO faults and other EL2 modules");

static struct pmmio_set set;
static char *regions_copy;
/* The iomem owner name: on the heap, as claims can outlive a failed load. */
static const char *claim_name;
static struct pmmio_report *report;
static DEFINE_MUTEX(status_lock);

static const char *const state_str[] = {
	[PMMIO_REGION_RECORDED]		= "recorded",
	[PMMIO_REGION_PROTECTED]	= "protected",
	[PMMIO_REGION_FAILED]		= "failed",
	[PMMIO_REGION_RETURNED]		= "returned",
	[PMMIO_REGION_REFUSED]		= "refused",
};

/* An allowed busy entry stays its holder's: it is not claimed in iomem. */
static bool claimed(const struct pmmio_entry *e)
{
	return !e->busy;
}

/* For messages: where region @i was given. */
static const char *entry_name(unsigned int i)
{
	static char buf[320];

	pmmio_format_entry(buf, sizeof(buf), &set.entries[i]);
	return buf;
}

static const char *region_state(u32 state)
{
	return state < ARRAY_SIZE(state_str) ? state_str[state] : "unknown";
}

/* One line: why nothing happened, and the boot command line that works. */
static void explain_load_window(int ret)
{
	pr_err("%s (%pe), nothing protected: EL2 modules load only at boot, before pKVM finalizes; boot with kvm-arm.mode=protected kvm-arm.protected_modules=%s %s.regions=%s\n",
	       is_protected_kvm_enabled() ? "pKVM is already finalized" :
	       "pKVM is not enabled", ERR_PTR(ret), KBUILD_MODNAME,
	       KBUILD_MODNAME, regions && *regions ? regions : "ADDR+SIZE[,...]");
}

static u64 region_pages(u32 i)
{
	return report->regions[i].nr_pages;
}

/* What EL2 read back at the end of its init: host pages, or -errno. */
static s64 init_host_pages(u64 *pages)
{
	s64 host_pages = 0, h;
	u32 i;

	*pages = 0;
	for (i = 0; i < report->nr_regions && i < set.nr_entries; i++) {
		*pages += region_pages(i);
		h = report->regions[i].host_pages;
		if (host_pages >= 0)
			host_pages = h < 0 ? h : host_pages + h;
	}
	return host_pages;
}

static void report_lost_runs(void)
{
	const struct pmmio_run *run;
	u64 named = 0;
	u32 i;

	for (i = 0; i < report->nr_lost_runs && i < PMMIO_MAX_LOST_RUNS; i++) {
		run = &report->lost[i];
		named += run->nr_pages;
		pr_crit("not given back: 0x%llx-0x%llx (%llu pages)\n",
			run->pfn << PAGE_SHIFT,
			((run->pfn + run->nr_pages) << PAGE_SHIFT) - 1,
			run->nr_pages);
	}
	if (named < report->lost_pages)
		pr_crit("not given back: %llu more pages, past the %u runs the report names\n",
			report->lost_pages - named, PMMIO_MAX_LOST_RUNS);
}

/* Every region, as EL2 read it back after the rollback. */
static void report_rollback(void)
{
	u64 pages, restored = 0;
	s64 host_pages;
	u32 i;

	for (i = 0; i < report->nr_regions && i < set.nr_entries; i++) {
		host_pages = report->regions[i].host_pages;
		restored += report->regions[i].restored_pages;
		if (host_pages < 0)
			pr_err("region %u: %s, EL2 readback failed: %pe\n", i,
			       region_state(report->regions[i].state),
			       ERR_PTR(host_pages));
		else
			pr_err("region %u: %s, host reaches %lld of %llu pages%s\n",
			       i, region_state(report->regions[i].state),
			       host_pages, region_pages(i),
			       report->regions[i].restored_pages ?
			       " (some through host_stage2_mod_prot)" : "");
		if (report->regions[i].lost_pages)
			pr_crit("region %u: %llu pages could not be given back to the host\n",
				i, report->regions[i].lost_pages);
	}
	if (report->giveback_err)
		pr_warn("pKVM refused to give back some pages (%pe): %llu pages were mapped for the host through host_stage2_mod_prot\n",
			ERR_PTR(report->giveback_err), restored);
	if (report->restore_err)
		pr_crit("host_stage2_mod_prot failed: %pe\n",
			ERR_PTR(report->restore_err));

	host_pages = init_host_pages(&pages);
	if (report->lost_pages)
		report_lost_runs();
	if (host_pages < 0)
		pr_crit("EL2 readback after the rollback failed: %pe; %llu of %llu pages may stay with the hypervisor, boot continues\n",
			ERR_PTR(host_pages), report->lost_pages, pages);
	else if (report->lost_pages)
		pr_crit("EL2 readback after the rollback: host can reach %lld of %llu pages; %llu stay with the hypervisor, boot continues\n",
			host_pages, pages, report->lost_pages);
	else
		pr_err("EL2 readback after the rollback: host can reach %lld of %llu pages; nothing protected\n",
		       host_pages, pages);
}

#ifdef PMMIO_SELFTEST_PAGE
/*
 * Test builds: the scratch page of the ownership selftest, checked with
 * the regions (its source names it in a refusal), claimed for good.
 */
static char selftest_text[32];
static u64 selftest_base;
/* Its claim's name: never freed, as the claim is never released. */
static const char *selftest_claim;

static const char *const selftest_step_str[] = {
	[PMMIO_ST_HOST_OWNED]	= "the host owns it",
	[PMMIO_ST_DONATE]	= "host_donate_hyp",
	[PMMIO_ST_HYP_OWNED]	= "the hypervisor owns it",
	[PMMIO_ST_GIVE_BACK]	= "hyp_donate_host",
	[PMMIO_ST_HOST_AGAIN]	= "the host owns it again",
	[PMMIO_ST_DONATE_AGAIN]	= "host_donate_hyp again",
	[PMMIO_ST_HYP_AGAIN]	= "the hypervisor owns it again",
	[PMMIO_ST_RETURN]	= "hyp_donate_host again",
	[PMMIO_ST_HOST_FINAL]	= "the host owns it at the end",
};

static void add_selftest_page(void)
{
	scnprintf(selftest_text, sizeof(selftest_text), "0x%llx+0x%lx",
		  (u64)PMMIO_SELFTEST_PAGE, PAGE_SIZE);
	pmmio_parse_regions(&set, "PMMIO_SELFTEST_PAGE=", selftest_text);
}

/* Validated with the regions, it is no region: out of the set again. */
static int take_selftest_page(void)
{
	selftest_base = set.entries[--set.nr_entries].base;
	set.nr_given--;
	selftest_claim = kstrdup(KBUILD_MODNAME, GFP_KERNEL);
	if (!selftest_claim)
		return -ENOMEM;
	if (!request_mem_region(selftest_base, PAGE_SIZE, selftest_claim)) {
		pr_err("selftest page 0x%llx: claimed by a driver since it was checked; nothing protected\n",
		       selftest_base);
		return -EBUSY;
	}
	pmmio_compat_request()->selftest_pfn = PHYS_PFN(selftest_base);
	return 0;
}

static bool explain_selftest(int ret)
{
	u32 step = report->selftest_step;

	if (step == PMMIO_ST_PASSED) {
		pr_info("ownership selftest passed: page 0x%llx went through %u transitions\n",
			selftest_base, PMMIO_ST_PASSED);
		return false;
	}
	if (report->stage != PMMIO_STAGE_SELFTEST)
		return false;	/* it never ran */
	pr_err("ownership selftest failed at step %u (%s) of page 0x%llx: %pe; nothing protected\n",
	       step, step < ARRAY_SIZE(selftest_step_str) ?
	       selftest_step_str[step] : "unknown", selftest_base, ERR_PTR(ret));
	return true;
}
#else
static void add_selftest_page(void) {}
static int take_selftest_page(void) { return 0; }
static bool explain_selftest(int ret) { return false; }
#endif

static void explain_el2_failure(int ret)
{
	u32 i = report->failed_region;
	const struct pmmio_entry *e;
	bool refused;

	if (explain_selftest(ret))
		return;

	/* EL2 names a region by index: never trust it past what we sent. */
	if (report->stage == PMMIO_STAGE_NONE || i >= set.nr_entries ||
	    i >= report->nr_regions) {
		pr_err("loading the EL2 object failed: %pe; nothing protected\n",
		       ERR_PTR(ret));
		return;
	}
	e = &set.entries[i];
	if (report->stage == PMMIO_STAGE_RECORD) {
		pr_err("EL2 refused region %u (%s): %pe; nothing protected\n",
		       i, entry_name(i), ERR_PTR(ret));
		return;
	}
	refused = report->regions[i].state == PMMIO_REGION_REFUSED;
	if (refused)
		pr_err("region %u (%s, %llu pages): the host stage-2 does not show every page as the host's (%pe), so it was never donated\n",
		       i, entry_name(i), e->size >> PAGE_SHIFT, ERR_PTR(ret));
	else if (report->unverified_pages)
		pr_err("region %u (%s, %llu pages): pKVM reported the donation done, but the host could still reach %llu of its pages\n",
		       i, entry_name(i), e->size >> PAGE_SHIFT,
		       report->unverified_pages);
	else
		pr_err("donating region %u (%s, %llu pages) failed at EL2: %pe\n",
		       i, entry_name(i), e->size >> PAGE_SHIFT, ERR_PTR(ret));
	if (!refused)
		pr_err("rolled back regions %u..0 in reverse order\n", i);
	else if (i)
		pr_err("rolled back regions %u..0 in reverse order\n", i - 1);
	report_rollback();
}

static void fill_request(void)
{
	struct pmmio_request *req = pmmio_compat_request();
	unsigned int i;

	req->report_pfn = PHYS_PFN(virt_to_phys(report));
	req->pfn_limit = PHYS_PFN(pmmio_compat_pa_limit());
	req->nr_regions = set.nr_entries;
	for (i = 0; i < set.nr_entries; i++) {
		req->regions[i].pfn = PHYS_PFN(set.entries[i].base);
		req->regions[i].nr_pages = set.entries[i].size >> PAGE_SHIFT;
	}
}

static void release_regions(unsigned int nr)
{
	while (nr--)
		if (claimed(&set.entries[nr]))
			release_mem_region(set.entries[nr].base,
					   set.entries[nr].size);
}

/* After a rollback that lost pages: keep only the claims on those regions. */
static void release_given_back(void)
{
	unsigned int i;

	for (i = 0; i < set.nr_entries; i++)
		if (claimed(&set.entries[i]) &&
		    (i >= report->nr_regions || !report->regions[i].lost_pages))
			release_mem_region(set.entries[i].base, set.entries[i].size);
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
		if (claimed(e) && !request_mem_region(e->base, e->size, claim_name)) {
			pr_err("%s: claimed by a driver since it was checked; nothing protected\n",
			       entry_name(i));
			release_regions(i);
			return -EBUSY;
		}
	}
	return 0;
}

/* EL2's generic-timer ticks in nanoseconds, at the frequency EL2 read. */
static u64 ticks_ns(u64 ticks)
{
	if (!report->counter_freq)
		return 0;
	return mul_u64_u64_div_u64(ticks, NSEC_PER_SEC, report->counter_freq);
}

static u64 protect_ns(void)
{
	return ticks_ns(report->protect_ticks);
}

/* The boot log: EL2's own view from its init, no second walk needed. */
static void print_protected(void)
{
	unsigned int i;
	s64 host_pages;
	u64 pages;

	for (i = 0; i < set.nr_entries; i++) {
		const struct pmmio_entry *e = &set.entries[i];

		pr_info("region %u%s%s%s: 0x%llx-0x%llx (%llu page%s) protected, from %s\n",
			i, e->label ? " (" : "", e->label ?: "",
			e->label ? ")" : "", e->base, e->base + e->size - 1,
			e->size >> PAGE_SHIFT, e->size == PAGE_SIZE ? "" : "s",
			entry_name(i));
		if (e->busy)
			pr_warn("region %u: allow-busy: protected although %s holds it; that driver keeps its claim and faults on any access\n",
				i, e->holder[0] ? e->holder : "a driver");
	}
	host_pages = init_host_pages(&pages);
	if (host_pages < 0)
		pr_info("protected %u regions (%llu pages) in %llu ns at EL2; EL2 readback failed: %pe\n",
			set.nr_entries, pages, protect_ns(), ERR_PTR(host_pages));
	else
		pr_info("protected %u regions (%llu pages) in %llu ns at EL2; EL2 readback: host can reach %lld of them\n",
			set.nr_entries, pages, protect_ns(), host_pages);
}

struct readback {
	s64 host_pages[PMMIO_MAX_REGIONS];
	u64 calls;
	u64 ns;
};

/*
 * Ask EL2 region by region, at most PMMIO_READBACK_CHUNK pages a call, so
 * that no single call keeps a CPU at EL2 long.
 */
static void readback_regions(struct readback *rb)
{
	u64 pos = 0, off, examined, want;
	ktime_t start = ktime_get();
	long res;
	u32 i;

	rb->calls = 0;
	for (i = 0; i < report->nr_regions && i < set.nr_entries; i++) {
		rb->host_pages[i] = 0;
		for (off = 0; off < region_pages(i); off += examined) {
			want = min_t(u64, region_pages(i) - off, PMMIO_READBACK_CHUNK);
			res = pmmio_compat_readback(pos + off);
			rb->calls++;
			examined = PMMIO_READBACK_EXAMINED(res);
			if (res < 0 || examined != want) {
				rb->host_pages[i] = res < 0 ? res : -EPROTO;
				break;
			}
			rb->host_pages[i] += PMMIO_READBACK_REACHABLE(res);
			cond_resched();
		}
		pos += region_pages(i);
	}
	rb->ns = ktime_to_ns(ktime_sub(ktime_get(), start));
}

static ssize_t status_show(pmmio_mattr_const struct module_attribute *attr,
			   struct module_kobject *mk, char *buf)
{
	static struct readback rb;
	s64 host_pages = 0;
	u64 pages = 0;
	int n = 0;
	u32 i;

	mutex_lock(&status_lock);
	readback_regions(&rb);
	for (i = 0; i < report->nr_regions && i < set.nr_entries; i++) {
		pages += region_pages(i);
		if (host_pages >= 0)
			host_pages = rb.host_pages[i] < 0 ? rb.host_pages[i] :
				     host_pages + rb.host_pages[i];
	}

	n += sysfs_emit_at(buf, n, "regions: %u\npages: %llu\n",
			   report->nr_regions, pages);
	if (host_pages < 0)
		n += sysfs_emit_at(buf, n, "readback: unavailable (%lld)\n",
				   host_pages);
	else
		n += sysfs_emit_at(buf, n, "readback: el2\nhost_pages: %lld\n",
				   host_pages);
	n += sysfs_emit_at(buf, n, "readback_calls: %llu\nreadback_ns: %llu\n",
			   rb.calls, rb.ns);
	n += sysfs_emit_at(buf, n, "protect_ticks: %llu\nprotect_ns: %llu\n",
			   report->protect_ticks, protect_ns());
	n += sysfs_emit_at(buf, n, "donation: %s\ndonate_calls: %llu\ndonate_ns: %llu\n",
			   PMMIO_DONATION, report->donate_calls,
			   ticks_ns(report->donate_ticks));
	n += sysfs_emit_at(buf, n, "# index base size pages state host_pages source label\n");
	for (i = 0; i < report->nr_regions && i < set.nr_entries; i++)
		n += sysfs_emit_at(buf, n, "%u 0x%llx 0x%llx %llu %s %lld %s[%u] %s\n",
				   i, report->regions[i].pfn << PAGE_SHIFT,
				   report->regions[i].nr_pages << PAGE_SHIFT,
				   report->regions[i].nr_pages,
				   region_state(report->regions[i].state),
				   rb.host_pages[i], set.entries[i].source,
				   set.entries[i].index,
				   set.entries[i].label ?: "-");
	mutex_unlock(&status_lock);
	return n;
}

/* Root only: every read walks the regions at EL2. */
static struct module_attribute status_attr = __ATTR_RO_MODE(status, 0400);

static void print_refusals(void)
{
	static char line[640];
	unsigned int i;

	for (i = 0; i < set.nr_refusals; i++) {
		pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[i]);
		pr_err("%s\n", line);
	}
	pr_err("refused %u of %u regions: nothing protected\n",
	       set.nr_refusals, set.nr_given);
}

/*
 * Nothing refills pKVM's MMIO table pages: a donation that runs out of them
 * is a hypervisor panic on most generations (a WARN), and so is, later, a
 * host MMIO fault that finds none (BUG_ON() in handle_host_mem_abort()).
 */
static int check_pool_budget(u64 pa_limit)
{
	unsigned long provisioned = pmmio_compat_mmio_table_pages();
	unsigned long budget = pool_budget;
	u64 need = pmmio_table_pages(&set, pa_limit);

	if (!budget && provisioned > PMMIO_POOL_MARGIN)
		budget = provisioned - PMMIO_POOL_MARGIN;
	if (need <= budget)
		return 0;
	if (pool_budget)
		pr_err("the regions may pin %llu host stage-2 table pages, over pool_budget=%lu (pKVM provisions %lu for MMIO tables): nothing protected\n",
		       need, budget, provisioned);
	else
		pr_err("the regions may pin %llu host stage-2 table pages, over the budget of %lu: pKVM provisions %lu for MMIO tables, never refilled, and the host's own MMIO faults and other EL2 modules need some (set pool_budget= to what your hypervisor leaves): nothing protected\n",
		       need, budget, provisioned);
	return -EINVAL;
}

static int __init pmmio_init(void)
{
	const struct pmmio_platform platform = {
		.pa_limit = pmmio_compat_pa_limit(),
		.overlaps_ram = pmmio_overlaps_ram,
		.iomem_state = pmmio_iomem_state,
	};
	bool window_shut = pmmio_compat_load_window_shut();
	const char *missing_op;
	int ret;

	BUILD_BUG_ON(sizeof(struct pmmio_report) > PAGE_SIZE);

	/* First the reason nothing can happen, whatever the arguments. */
	if (window_shut)
		explain_load_window(-EOPNOTSUPP);

	regions_copy = kstrdup(regions ?: "", GFP_KERNEL);
	if (!regions_copy)
		return -ENOMEM;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", regions_copy);
	ret = pmmio_of_add_entries(&set);
	if (ret)
		goto err_free_copy;
	if (!set.nr_given) {
		if (!window_shut)
			pr_err("no regions given: set %s.regions=ADDR+SIZE[,...] on the kernel command line or in modprobe.d of the initramfs (not every pKVM loader passes modprobe command-line options), or add a device-tree node compatible with \"%s\"\n",
			       KBUILD_MODNAME, PMMIO_OF_COMPATIBLE);
		ret = window_shut ? -EOPNOTSUPP : -EINVAL;
		goto err_free_copy;
	}
	add_selftest_page();
	ret = pmmio_validate(&set, &platform);
	if (ret) {
		print_refusals();
		ret = window_shut ? -EOPNOTSUPP : ret;
		goto err_free_copy;
	}
	if (window_shut) {
		ret = -EOPNOTSUPP;
		goto err_free_copy;
	}
	ret = check_pool_budget(platform.pa_limit);
	if (ret)
		goto err_free_copy;

	ret = -ENOMEM;
	claim_name = kstrdup(KBUILD_MODNAME, GFP_KERNEL);
	if (!claim_name)
		goto err_free_copy;
	ret = take_selftest_page();
	if (ret)
		goto err_free_name;
	ret = claim_regions();
	if (ret)
		goto err_free_name;
	report = (struct pmmio_report *)get_zeroed_page(GFP_KERNEL);
	if (!report) {
		ret = -ENOMEM;
		goto err_release;
	}
	fill_request();
	ret = pmmio_permfault_test_fill(pmmio_compat_request());
	if (ret)
		goto err_free_report;

	ret = pmmio_compat_load();
	missing_op = pmmio_compat_missing_op(ret);
	if (missing_op) {
		pr_err("the hypervisor's struct pkvm_module_ops has no %s, which the EL2 object calls: nothing donated, nothing protected\n",
		       missing_op);
		ret = -EOPNOTSUPP;
		goto err_free_report;
	}
	/* The loader's refusal, not an -EOPNOTSUPP of the EL2 init. */
	if (ret == -EOPNOTSUPP && !report->err && report->stage == PMMIO_STAGE_NONE) {
		explain_load_window(ret);
		goto err_free_report;
	}
	if (ret) {
		explain_el2_failure(ret);
		goto err_free_report;
	}

	explain_selftest(0);
	pmmio_permfault_test_show(report);
	print_protected();
	ret = sysfs_create_file(&THIS_MODULE->mkobj.kobj, &status_attr.attr);
	if (ret)
		pr_warn("cannot create the status file: %pe\n", ERR_PTR(ret));
	/* Protected for good: from here on the load must succeed. */
	return 0;

err_free_report:
	/*
	 * Pages the hypervisor kept stay claimed, for good: no driver may map
	 * them. And a page EL2 wrote to was shared with it, and its unshare
	 * may have failed unseen: rather leak it than hand the allocator a
	 * page EL2 may still map.
	 */
	if (report->lost_pages) {
		release_given_back();
		pmmio_of_free();
		kfree(regions_copy);
		return ret;
	}
	if (!report->err)
		free_page((unsigned long)report);
err_release:
	release_regions(set.nr_entries);
err_free_name:
	kfree(claim_name);
err_free_copy:
	pmmio_of_free();
	kfree(regions_copy);
	return ret;
}
module_init(pmmio_init);

MODULE_DESCRIPTION("Protect MMIO regions from the host with the pKVM hypervisor");
MODULE_VERSION(PMMIO_VERSION);
MODULE_LICENSE("GPL");
