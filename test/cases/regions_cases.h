/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cases for module/regions.c, shared by the host tests (cmocka, kernel
 * library stand-ins) and the in-kernel tests (KUnit, the real library):
 * one table, checked against both.
 */
#ifndef PMMIO_REGIONS_CASES_H
#define PMMIO_REGIONS_CASES_H

/*
 * A 40-bit machine with RAM at 1 GiB, a UART page its driver holds, and an
 * RTC page whose device has a resource but no driver, like QEMU virt.
 */
#define PA_LIMIT	0x10000000000ULL
#define RAM_START	0x40000000ULL
#define RAM_END		0x80000000ULL
#define BUSY_START	0x09000000ULL
#define BUSY_END	0x09001000ULL

static bool fake_overlaps_ram(u64 base, u64 size)
{
	return base < RAM_END && RAM_START < base + size;
}

#define BUSY_HOLDER	"uart-pl011 (9000000.pl011)"
#define DEVICE_START	0x09010000ULL
#define DEVICE_END	0x09011000ULL

/* As request_mem_region() sees the iomem tree. */
static enum pmmio_iomem fake_iomem_state(u64 base, u64 size, char *holder,
					 size_t len)
{
	u64 end = base + size;

	if (base < BUSY_END && BUSY_START < end) {
		snprintf(holder, len, "%s", BUSY_HOLDER);
		return base >= BUSY_START && end <= BUSY_END ?
		       PMMIO_IOMEM_BUSY : PMMIO_IOMEM_PARTLY_BUSY;
	}
	/* A claim nests inside a resource, not across or around it. */
	if (base < DEVICE_END && DEVICE_START < end &&
	    (base < DEVICE_START || end > DEVICE_END))
		return PMMIO_IOMEM_STRADDLES;
	return PMMIO_IOMEM_FREE;
}

static const struct pmmio_platform platform = {
	.pa_limit = PA_LIMIT,
	.overlaps_ram = fake_overlaps_ram,
	.iomem_state = fake_iomem_state,
};

#define NONE (-1)

struct want_refusal {
	unsigned int entry;
	enum pmmio_reason reason;
	int other;
};

struct want_region {
	u64 base;
	u64 size;
};

struct parse_case {
	const char *name;
	const char *input;
	unsigned int nr_entries;
	struct want_region regions[2];
	struct want_refusal refused[3];
	unsigned int nr_refused;
};

#define OK(n, in, cnt, ...) \
	{ .name = n, .input = in, .nr_entries = cnt, .regions = { __VA_ARGS__ } }
#define BAD(n, in, cnt, nr, ...) \
	{ .name = n, .input = in, .nr_entries = cnt, .nr_refused = nr, \
	  .refused = { __VA_ARGS__ } }
#define R(e, why) { e, why, NONE }
#define R2(e, why, o) { e, why, o }

