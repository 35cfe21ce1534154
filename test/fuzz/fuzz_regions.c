// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over module/regions.c, the shipped parser and
 * validator, with the host unit tests' stand-ins for the kernel library
 * and the platform of test/cases/regions_cases.h (RAM, a busy page, a
 * device resource, a 40-bit PA limit).
 *
 * Input: the regions= string, then, after a 0xff byte, device-tree entries
 * of 17 bytes (base, size, flags). Checked on every input, beyond what
 * ASan and UBSan catch: an accepted set holds only what validation
 * promises (page-aligned, non-empty regions inside the PA limit, no RAM,
 * no overlap, nothing busy unless allowed), and so does what a refused
 * one left unrefused; a refused one refuses each entry at most once, in
 * input order, and every message fits its buffer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "../../module/regions.h"
#include "../cases/regions_cases.h"
#include "require.h"

#define PAGE		4096ULL
#define DT_RECORD	17

static struct pmmio_set set;

static u64 read_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void add_dt_entries(const u8 *p, size_t len)
{
	struct pmmio_entry *e;
	unsigned int i;

	for (i = 0; len >= DT_RECORD; i++, p += DT_RECORD, len -= DT_RECORD) {
		e = pmmio_add_dt_entry(&set, "/fuzz", p[16] & 4 ? "label" : NULL, i);
		if (!e)
			continue;
		if (p[16] & 2) {
			pmmio_refuse(&set, e, PMMIO_DT_UNTRANSLATABLE);
			continue;
		}
		pmmio_set_dt_range(e, read_u64(p), read_u64(p + 8));
		e->allow_busy = p[16] & 1;
	}
}

/*
 * Every entry left unrefused, in an accepted set or a refused one, is a
 * valid region that overlaps no other unrefused one: a refused set must
 * have refused every bad entry, not just one.
 */
static void check_unrefused(void)
{
	const struct pmmio_entry *e, *f;
	unsigned int i, j;
	char holder[PMMIO_HOLDER_LEN];

	for (i = 0; i < set.nr_entries && i < PMMIO_MAX_REGIONS; i++) {
		e = &set.entries[i];
		if (e->refused)
			continue;
		require(!e->whole_node);
		require(e->size && !(e->base % PAGE) && !(e->size % PAGE));
		require(e->base + (e->size - 1) >= e->base);
		require(e->base + (e->size - 1) < PA_LIMIT);
		require(!fake_overlaps_ram(e->base, e->size));
		switch (fake_iomem_state(e->base, e->size, holder, sizeof(holder))) {
		case PMMIO_IOMEM_FREE:
			require(!e->busy);
			break;
		case PMMIO_IOMEM_BUSY:
			require(e->allow_busy && e->busy);
			break;
		default:
			require(0);
		}
		for (j = 0; j < i; j++) {
			f = &set.entries[j];
			require(f->refused || e->base + e->size <= f->base ||
				f->base + f->size <= e->base);
		}
	}
}

static void check_refused(void)
{
	static char line[640];
	const struct pmmio_refusal *r;
	unsigned int i, idx, prev = 0;
	int n;

	require(set.nr_refusals <= PMMIO_MAX_REGIONS + 1);
	for (i = 0; i < set.nr_refusals; i++) {
		r = &set.refusals[i];
		require(r->entry >= set.entries &&
			r->entry < set.entries + set.nr_entries);
		idx = r->entry - set.entries;
		require(!i || idx > prev);	/* once each, in input order */
		prev = idx;
		require(r->entry->refused || idx == PMMIO_MAX_REGIONS);
		require(!r->other || (r->other >= set.entries &&
				      r->other < set.entries + set.nr_entries &&
				      r->other != r->entry));
		/* Short of the buffer's end: nothing was cut off. */
		n = pmmio_format_refusal(line, sizeof(line), &set, r);
		require(n >= 0 && (size_t)n < sizeof(line) - 1 &&
			strlen(line) == (size_t)n);
	}
	for (i = 0; i < set.nr_entries && i < PMMIO_MAX_REGIONS; i++) {
		unsigned int k, found = 0;

		for (k = 0; k < set.nr_refusals; k++)
			found += set.refusals[k].entry == &set.entries[i];
		require(found == set.entries[i].refused);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	const u8 *sep = memchr(data, 0xff, size);
	size_t len = sep ? (size_t)(sep - data) : size;
	char *list = malloc(len + 1);
	int ret;

	memcpy(list, data, len);
	list[len] = '\0';
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	if (sep)
		add_dt_entries(sep + 1, size - len - 1);
	ret = pmmio_validate(&set, &platform);

	require(set.nr_entries <= PMMIO_MAX_REGIONS + 1);
	require((ret == 0) == (set.nr_refusals == 0));
	require(ret == 0 || ret == -EINVAL);
	if (set.nr_given > PMMIO_MAX_REGIONS)
		require(ret);
	if (ret) {
		check_refused();
	} else {
		require(set.nr_given == set.nr_entries &&
			set.nr_given <= PMMIO_MAX_REGIONS);
		for (unsigned int i = 0; i < set.nr_entries; i++)
			require(!set.entries[i].refused);
	}
	check_unrefused();
	free(list);
	return 0;
}
