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
	PMMIO_BAD_OPTION,
	PMMIO_STRADDLES,
	PMMIO_PARTLY_BUSY,
	PMMIO_DT_CELLS,
	PMMIO_DT_NO_REG,
	PMMIO_DT_REG_LENGTH,
	PMMIO_DT_UNTRANSLATABLE,
	PMMIO_DT_ALLOW_BUSY,
};

/* Where an entry was given. */
enum pmmio_origin {
	PMMIO_FROM_PARAM,	/* an entry of regions= */
	PMMIO_FROM_DT,		/* a reg entry of a device-tree node */
};

#define PMMIO_HOLDER_LEN	64

/* One region as the user gave it. */
struct pmmio_entry {
	enum pmmio_origin origin;
	const char *source;	/* "regions=", or the node's full path */
	const char *label;	/* the node's label property, or NULL */
	unsigned int index;	/* in regions=, or in the node's reg */
	const char *text;	/* regions=: as written; DT: ADDR+SIZE, or NULL */
	u64 base;
	u64 size;
	bool allow_busy;	/* may be protected although a driver holds it */
	bool whole_node;	/* stands for a node refused as a whole */
	bool busy;		/* drivers hold all of it (allowed, or refused) */
	bool refused;
	char holder[PMMIO_HOLDER_LEN];	/* who holds it, when busy and known */
	char dt_text[40];	/* storage for text of a DT entry */
};

struct pmmio_refusal {
	const struct pmmio_entry *entry;
	enum pmmio_reason reason;
	const struct pmmio_entry *other;	/* DUPLICATE, OVERLAP */
};

/* A range in the iomem tree, as request_mem_region() would find it. */
enum pmmio_iomem {
	PMMIO_IOMEM_FREE,	/* it could be claimed */
	PMMIO_IOMEM_BUSY,	/* drivers hold every page of it */
	PMMIO_IOMEM_PARTLY_BUSY, /* drivers hold some of its pages */
	/* Nothing holds it, but it crosses the edge of a resource. */
	PMMIO_IOMEM_STRADDLES,
};

/* What the running kernel knows; the host tests supply fakes. */
struct pmmio_platform {
	u64 pa_limit;		/* first address past pKVM's host stage-2 */
	bool (*overlaps_ram)(u64 base, u64 size);
	/* Names a holder in @holder, when busy and known, else leaves "". */
	enum pmmio_iomem (*iomem_state)(u64 base, u64 size, char *holder,
					size_t len);
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
struct pmmio_entry *pmmio_add_dt_entry(struct pmmio_set *set,
				       const char *path, const char *label,
				       unsigned int index);
void pmmio_set_dt_range(struct pmmio_entry *e, u64 base, u64 size);
void pmmio_refuse(struct pmmio_set *set, struct pmmio_entry *e,
		  enum pmmio_reason reason);
int pmmio_validate(struct pmmio_set *set, const struct pmmio_platform *plat);
u64 pmmio_table_pages(const struct pmmio_set *set, u64 pa_limit);
const char *pmmio_reason_str(enum pmmio_reason reason);
int pmmio_format_entry(char *buf, size_t len, const struct pmmio_entry *e);
int pmmio_format_refusal(char *buf, size_t len, const struct pmmio_set *set,
			 const struct pmmio_refusal *refusal);

#endif /* PMMIO_MODULE_REGIONS_H */