static const struct parse_case cases[] = {
	OK("hex_4k", "0x9030000+4K", 1, { 0x9030000, 0x1000 }),
	OK("hex_size", "0x9030000+0x1000", 1, { 0x9030000, 0x1000 }),
	OK("decimal", "151191552+4096", 1, { 0x9030000, 0x1000 }),
	OK("lowercase_suffix", "0x9030000+4k", 1, { 0x9030000, 0x1000 }),
	OK("mega", "0x10000000+2M", 1, { 0x10000000, 0x200000 }),
	OK("giga_above_4g", "0x100000000+1G", 1, { 0x100000000, 0x40000000 }),
	OK("hex_with_suffix", "0x10000000+0x2M", 1, { 0x10000000, 0x200000 }),
	OK("octal_size", "0x9030000+010000", 1, { 0x9030000, 0x1000 }),
	OK("two_regions", "0x9030000+4K,0x10000000+2M", 2,
	   { 0x9030000, 0x1000 }, { 0x10000000, 0x200000 }),
	OK("adjacent", "0x9031000+4K,0x9030000+4K", 2,
	   { 0x9031000, 0x1000 }, { 0x9030000, 0x1000 }),
	OK("ends_at_pa_limit", "0xfffffff000+4K", 1, { 0xfffffff000, 0x1000 }),
	OK("next_to_ram", "0x3ffff000+4K", 1, { 0x3ffff000, 0x1000 }),
	OK("empty_list", "", 0),
	OK("busy_allowed", "0x9000000+4K:allow-busy", 1, { 0x9000000, 0x1000 }),
	OK("allow_busy_not_busy", "0x9030000+4K:allow-busy", 1,
	   { 0x9030000, 0x1000 }),

	BAD("empty_middle", "0x9030000+4K,,0x10000000+2M", 3, 1,
	    R(1, PMMIO_EMPTY)),
	BAD("trailing_comma", "0x9030000+4K,", 2, 1, R(1, PMMIO_EMPTY)),
	BAD("only_comma", ",", 2, 2, R(0, PMMIO_EMPTY), R(1, PMMIO_EMPTY)),
	BAD("addr_word", "zz+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("addr_missing", "+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("addr_negative", "-0x9030000+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("addr_blank", " 0x9030000+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("addr_bad_octal", "08+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("addr_with_suffix", "1G+4K", 1, 1, R(0, PMMIO_BAD_ADDR)),
	BAD("no_plus", "0x9030000", 1, 1, R(0, PMMIO_NO_SIZE)),
	BAD("plus_nothing", "0x9030000+", 1, 1, R(0, PMMIO_NO_SIZE)),
	BAD("size_unknown_suffix", "0x9030000+4Q", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("size_suffix_only", "0x9030000+K", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("size_two_suffixes", "0x9030000+4KK", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("size_negative", "0x9030000+-4K", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("size_plus_sign", "0x9030000++4096", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("size_blank", "0x9030000+4 K", 1, 1, R(0, PMMIO_BAD_SIZE)),
	BAD("addr_65_bits", "0x10000000000000000+4K", 1, 1, R(0, PMMIO_TOO_BIG)),
	BAD("size_65_bits", "0x9030000+0x10000000000000000", 1, 1,
	    R(0, PMMIO_TOO_BIG)),
	/* The kernel's kstrtou64() sees the overflow before the stray byte. */
	BAD("addr_overflow_then_garbage", "99999999999999999999z+4K", 1, 1,
	    R(0, PMMIO_TOO_BIG)),
	BAD("size_overflow_then_garbage", "0x9030000+99999999999999999999z", 1, 1,
	    R(0, PMMIO_TOO_BIG)),
	BAD("hex_overflow_then_garbage", "0x10000000000000000g+4K", 1, 1,
	    R(0, PMMIO_TOO_BIG)),
	BAD("suffix_overflow", "0x9030000+16E", 1, 1, R(0, PMMIO_TOO_BIG)),
	BAD("suffix_overflow_odd", "0x9030000+0x7fffffffffffffK", 1, 1,
	    R(0, PMMIO_TOO_BIG)),
	BAD("zero_size", "0x9030000+0", 1, 1, R(0, PMMIO_ZERO_SIZE)),
	BAD("zero_size_suffix", "0x9030000+0K", 1, 1, R(0, PMMIO_ZERO_SIZE)),
	BAD("addr_unaligned", "0x9030800+4K", 1, 1, R(0, PMMIO_ADDR_UNALIGNED)),
	BAD("size_unaligned", "0x9030000+100", 1, 1, R(0, PMMIO_SIZE_UNALIGNED)),
	BAD("wraps", "0xfffffffffffff000+8K", 1, 1, R(0, PMMIO_WRAPS)),
	BAD("top_page", "0xfffffffffffff000+4K", 1, 1, R(0, PMMIO_BEYOND_PA)),
	BAD("at_pa_limit", "0x10000000000+4K", 1, 1, R(0, PMMIO_BEYOND_PA)),
	BAD("across_pa_limit", "0xfffffff000+8K", 1, 1, R(0, PMMIO_BEYOND_PA)),
	BAD("ram", "0x40000000+4K", 1, 1, R(0, PMMIO_RAM)),
	BAD("into_ram", "0x3ffff000+8K", 1, 1, R(0, PMMIO_RAM)),
	BAD("busy", "0x9000000+4K", 1, 1, R(0, PMMIO_BUSY)),
	BAD("allow_busy_never_ram", "0x40000000+4K:allow-busy", 1, 1,
	    R(0, PMMIO_RAM)),
	BAD("partly_busy", "0x8fff000+8K", 1, 1, R(0, PMMIO_BUSY)),
	BAD("partly_busy_allowed", "0x9000000+8K:allow-busy", 1, 1,
	    R(0, PMMIO_PARTLY_BUSY)),
	OK("inside_device", "0x9010000+4K", 1, { 0x9010000, 0x1000 }),
	BAD("across_device", "0x900f000+8K", 1, 1, R(0, PMMIO_STRADDLES)),
	BAD("around_device", "0x900f000+12K", 1, 1, R(0, PMMIO_STRADDLES)),
	BAD("around_device_allowed", "0x900f000+12K:allow-busy", 1, 1,
	    R(0, PMMIO_STRADDLES)),
	BAD("option_unknown", "0x9030000+4K:allow", 1, 1, R(0, PMMIO_BAD_OPTION)),
	BAD("option_empty", "0x9030000+4K:", 1, 1, R(0, PMMIO_BAD_OPTION)),
	BAD("option_twice", "0x9030000+4K:allow-busy:allow-busy", 1, 1,
	    R(0, PMMIO_BAD_OPTION)),
	BAD("option_uppercase", "0x9030000+4K:ALLOW-BUSY", 1, 1,
	    R(0, PMMIO_BAD_OPTION)),
	BAD("option_bad_size_first", "0x9030000+4Q:allow-busy", 1, 1,
	    R(0, PMMIO_BAD_SIZE)),
	BAD("option_no_size", "0x9030000:allow-busy", 1, 1, R(0, PMMIO_NO_SIZE)),
	BAD("option_size_missing", "0x9030000+:allow-busy", 1, 1,
	    R(0, PMMIO_NO_SIZE)),
	BAD("duplicate", "0x9030000+4K,0x9030000+4K", 2, 1,
	    R2(1, PMMIO_DUPLICATE, 0)),
	BAD("overlap_tail", "0x9030000+8K,0x9031000+4K", 2, 1,
	    R2(1, PMMIO_OVERLAP, 0)),
	BAD("overlap_lower_later", "0x9031000+4K,0x9030000+8K", 2, 1,
	    R2(0, PMMIO_OVERLAP, 1)),
	BAD("overlap_far_apart", "0x10000000+2M,0x9030000+4K,0x10100000+4K", 3, 1,
	    R2(2, PMMIO_OVERLAP, 0)),
	BAD("overlap_inside_big", "0x10000000+2M,0x10001000+4K,0x10002000+4K",
	    3, 2, R2(1, PMMIO_OVERLAP, 0), R2(2, PMMIO_OVERLAP, 0)),
	BAD("every_mistake_reported", "0x9030000+4K,bad,0x9030800+4K", 3, 2,
	    R(1, PMMIO_NO_SIZE), R(2, PMMIO_ADDR_UNALIGNED)),
	BAD("refused_entry_no_overlap", "0x9030000+8K,0x9031000+0", 2, 1,
	    R(1, PMMIO_ZERO_SIZE)),
};

/*
 * Parse and validate @c->input into @set. Returns NULL if the outcome is
 * the expected one, or a description of the first difference (in @why).
 */
static const char *__maybe_unused
regions_case_failure(const struct parse_case *c, struct pmmio_set *set,
		     char *why, size_t len)
{
	const struct pmmio_entry *other;
	const struct pmmio_refusal *r;
	char list[128];
	unsigned int i;
	int ret;

	snprintf(list, sizeof(list), "%s", c->input);
	pmmio_set_init(set);
	pmmio_parse_regions(set, "regions=", list);
	ret = pmmio_validate(set, &platform);

	if (set->nr_entries != c->nr_entries) {
		snprintf(why, len, "%u entries, want %u", set->nr_entries,
			 c->nr_entries);
		return why;
	}
	if (set->nr_refusals != c->nr_refused ||
	    ret != (c->nr_refused ? -EINVAL : 0)) {
		snprintf(why, len, "%u refusals (ret %d), want %u",
			 set->nr_refusals, ret, c->nr_refused);
		return why;
	}
	for (i = 0; i < c->nr_refused; i++) {
		const struct want_refusal *w = &c->refused[i];

		r = &set->refusals[i];
		other = w->other == NONE ? NULL : &set->entries[w->other];
		if (r->entry != &set->entries[w->entry] ||
		    r->reason != w->reason || r->other != other) {
			snprintf(why, len, "refusal %u: entry %ld \"%s\", want entry %u \"%s\"",
				 i, (long)(r->entry - set->entries),
				 pmmio_reason_str(r->reason), w->entry,
				 pmmio_reason_str(w->reason));
			return why;
		}
	}
	for (i = 0; !c->nr_refused && i < c->nr_entries && i < 2; i++) {
		if (set->entries[i].base != c->regions[i].base ||
		    set->entries[i].size != c->regions[i].size) {
			snprintf(why, len, "entry %u is 0x%llx+0x%llx, want 0x%llx+0x%llx",
				 i, (unsigned long long)set->entries[i].base,
				 (unsigned long long)set->entries[i].size,
				 (unsigned long long)c->regions[i].base,
				 (unsigned long long)c->regions[i].size);
			return why;
		}
	}
	return NULL;
}

/* Host stage-2 table pages a set may pin, on the 40-bit machine above. */
struct table_pages_case {
	const char *name;
	const char *input;
	u64 pages;
};

static const struct table_pages_case table_pages_cases[] = {
	/* A 2 MiB table, a 1 GiB one, a 512 GiB one; the root is pKVM's. */
	{ "one_page", "0x9030000+4K", 3 },
	{ "one_block_aligned", "0x10000000+2M", 3 },
	{ "one_block_across_two", "0x10100000+2M", 4 },
	{ "two_pages_one_table", "0x9030000+4K,0x9031000+4K", 3 },
	{ "shared_table_lower_given_later", "0x9031000+4K,0x9030000+4K", 3 },
	{ "defaults", "0x9030000+4K,0x10000000+2M", 4 },
	{ "a_gigabyte", "0x100000000+1G", 514 },
	{ "gigabytes_apart", "0x9030000+4K,0x100000000+4K", 5 },
	{ "512g_apart", "0x9030000+4K,0x8000000000+4K", 6 },
};

/*
 * Parse and validate @c->input, which must be accepted, into @set; NULL if
 * pmmio_table_pages() counts @c->pages, else the difference (in @why).
 */
static const char *__maybe_unused
table_pages_case_failure(const struct table_pages_case *c,
			 struct pmmio_set *set, char *why, size_t len)
{
	char list[128];
	u64 pages;

	snprintf(list, sizeof(list), "%s", c->input);
	pmmio_set_init(set);
	pmmio_parse_regions(set, "regions=", list);
	if (pmmio_validate(set, &platform)) {
		snprintf(why, len, "refused");
		return why;
	}
	pages = pmmio_table_pages(set, PA_LIMIT);
	if (pages != c->pages) {
		snprintf(why, len, "%llu table pages, want %llu",
			 (unsigned long long)pages, (unsigned long long)c->pages);
		return why;
	}
	return NULL;
}

#endif /* PMMIO_REGIONS_CASES_H */
