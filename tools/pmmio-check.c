// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmmio-check: what pkvm_protected_mmio will decide about a region set,
 * decided on the vendor's workstation from the board's DTB and a
 * /proc/iomem snapshot, with the module's own parser and validator
 * (module/regions.c, built unchanged). See pmmio-check(1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>
#include <linux/mm.h>
#include <linux/of.h>

#include "../module/host.h"
#include "../module/regions.h"
#include "dtb.h"
#include "iomem.h"

#define MODNAME		"pkvm_protected_mmio"
/* param_set_charp() refuses a longer string parameter. */
#define MAX_PARAM_LEN	1024

enum { ACCEPTED = 0, REFUSED = 1, USAGE = 2 };

#define TOO_DEEP \
	"the device tree is deeper than 64 levels, or has a path longer than 1023 characters"

/* module/main.c's words. */
#define NO_REGIONS \
	"no regions given: set %s.regions=ADDR+SIZE[,...] on the kernel command line or in modprobe.d of the initramfs (not every pKVM loader passes modprobe command-line options), or add a device-tree node compatible with \"%s\""

static void *fdt;
static bool have_iomem;

static void print_help(FILE *out)
{
	fputs("Usage: pmmio-check [--dtb FILE [--dtbo FILE]...] [--iomem FILE] [--pa-bits N]\n"
	      "                   [--regions SPEC]\n"
	      "\n"
	      "What pkvm_protected_mmio will decide about a region set, decided with its\n"
	      "own code: the refusal lines it would log, or, if it accepts the set, the\n"
	      "kernel command line and the modprobe.d line to use.\n"
	      "\n"
	      "  --dtb FILE       the board's DTB: regions (nodes compatible with\n"
	      "                   \"pkvm,protected-mmio\") and RAM (memory, reserved-memory)\n"
	      "  --dtbo FILE      an overlay, applied as the bootloader would (repeatable)\n"
	      "  --iomem FILE     a /proc/iomem snapshot, taken as root: busy devices, RAM\n"
	      "  --pa-bits N      pKVM's physical address bits (default 52)\n"
	      "  --regions SPEC   the value of pkvm_protected_mmio.regions=\n"
	      "  -h, --help       this text\n"
	      "\n"
	      "At least one of --dtb and --iomem. Exit status: 0 accepted, 1 refused,\n"
	      "2 usage error.\n", out);
}

static bool overlaps_ram(u64 base, u64 size)
{
	return (fdt && dtb_overlaps_ram(fdt, base, size)) ||
	       (have_iomem && iomem_overlaps_ram(base, size));
}

static enum pmmio_iomem no_iomem_state(u64 base, u64 size, char *holder, size_t len)
{
	holder[0] = '\0';
	return PMMIO_IOMEM_FREE;
}

static int fail_usage(const char *what)
{
	fprintf(stderr, "pmmio-check: %s\n", what);
	return USAGE;
}

/*
 * What the snapshot cannot say about a busy range: the device-tree node
 * it belongs to, and whether that is the console.
 */
static void print_holder_node(const struct pmmio_entry *e)
{
	const struct device_node *np = fdt ? of_shim_node_covering(e->base, e->size) : NULL;
	const char *compat, *stdout_path;
	char path[256];
	int len;

	if (!np)
		return;
	compat = fdt_getprop(fdt, np->offset, "compatible", &len);
	printf("pmmio-check: 0x%llx-0x%llx is in node %s (compatible \"%s\")",
	       (unsigned long long)e->base, (unsigned long long)(e->base + e->size - 1),
	       np->full_name, compat && len > 0 ? compat : "");
	stdout_path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", &len);
	if (stdout_path && len > 0) {
		snprintf(path, sizeof(path), "%.*s", (int)strcspn(stdout_path, ":"), stdout_path);
		if (fdt_path_offset(fdt, path) == np->offset)
			printf(", the console (/chosen stdout-path)");
	}
	printf("\n");
}

static void print_refusals(const struct pmmio_set *set)
{
	static char line[640];
	unsigned int i;

	for (i = 0; i < set->nr_refusals; i++) {
		const struct pmmio_refusal *r = &set->refusals[i];

		pmmio_format_refusal(line, sizeof(line), set, r);
		printf(MODNAME ": %s\n", line);
		if (r->reason == PMMIO_BUSY || r->reason == PMMIO_PARTLY_BUSY)
			print_holder_node(r->entry);
	}
	printf(MODNAME ": refused %u of %u regions: nothing protected\n",
	       set->nr_refusals, set->nr_given);
}

static void print_accepted(const struct pmmio_set *set, const char *regions)
{
	static char name[320];
	unsigned int i;

	for (i = 0; i < set->nr_entries; i++) {
		const struct pmmio_entry *e = &set->entries[i];

		pmmio_format_entry(name, sizeof(name), e);
		printf(MODNAME ": region %u%s%s%s: 0x%llx-0x%llx (%llu page%s) accepted, from %s\n",
		       i, e->label ? " (" : "", e->label ?: "", e->label ? ")" : "",
		       (unsigned long long)e->base,
		       (unsigned long long)(e->base + e->size - 1),
		       (unsigned long long)(e->size / PAGE_SIZE),
		       e->size == PAGE_SIZE ? "" : "s", name);
		if (e->busy)
			printf(MODNAME
			       ": region %u: allow-busy: accepted although %s holds it; that driver keeps its claim and faults on any access\n",
			       i, e->holder[0] ? e->holder : "a driver");
	}
	printf("kernel command line: kvm-arm.protected_modules=" MODNAME "%s%s\n",
	       *regions ? " " MODNAME ".regions=" : "", regions);
	if (*regions)
		printf("modprobe.d: options " MODNAME " regions=%s\n", regions);
	else
		printf("modprobe.d: nothing: the regions come from the device tree\n");
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "dtb", required_argument, NULL, 'd' },
		{ "dtbo", required_argument, NULL, 'o' },
		{ "iomem", required_argument, NULL, 'i' },
		{ "pa-bits", required_argument, NULL, 'p' },
		{ "regions", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{}
	};
	struct pmmio_platform platform = {
		.pa_limit = 1ULL << 52,
		.overlaps_ram = overlaps_ram,
		.iomem_state = no_iomem_state,
	};
	const char *dtb = NULL, *iomem = NULL, *regions = "";
	static const char **dtbos;
	static struct pmmio_set set;
	unsigned int nr_dtbos = 0, i;
	unsigned long bits;
	static char *copy;
	char err[512], *end;
	int opt, ret;

	dtbos = calloc(argc, sizeof(*dtbos));
	if (!dtbos)
		return fail_usage("out of memory");
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (opt) {
		case 'd':
			dtb = optarg;
			break;
		case 'o':
			dtbos[nr_dtbos++] = optarg;
			break;
		case 'i':
			iomem = optarg;
			break;
		case 'p':
			bits = strtoul(optarg, &end, 10);
			if (end == optarg || *end || bits < 32 || bits > 52)
				return fail_usage("--pa-bits takes a number from 32 to 52");
			platform.pa_limit = 1ULL << bits;
			break;
		case 'r':
			regions = optarg;
			break;
		case 'h':
			print_help(stdout);
			return 0;
		default:
			print_help(stderr);
			return USAGE;
		}
	}
	if (optind < argc)
		return fail_usage("unexpected argument; see --help");
	if (!dtb && !iomem)
		return fail_usage("without --dtb or --iomem, RAM is unknown; see --help");
	if (nr_dtbos && !dtb)
		return fail_usage("--dtbo needs --dtb");

	if (dtb) {
		fdt = dtb_load(dtb, err, sizeof(err));
		if (!fdt)
			return fail_usage(err);
		for (i = 0; i < nr_dtbos; i++)
			if (dtb_apply_overlay(&fdt, dtbos[i], err, sizeof(err)))
				return fail_usage(err);
		ret = of_shim_init(fdt);
		if (ret)
			return fail_usage(ret == -E2BIG ? TOO_DEEP : "out of memory");
	}
	if (iomem) {
		if (iomem_load(iomem, err, sizeof(err)))
			return fail_usage(err);
		have_iomem = true;
		platform.iomem_state = iomem_state;
	} else {
		fprintf(stderr,
			"pmmio-check: no --iomem: whether drivers hold the regions is not checked\n");
	}

	/* As the kernel does before the module sees the value. */
	if (strlen(regions) > MAX_PARAM_LEN) {
		printf("regions: string parameter too long\n");
		return REFUSED;
	}
	copy = strdup(regions);
	if (!copy)
		return fail_usage("out of memory");
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", copy);
	if (fdt && pmmio_of_add_entries(&set))
		return fail_usage("out of memory");
	if (of_shim_unsupported())
		return fail_usage(of_shim_unsupported());
	if (!set.nr_given) {
		printf(MODNAME ": " NO_REGIONS "\n", MODNAME, PMMIO_OF_COMPATIBLE);
		return REFUSED;
	}
	if (pmmio_validate(&set, &platform)) {
		print_refusals(&set);
		return REFUSED;
	}
	print_accepted(&set, regions);
	return ACCEPTED;
}
