// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write every input of the shared case table (test/cases/regions_cases.h)
 * into DIR, one file each: the seed corpus of fuzz_regions.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/kernel.h>

#include "../../module/regions.h"
#include "../cases/regions_cases.h"

int main(int argc, char **argv)
{
	char path[4096];
	unsigned int i;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: make_seeds DIR\n");
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		snprintf(path, sizeof(path), "%s/case-%s", argv[1], cases[i].name);
		f = fopen(path, "w");
		if (!f || fputs(cases[i].input, f) < 0 || fclose(f)) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
