/* SPDX-License-Identifier: GPL-2.0-only */
/* The fuzz targets' invariant check: a violation is a finding (abort). */
#ifndef PMMIO_FUZZ_REQUIRE_H
#define PMMIO_FUZZ_REQUIRE_H

#include <stdio.h>
#include <stdlib.h>

#define require(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "violated: %s\n", #cond);	\
			abort();					\
		}							\
	} while (0)

#endif /* PMMIO_FUZZ_REQUIRE_H */
