// SPDX-License-Identifier: GPL-2.0-only
/*
 * In-kernel tests of module/regions.c: the case table the host tests use,
 * run against the kernel's own memparse(), kstrtou64() and sort().
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/string.h>

#include "../../module/regions.c"
#include "../cases/regions_cases.h"

static void regions_case_test(struct kunit *test)
{
	const struct parse_case *c = test->param_value;
	struct pmmio_set *set = kunit_kzalloc(test, sizeof(*set), GFP_KERNEL);
	const char *failure;
	char why[160];

	KUNIT_ASSERT_NOT_NULL(test, set);
	failure = regions_case_failure(c, set, why, sizeof(why));
	KUNIT_EXPECT_NULL_MSG(test, failure, "%s: %s", c->input, failure);
}

static void case_to_desc(const struct parse_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(regions, cases, case_to_desc);

static void table_pages_case_test(struct kunit *test)
{
	const struct table_pages_case *c = test->param_value;
	struct pmmio_set *set = kunit_kzalloc(test, sizeof(*set), GFP_KERNEL);
	const char *failure;
	char why[160];

	KUNIT_ASSERT_NOT_NULL(test, set);
	failure = table_pages_case_failure(c, set, why, sizeof(why));
	KUNIT_EXPECT_NULL_MSG(test, failure, "%s: %s", c->input, failure);
}

static void table_pages_case_to_desc(const struct table_pages_case *c,
				     char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(table_pages, table_pages_cases, table_pages_case_to_desc);

static struct kunit_case regions_test_cases[] = {
	KUNIT_CASE_PARAM(regions_case_test, regions_gen_params),
	KUNIT_CASE_PARAM(table_pages_case_test, table_pages_gen_params),
	{}
};

static struct kunit_suite regions_suite = {
	.name = "pkvm_protected_mmio_regions",
	.test_cases = regions_test_cases,
};

kunit_test_suite(regions_suite);

MODULE_DESCRIPTION("KUnit tests of pkvm_protected_mmio's region parser");
MODULE_LICENSE("GPL");
