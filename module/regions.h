/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL1 side of region handling: parse the regions= list and validate the
 * whole set before anything reaches the hypervisor. Kernel facts (RAM,
 * iomem, physical address range) come in through struct pmmio_platform so
 * that this file also runs in the host unit tests.
 */
#ifndef PMMIO_MODULE_REGIONS_H
#define PMMIO_MODULE_REGIONS_H

#include <linux/types.h>

#include "../hyp/protected_mmio.h"

enum pmmio_reason {
	PMMIO_EMPTY = 1,
	PMMIO_BAD_ADDR,
	PMMIO_NO_SIZE,
	PMMIO_BAD_SIZE,
	PMMIO_TOO_BIG,
	PMMIO_ZERO_SIZE,
	PMMIO_ADDR_UNALIGNED,
	PMMIO_SIZE_UNALIGNED,
	PMMIO_WRAPS,
	PMMIO_BEYOND_PA,
	PMMIO_RAM,
	PMMIO_BUSY,
	PMMIO_DUPLICATE,
	PMMIO_OVERLAP,
	PMMIO_TOO_MANY,
};

/* One region as the user wrote it. */
struct pmmio_entry {
	const char *source;	/* "regions=", or a device-tree node */
	unsigned int index;	/* position within its source */
	const char *text;	/* as written, for messages */
	u64 base;
	u64 size;
	bool refused;
};

struct pmmio_refusal {
	const struct pmmio_entry *entry;
	enum pmmio_reason reason;
	const struct pmmio_entry *other;	/* DUPLICATE, OVERLAP */
};

/* What the running kernel knows; the host tests supply fakes. */
struct pmmio_platform {
	u64 pa_limit;		/* first address past pKVM's host stage-2 */
	bool (*overlaps_ram)(u64 base, u64 size);
	bool (*is_busy)(u64 base, u64 size);
};

struct pmmio_set {
	struct pmmio_entry entries[PMMIO_MAX_REGIONS + 1];
	unsigned int nr_entries;	/* stored; one past the maximum at most */
	unsigned int nr_given;		/* every entry seen, stored or not */
	/* At most one refusal per entry. */
	struct pmmio_refusal refusals[PMMIO_MAX_REGIONS + 1];
	unsigned int nr_refusals;
};

void pmmio_set_init(struct pmmio_set *set);
void pmmio_parse_regions(struct pmmio_set *set, const char *source,
			 char *list);
int pmmio_validate(struct pmmio_set *set, const struct pmmio_platform *plat);
const char *pmmio_reason_str(enum pmmio_reason reason);
int pmmio_format_refusal(char *buf, size_t len, const struct pmmio_set *set,
			 const struct pmmio_refusal *refusal);

#endif /* PMMIO_MODULE_REGIONS_H */
