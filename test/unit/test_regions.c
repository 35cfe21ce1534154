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

static void two_sources_share_one_set(void **state)
{
	char params[] = "0x9030000+4K";
	char dt[] = "0x9030000+4K";
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
