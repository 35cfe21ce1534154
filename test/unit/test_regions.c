// SPDX-License-Identifier: GPL-2.0-only
/*
 * module/regions.c: every input is parsed and validated as a whole, and
 * each refused entry gets the exact reason.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/kernel.h>

#include "../../module/regions.h"

/* A 40-bit machine with RAM at 1 GiB and a claimed UART page, like QEMU virt. */
#define PA_LIMIT	0x10000000000ULL
#define RAM_START	0x40000000ULL
#define RAM_END		0x80000000ULL
#define BUSY_START	0x09000000ULL
#define BUSY_END	0x09001000ULL

static bool fake_overlaps_ram(u64 base, u64 size)
{
	return base < RAM_END && RAM_START < base + size;
}

static bool fake_is_busy(u64 base, u64 size)
{
	return base < BUSY_END && BUSY_START < base + size;
}

static const struct pmmio_platform platform = {
	.pa_limit = PA_LIMIT,
	.overlaps_ram = fake_overlaps_ram,
	.is_busy = fake_is_busy,
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

static void check_case(void **state)
{
	const struct parse_case *c = *state;
	struct pmmio_set set;
	char *list = strdup(c->input);
	unsigned int i;
	int ret;

	assert_non_null(list);
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	ret = pmmio_validate(&set, &platform);

	assert_int_equal(set.nr_entries, c->nr_entries);
	assert_int_equal(set.nr_refusals, c->nr_refused);
	assert_int_equal(ret, c->nr_refused ? -EINVAL : 0);
	for (i = 0; i < c->nr_refused; i++) {
		const struct pmmio_refusal *r = &set.refusals[i];

		assert_ptr_equal(r->entry, &set.entries[c->refused[i].entry]);
		assert_string_equal(pmmio_reason_str(r->reason),
				    pmmio_reason_str(c->refused[i].reason));
		if (c->refused[i].other == NONE)
			assert_null(r->other);
		else
			assert_ptr_equal(r->other,
					 &set.entries[c->refused[i].other]);
	}
	if (!c->nr_refused) {
		for (i = 0; i < c->nr_entries && i < 2; i++) {
			assert_int_equal(set.entries[i].base, c->regions[i].base);
			assert_int_equal(set.entries[i].size, c->regions[i].size);
		}
	}
	free(list);
}

static char *numbered_list(unsigned int n)
{
	char *list = calloc(n, 32);
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		len += sprintf(list + len, "%s0x%x+4K", i ? "," : "",
			       0x20000000 + i * 0x2000);
	return list;
}

static void maximum_is_accepted(void **state)
{
	char *list = numbered_list(PMMIO_MAX_REGIONS);
	struct pmmio_set set;

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	assert_int_equal(pmmio_validate(&set, &platform), 0);
	assert_int_equal(set.nr_entries, PMMIO_MAX_REGIONS);
	free(list);
}

static void one_too_many_is_refused(void **state)
{
	char *list = numbered_list(PMMIO_MAX_REGIONS + 3);
	struct pmmio_set set;
	char line[160], want[160];

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_given, PMMIO_MAX_REGIONS + 3);
	assert_int_equal(set.nr_refusals, 1);
	assert_int_equal(set.refusals[0].reason, PMMIO_TOO_MANY);
	assert_ptr_equal(set.refusals[0].entry,
			 &set.entries[PMMIO_MAX_REGIONS]);
	pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[0]);
	snprintf(want, sizeof(want),
		 "regions= entry %u \"0x%x+4K\": too many regions (%u given, at most %u)",
		 PMMIO_MAX_REGIONS, 0x20000000 + PMMIO_MAX_REGIONS * 0x2000,
		 PMMIO_MAX_REGIONS + 3, PMMIO_MAX_REGIONS);
	assert_string_equal(line, want);
	free(list);
}

/* The user sees the entry exactly as written, even after parsing. */
static void message_names_entry_and_reason(void **state)
{
	char list[] = "0x9030000+8K,0x10000000+2M,0x9031000+4K,0x9030004+4K";
	struct pmmio_set set;
	char line[160];

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 2);
	pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[0]);
	assert_string_equal(line,
			    "regions= entry 2 \"0x9031000+4K\": overlaps regions= entry 0 \"0x9030000+8K\"");
	pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[1]);
	assert_string_equal(line,
			    "regions= entry 3 \"0x9030004+4K\": address is not page aligned");
}

static void two_sources_share_one_set(void **state)
{
	char params[] = "0x9030000+4K";
	char dt[] = "0x9030000+4K";
	struct pmmio_set set;
	char line[160];

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	pmmio_parse_regions(&set, "/pmmio@9030000", dt);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[0]);
	assert_string_equal(line,
			    "/pmmio@9030000 entry 0 \"0x9030000+4K\": duplicates regions= entry 0 \"0x9030000+4K\"");
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(maximum_is_accepted),
		cmocka_unit_test(one_too_many_is_refused),
		cmocka_unit_test(message_names_entry_and_reason),
		cmocka_unit_test(two_sources_share_one_set),
	};
	static struct CMUnitTest tests[ARRAY_SIZE(cases) + ARRAY_SIZE(fixed)];
	unsigned int n = 0, i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		tests[n++] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = check_case,
			.initial_state = (void *)&cases[i],
		};
	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		tests[n++] = fixed[i];

	return _cmocka_run_group_tests("regions", tests, n, NULL, NULL);
}
