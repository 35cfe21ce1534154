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
#include "../cases/regions_cases.h"

static struct pmmio_set set;

static void check_case(void **state)
{
	const struct parse_case *c = *state;
	char why[160];
	const char *failure = regions_case_failure(c, &set, why, sizeof(why));

	if (failure)
		fail_msg("%s: %s", c->input, failure);
}

static void check_table_pages_case(void **state)
{
	const struct table_pages_case *c = *state;
	char why[160];
	const char *failure = table_pages_case_failure(c, &set, why, sizeof(why));

	if (failure)
		fail_msg("%s: %s", c->input, failure);
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

static struct pmmio_entry *dt_entry(const char *path, unsigned int index,
				    u64 base, u64 size)
{
	struct pmmio_entry *e = pmmio_add_dt_entry(&set, path, NULL, index);

	assert_non_null(e);
	pmmio_set_dt_range(e, base, size);
	return e;
}

static void refusal_line(unsigned int i, const char *want)
{
	char line[256];

	assert_true(i < set.nr_refusals);
	pmmio_format_refusal(line, sizeof(line), &set, &set.refusals[i]);
	assert_string_equal(line, want);
}

/* A node and a parameter, or two nodes: one set, one validation. */
static void node_duplicates_parameter(void **state)
{
	char params[] = "0x9030000+4K";

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	dt_entry("/protected-mmio@9030000", 0, 0x9030000, 0x1000);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 1);
	refusal_line(0,
		     "node /protected-mmio@9030000 reg 0 (0x9030000+0x1000): duplicates regions= entry 0 \"0x9030000+4K\"");
}

static void nodes_overlap(void **state)
{
	(void)state;
	pmmio_set_init(&set);
	dt_entry("/a@10000000", 0, 0x10000000, 0x200000);
	dt_entry("/b@9030000", 0, 0x9030000, 0x1000);
	dt_entry("/b@9030000", 1, 0x10100000, 0x1000);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 1);
	refusal_line(0,
		     "node /b@9030000 reg 1 (0x10100000+0x1000): overlaps node /a@10000000 reg 0 (0x10000000+0x200000)");
}

/* A node refused whole is one refusal, and one entry untranslated another. */
static void malformed_node_and_entry(void **state)
{
	struct pmmio_entry *e;

	(void)state;
	pmmio_set_init(&set);
	e = pmmio_add_dt_entry(&set, "/bad-length", NULL, 0);
	e->whole_node = true;
	pmmio_refuse(&set, e, PMMIO_DT_REG_LENGTH);
	e = pmmio_add_dt_entry(&set, "/far", NULL, 2);
	pmmio_refuse(&set, e, PMMIO_DT_UNTRANSLATABLE);
	dt_entry("/fine", 0, 0x9030000, 0x1000);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 2);
	refusal_line(0,
		     "node /bad-length: reg is not a whole number of (#address-cells + #size-cells) entries");
	refusal_line(1, "node /far reg 2: reg entry does not translate to a CPU physical address");
}

static void busy_names_holder(void **state)
{
	char params[] = "0x9000000+4K";

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	refusal_line(0,
		     "regions= entry 0 \"0x9000000+4K\": region is claimed by a driver (busy in /proc/iomem): held by "
		     BUSY_HOLDER);
}

/* Allowed, the entry still says it is busy and who holds it. */
static void allow_busy_keeps_holder(void **state)
{
	char params[] = "0x9000000+4K:allow-busy,0x9030000+4K";

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	dt_entry("/n", 0, 0x9010000, 0x1000)->allow_busy = true;
	assert_int_equal(pmmio_validate(&set, &platform), 0);
	assert_true(set.entries[0].allow_busy && set.entries[0].busy);
	assert_string_equal(set.entries[0].holder, BUSY_HOLDER);
	assert_string_equal(set.entries[0].text, "0x9000000+4K:allow-busy");
	assert_false(set.entries[1].allow_busy || set.entries[1].busy);
	assert_true(set.entries[2].allow_busy && !set.entries[2].busy);
}

/* The entry past the maximum carries only the too-many refusal. */
static void refusal_past_maximum(void **state)
{
	char *list = numbered_list(PMMIO_MAX_REGIONS);
	struct pmmio_entry *e;

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	e = pmmio_add_dt_entry(&set, "/n", NULL, 0);
	assert_ptr_equal(e, &set.entries[PMMIO_MAX_REGIONS]);
	e->whole_node = true;
	pmmio_refuse(&set, e, PMMIO_DT_REG_LENGTH);
	assert_int_equal(set.nr_refusals, 0);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 1);
	assert_int_equal(set.refusals[0].reason, PMMIO_TOO_MANY);
	free(list);
}

