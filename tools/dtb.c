// SPDX-License-Identifier: GPL-2.0-only
/*
 * The board's device tree through Debian's libfdt: overlays applied with
 * fdt_overlay_apply(), as bootloaders do, and RAM read as the kernel's
 * early scan reads it (drivers/of/fdt.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "dtb.h"

/* SUBSECTION_SHIFT on arm64: 2 MiB. */
#define SUBSECTION_SIZE	(2ULL << 20)

static void *read_file(const char *path, size_t extra, size_t *size, char *err, size_t len)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;
	FILE *f;

	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			char *more = realloc(buf, cap = cap ? 2 * cap : 65536);

			if (!more) {
				snprintf(err, len, "out of memory");
				goto fail;
			}
			buf = more;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f)) {
			snprintf(err, len, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (feof(f))
			break;
	}
	fclose(f);
	*size = n;
	if (extra) {
		char *more = realloc(buf, n + extra);

		if (!more) {
			free(buf);
			snprintf(err, len, "out of memory");
			return NULL;
		}
		buf = more;
	}
	return buf;

fail:
	free(buf);
	fclose(f);
	return NULL;
}

static int check_fdt(const void *fdt, size_t size, const char *path, char *err, size_t len)
{
	int ret;

	if (size < sizeof(struct fdt_header) || fdt_totalsize(fdt) > size) {
		snprintf(err, len, "%s: not a flattened device tree (or cut short)", path);
		return -1;
	}
	ret = fdt_check_full(fdt, size);
	if (ret) {
		snprintf(err, len, "%s: not a valid device tree: %s", path, fdt_strerror(ret));
		return -1;
	}
	return 0;
}

void *dtb_load(const char *path, char *err, size_t len)
{
	size_t size;
	void *fdt = read_file(path, 0, &size, err, len);

	if (!fdt)
		return NULL;
	if (check_fdt(fdt, size, path, err, len)) {
		free(fdt);
		return NULL;
	}
	return fdt;
}

int dtb_apply_overlay(void **fdt, const char *path, char *err, size_t len)
{
	size_t size, room;
	void *overlay, *bigger;
	int ret;

	overlay = read_file(path, 0, &size, err, len);
	if (!overlay)
		return -1;
	if (check_fdt(overlay, size, path, err, len))
		goto fail;
	/* Room for what the overlay adds, and its fix-ups. */
	room = fdt_totalsize(*fdt) + 2 * size;
	bigger = malloc(room);
	if (!bigger) {
		snprintf(err, len, "out of memory");
		goto fail;
	}
	ret = fdt_open_into(*fdt, bigger, room);
	if (!ret)
		ret = fdt_overlay_apply(bigger, overlay);
	if (ret) {
		snprintf(err, len, "%s: cannot be applied: %s", path, fdt_strerror(ret));
		free(bigger);
		goto fail;
	}
	free(*fdt);
	*fdt = bigger;
	free(overlay);
	return 0;

fail:
	free(overlay);
	return -1;
}

static unsigned int root_cells(const void *fdt, const char *name)
{
	const fdt32_t *p = fdt_getprop(fdt, 0, name, NULL);

	/* OF_ROOT_NODE_{ADDR,SIZE}_CELLS_DEFAULT */
	return p ? fdt32_to_cpu(*p) : 1;
}

static u64 read_cells(const fdt32_t *p, unsigned int n)
{
	u64 v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* Does a reg entry of @node, widened to whole subsections, meet [base, end]? */
static bool reg_meets(const void *fdt, int node, u64 base, u64 end)
{
	unsigned int na = root_cells(fdt, "#address-cells");
	unsigned int ns = root_cells(fdt, "#size-cells");
	const fdt32_t *reg;
	int len, i;

	if (!na || na > 2 || ns > 2)
		return false;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len <= 0)
		return false;
	for (i = 0; i + (int)(na + ns) <= len / 4; i += na + ns) {
		u64 start = read_cells(reg + i, na);
		u64 size = read_cells(reg + i + na, ns);
		u64 last;

		if (!size)
			continue;
		last = start + size - 1;
		if (last < start)
			last = ~0ULL;
		start &= ~(SUBSECTION_SIZE - 1);
		last |= SUBSECTION_SIZE - 1;
		if (start <= end && last >= base)
			return true;
	}
	return false;
}

bool dtb_overlaps_ram(const void *fdt, u64 base, u64 size)
{
	u64 end = base + size - 1;
	int node, resv;

	/* early_init_dt_scan_memory(): device_type "memory", not disabled. */
	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const char *status = fdt_getprop(fdt, node, "status", NULL);

		if (!type || strcmp(type, "memory"))
			continue;
		if (status && strcmp(status, "okay") && strcmp(status, "ok"))
			continue;
		if (reg_meets(fdt, node, base, end))
			return true;
	}
	resv = fdt_path_offset(fdt, "/reserved-memory");
	if (resv < 0)
		return false;
	fdt_for_each_subnode(node, fdt, resv)
		if (reg_meets(fdt, node, base, end))
			return true;
	return false;
}