/* An entry is named as written, its option and all, whatever refused it. */
static void option_kept_in_message(void **state)
{
	char params[] = "0x9030000+4Q:allow-busy,0x8fff000+8K";

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	refusal_line(0,
		     "regions= entry 0 \"0x9030000+4Q:allow-busy\": size is not a number with an optional K/M/G/T/P/E suffix");
	refusal_line(1,
		     "regions= entry 1 \"0x8fff000+8K\": region is claimed by a driver (busy in /proc/iomem): held by uart-pl011 (9000000.pl011)");
}

/*
 * Bytes that are not printable ASCII, quotes and backslashes reach the
 * log as \xNN; a long text is cut at 80 characters shown, escapes counted.
 */
#define A34 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
static void shown_text_escaped(void **state)
{
	char params[] = "\x1b[2J+4K,0x9030000+4K\xc3\xa9,\"\\+4K,0x9030000+4K" A34 A34 "\x01a";
	const char *bad_size = "size is not a number with an optional K/M/G/T/P/E suffix";
	char want[256];

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", params);
	dt_entry("/bus/dev\x07ice@0", 0, 0x9030000, 0x800);
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	refusal_line(0, "regions= entry 0 \"\\x1b[2J+4K\": address is not a number");
	snprintf(want, sizeof(want), "regions= entry 1 \"0x9030000+4K\\xc3\\xa9\": %s", bad_size);
	refusal_line(1, want);
	refusal_line(2, "regions= entry 2 \"\\x22\\x5c+4K\": address is not a number");
	snprintf(want, sizeof(want), "regions= entry 3 \"0x9030000+4K%s...\": %s",
		 A34 A34, bad_size);
	refusal_line(3, want);
	refusal_line(4,
		     "node /bus/dev\\x07ice@0 reg 0 (0x9030000+0x800): size is not a multiple of the page size");
}

/* The widest range still fits the text of a DT entry. */
static void widest_dt_text(void **state)
{
	(void)state;
	pmmio_set_init(&set);
	dt_entry("/n", 0, 0xfffffffffffff000ULL, 0xfffffffffffff000ULL);
	assert_string_equal(set.entries[0].text,
			    "0xfffffffffffff000+0xfffffffffffff000");
}

static void too_many_across_sources(void **state)
{
	char *list = numbered_list(PMMIO_MAX_REGIONS - 1);
	char want[256];

	(void)state;
	pmmio_set_init(&set);
	pmmio_parse_regions(&set, "regions=", list);
	dt_entry("/n", 0, 0x30000000, 0x1000);
	dt_entry("/n", 1, 0x30002000, 0x1000);
	assert_null(pmmio_add_dt_entry(&set, "/n", NULL, 2));
	assert_int_equal(pmmio_validate(&set, &platform), -EINVAL);
	assert_int_equal(set.nr_refusals, 1);
	snprintf(want, sizeof(want),
		 "node /n reg 1 (0x30002000+0x1000): too many regions (%u given, at most %u)",
		 PMMIO_MAX_REGIONS + 2, PMMIO_MAX_REGIONS);
	refusal_line(0, want);
	free(list);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(maximum_is_accepted),
		cmocka_unit_test(one_too_many_is_refused),
		cmocka_unit_test(message_names_entry_and_reason),
		cmocka_unit_test(node_duplicates_parameter),
		cmocka_unit_test(nodes_overlap),
		cmocka_unit_test(malformed_node_and_entry),
		cmocka_unit_test(busy_names_holder),
		cmocka_unit_test(allow_busy_keeps_holder),
		cmocka_unit_test(too_many_across_sources),
		cmocka_unit_test(refusal_past_maximum),
		cmocka_unit_test(option_kept_in_message),
		cmocka_unit_test(shown_text_escaped),
		cmocka_unit_test(widest_dt_text),
	};
	static struct CMUnitTest tests[ARRAY_SIZE(cases) +
				       ARRAY_SIZE(table_pages_cases) +
				       ARRAY_SIZE(fixed)];
	unsigned int n = 0, i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		tests[n++] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = check_case,
			.initial_state = (void *)&cases[i],
		};
	for (i = 0; i < ARRAY_SIZE(table_pages_cases); i++)
		tests[n++] = (struct CMUnitTest){
			.name = table_pages_cases[i].name,
			.test_func = check_table_pages_case,
			.initial_state = (void *)&table_pages_cases[i],
		};
	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		tests[n++] = fixed[i];

	return _cmocka_run_group_tests("regions", tests, n, NULL, NULL);
}
