// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parse and validate protected MMIO regions at EL1.
 *
 * The whole set is checked before anything is donated: one bad entry
 * refuses the set. Every refused entry gets exactly one reason, so the
 * user sees all mistakes in one boot instead of one per boot.
 */
#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "regions.h"

static const char *const reason_str[] = {
	[PMMIO_EMPTY]		= "empty entry",
	[PMMIO_BAD_ADDR]	= "address is not a number",
	[PMMIO_NO_SIZE]		= "missing +SIZE",
	[PMMIO_BAD_SIZE]	= "size is not a number with an optional K/M/G/T/P/E suffix",
	[PMMIO_TOO_BIG]		= "number does not fit in 64 bits",
	[PMMIO_ZERO_SIZE]	= "size is zero",
	[PMMIO_ADDR_UNALIGNED]	= "address is not page aligned",
	[PMMIO_SIZE_UNALIGNED]	= "size is not a multiple of the page size",
	[PMMIO_WRAPS]		= "region wraps past 2^64",
	[PMMIO_BEYOND_PA]	= "region ends beyond pKVM's physical address range",
	[PMMIO_RAM]		= "region overlaps RAM",
	[PMMIO_BUSY]		= "region is claimed by a driver (busy in /proc/iomem)",
	[PMMIO_DUPLICATE]	= "duplicates",
	[PMMIO_OVERLAP]		= "overlaps",
	[PMMIO_TOO_MANY]	= "too many regions",
	[PMMIO_BAD_OPTION]	= "unknown option after ':' (the only one is allow-busy)",
	[PMMIO_STRADDLES]	=
		"region crosses the edge of a resource in /proc/iomem, so it cannot be claimed",
	[PMMIO_PARTLY_BUSY]	=
		"region is partly claimed by a driver (busy in /proc/iomem); allow-busy takes only regions drivers hold whole",
	[PMMIO_DT_CELLS]	=
		"the parent's #address-cells is not 1-4, or its #size-cells not 1-2",
	[PMMIO_DT_NO_REG]	= "node has no reg entries",
	[PMMIO_DT_REG_LENGTH]	=
		"reg is not a whole number of (#address-cells + #size-cells) entries",
	[PMMIO_DT_UNTRANSLATABLE] = "reg entry does not translate to a CPU physical address",
	[PMMIO_DT_ALLOW_BUSY]	=
		"pkvm,allow-busy is not a list of indices of this node's reg entries",
};

const char *pmmio_reason_str(enum pmmio_reason reason)
{
	if (reason <= 0 || reason >= ARRAY_SIZE(reason_str))
		return "unknown reason";
	return reason_str[reason];
}

void pmmio_set_init(struct pmmio_set *set)
{
	memset(set, 0, sizeof(*set));
}

static void refuse(struct pmmio_set *set, struct pmmio_entry *entry,
		   enum pmmio_reason reason, const struct pmmio_entry *other)
{
	struct pmmio_refusal *r = &set->refusals[set->nr_refusals++];

	entry->refused = true;
	r->entry = entry;
	r->reason = reason;
	r->other = other;
}

/* kstrtou64() with base 0, minus its tolerance of a sign and a newline. */
static int parse_number(const char *s, u64 *val)
{
	if (!isdigit(*s) || strchr(s, '\n'))
		return -EINVAL;
	return kstrtou64(s, 0, val);
}

/*
 * memparse() shifts by its suffix without checking for overflow. A shift
 * keeps the lowest set bit's distance, so shifting back must give the
 * number as written unless bits fell off the top.
 */
static bool suffix_overflowed(u64 number, u64 size)
{
	unsigned int shift;

	if (!number)
		return false;
	if (!size)
		return true;
	shift = __ffs64(size) - __ffs64(number);
	return (size >> shift) != number;
}

/* @s is writable: the suffix is cut off for a moment to check the number. */
static enum pmmio_reason parse_size(char *s, u64 *size)
{
	size_t len = strlen(s);
	char *end, suffix;
	u64 number;
	int ret;

	if (!len)
		return PMMIO_NO_SIZE;
	ret = parse_number(s, size);
	if (ret != -EINVAL)
		return ret ? PMMIO_TOO_BIG : 0;

	/* Not a plain number: it may still be one with a memparse() suffix. */
	*size = memparse(s, &end);
	if (*end || len < 2)
		return PMMIO_BAD_SIZE;
	suffix = s[len - 1];
	s[len - 1] = '\0';
	ret = parse_number(s, &number);
	s[len - 1] = suffix;
	if (ret)
		return ret == -ERANGE ? PMMIO_TOO_BIG : PMMIO_BAD_SIZE;
	return suffix_overflowed(number, *size) ? PMMIO_TOO_BIG : 0;
}

/* ADDR+SIZE[:allow-busy]; @token is as written again on return. */
static enum pmmio_reason parse_entry(struct pmmio_entry *e, char *token)
{
	enum pmmio_reason reason;
	char *plus, *colon;
	int ret;

	if (!*token)
		return PMMIO_EMPTY;
	plus = strchr(token, '+');
	if (!plus)
		return PMMIO_NO_SIZE;

	*plus = '\0';
	ret = parse_number(token, &e->base);
	*plus = '+';
	if (ret)
		return ret == -ERANGE ? PMMIO_TOO_BIG : PMMIO_BAD_ADDR;

	colon = strchr(plus + 1, ':');
	if (colon)
		*colon = '\0';
	reason = parse_size(plus + 1, &e->size);
	if (!colon)
		return reason;
	*colon = ':';
	if (reason)
		return reason;
	if (strcmp(colon + 1, "allow-busy"))
		return PMMIO_BAD_OPTION;
	e->allow_busy = true;
	return 0;
}

/*
 * Split @list (comma separated ADDR+SIZE, modified in place and referenced
 * by the entries afterwards) and record syntax errors as refusals.
 */
void pmmio_parse_regions(struct pmmio_set *set, const char *source,
			 char *list)
{
	enum pmmio_reason reason;
	struct pmmio_entry *e;
	unsigned int index = 0;
	char *token;

	if (!list || !*list)
		return;

	while ((token = strsep(&list, ","))) {
		set->nr_given++;
		if (set->nr_entries > PMMIO_MAX_REGIONS)
			continue;	/* already refused as too many */
		e = &set->entries[set->nr_entries++];
		e->origin = PMMIO_FROM_PARAM;
		e->source = source;
		e->index = index++;
		e->text = token;
		reason = parse_entry(e, token);
		if (reason && set->nr_entries <= PMMIO_MAX_REGIONS)
			refuse(set, e, reason, NULL);
	}
}

/**
 * pmmio_add_dt_entry() - Add reg entry @index of the node at @path.
 * @set:	the set to add to
 * @path:	the node's full path, referenced by the entry
 * @label:	the node's label property, or NULL
 * @index:	the reg entry's index
 *
 * The entry has no range until pmmio_set_dt_range(); one that never gets
 * one must be refused (pmmio_refuse()). A whole-node refusal is an entry
 * with whole_node set.
 *
 * Return: the entry, or NULL past the maximum (counted, refused as too
 * many by pmmio_validate()).
 */
struct pmmio_entry *pmmio_add_dt_entry(struct pmmio_set *set,
				       const char *path, const char *label,
				       unsigned int index)
{
	struct pmmio_entry *e;

	set->nr_given++;
	if (set->nr_entries > PMMIO_MAX_REGIONS)
		return NULL;
	e = &set->entries[set->nr_entries++];
	e->origin = PMMIO_FROM_DT;
	e->source = path;
	e->label = label;
	e->index = index;
	return e;
}

void pmmio_set_dt_range(struct pmmio_entry *e, u64 base, u64 size)
{
	e->base = base;
	e->size = size;
	scnprintf(e->dt_text, sizeof(e->dt_text), "0x%llx+0x%llx",
		  (unsigned long long)base, (unsigned long long)size);
	e->text = e->dt_text;
}

/* Refuse @e for a reason found outside this file (a malformed node). */
void pmmio_refuse(struct pmmio_set *set, struct pmmio_entry *e,
		  enum pmmio_reason reason)
{
	/* The entry past the maximum only carries the too-many refusal. */
	if (e - set->entries < PMMIO_MAX_REGIONS && !e->refused)
		refuse(set, e, reason, NULL);
}

static enum pmmio_reason check_entry(struct pmmio_entry *e,
				     const struct pmmio_platform *plat)
{
	if (!e->size)
		return PMMIO_ZERO_SIZE;
	if (!PAGE_ALIGNED(e->base))
		return PMMIO_ADDR_UNALIGNED;
	if (!PAGE_ALIGNED(e->size))
		return PMMIO_SIZE_UNALIGNED;
	if (e->base + (e->size - 1) < e->base)
		return PMMIO_WRAPS;
	if (e->base + (e->size - 1) >= plat->pa_limit)
		return PMMIO_BEYOND_PA;
	/* Before the busy check: allow-busy never lets RAM through. */
	if (plat->overlaps_ram(e->base, e->size))
		return PMMIO_RAM;
	e->holder[0] = '\0';
	switch (plat->iomem_state(e->base, e->size, e->holder, sizeof(e->holder))) {
	case PMMIO_IOMEM_FREE:
		return 0;
	case PMMIO_IOMEM_BUSY:
		/* Allowed, it stays its holder's: see main.c. */
		e->busy = true;
		return e->allow_busy ? 0 : PMMIO_BUSY;
	case PMMIO_IOMEM_PARTLY_BUSY:
		/* Its free pages could not be kept from other drivers. */
		return e->allow_busy ? PMMIO_PARTLY_BUSY : PMMIO_BUSY;
	default:
		return PMMIO_STRADDLES;
	}
}

static int cmp_entry_base(const void *a, const void *b)
{
	const struct pmmio_entry *x = *(const struct pmmio_entry **)a;
	const struct pmmio_entry *y = *(const struct pmmio_entry **)b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	/* Equal bases: keep input order, so the later entry is the duplicate. */
	return x < y ? -1 : x > y;
}

/*
 * Sorted by base, an entry collides with an earlier one exactly when it
 * starts before the furthest end seen so far; name that one.
 */
static void refuse_overlaps(struct pmmio_set *set)
{
	struct pmmio_entry *order[PMMIO_MAX_REGIONS];
	struct pmmio_entry *reach = NULL, *e;
	unsigned int i, n = 0;

	for (i = 0; i < set->nr_entries && i < PMMIO_MAX_REGIONS; i++)
		if (!set->entries[i].refused)
			order[n++] = &set->entries[i];

	sort(order, n, sizeof(*order), cmp_entry_base, NULL);

	for (i = 0; i < n; i++) {
		e = order[i];
		if (reach && e->base - reach->base < reach->size)
			refuse(set, e, e->base == reach->base &&
			       e->size == reach->size ?
			       PMMIO_DUPLICATE : PMMIO_OVERLAP, reach);
		if (!reach || e->base + (e->size - 1) >
			      reach->base + (reach->size - 1))
			reach = e;
	}
}

static int cmp_refusal(const void *a, const void *b)
{
	const struct pmmio_refusal *x = a, *y = b;

	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Returns 0 if every entry may be protected, -EINVAL otherwise. */
int pmmio_validate(struct pmmio_set *set, const struct pmmio_platform *plat)
{
	enum pmmio_reason reason;
	struct pmmio_entry *e;
	unsigned int i;

	for (i = 0; i < set->nr_entries && i < PMMIO_MAX_REGIONS; i++) {
		e = &set->entries[i];
		if (e->refused)
			continue;
		reason = check_entry(e, plat);
		if (reason)
			refuse(set, e, reason, NULL);
	}
	refuse_overlaps(set);
	if (set->nr_given > PMMIO_MAX_REGIONS)
		refuse(set, &set->entries[PMMIO_MAX_REGIONS], PMMIO_TOO_MANY,
		       NULL);

	/* Report in input order, whichever check refused an entry. */
	sort(set->refusals, set->nr_refusals, sizeof(set->refusals[0]),
	     cmp_refusal, NULL);
	return set->nr_refusals ? -EINVAL : 0;
}

/**
 * pmmio_table_pages() - Host stage-2 table pages a set's donation may pin.
 * @set:	A set pmmio_validate() accepted.
 * @pa_limit:	First address past the host stage-2.
 *
 * pKVM annotates donated MMIO page by page, and an annotation pins the
 * tables above it for as long as it stays: with 4 KiB pages one table per
 * 2 MiB touched, one per 1 GiB above it, one per 512 GiB, up to the root,
 * which pKVM allocates at init. Counted as if none of them existed yet, the
 * worst case; a table two regions share counts once.
 *
 * Return: the number of table pages.
 */
u64 pmmio_table_pages(const struct pmmio_set *set, u64 pa_limit)
{
	const unsigned int bits = PAGE_SHIFT - 3;	/* per table level */
	const struct pmmio_entry *e, *f;
	unsigned int shift, i, j;
	u64 first, n, pages = 0;

	for (shift = PAGE_SHIFT + bits; shift < 64 && BIT_ULL(shift) < pa_limit;
	     shift += bits) {
		for (i = 0; i < set->nr_entries; i++) {
			e = &set->entries[i];
			first = e->base >> shift;
			n = ((e->base + e->size - 1) >> shift) - first + 1;
			/* Regions do not overlap: only a lower one's last table. */
			for (j = 0; j < set->nr_entries; j++) {
				f = &set->entries[j];
				if (f->base < e->base &&
				    (f->base + f->size - 1) >> shift == first) {
					n--;
					break;
				}
			}
			pages += n;
		}
	}
	return pages;
}

/* Widest text and path of an entry a message shows, so that lines fit. */
#define TEXT_SHOWN	80
#define PATH_SHOWN	120

/*
 * @s as at most @max characters: a byte that is not printable ASCII, or
 * is a quote or a backslash, as \xNN, so that no input puts control
 * characters (a terminal's escape sequences, say) into the kernel log or
 * ends its quotes early; cut with "..." where longer.
 */
static int format_shown(char *buf, size_t len, const char *s, size_t max)
{
	size_t shown = 0;
	int n = 0;

	for (; *s; s++) {
		unsigned char c = *s;
		bool plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';

		if (shown + (plain ? 1 : 4) > max)
			return n + scnprintf(buf + n, len - n, "...");
		n += scnprintf(buf + n, len - n, plain ? "%c" : "\\x%02x", c);
		shown += plain ? 1 : 4;
	}
	return n;
}

/*
 * Where the entry was given: regions= entry 0 "0x9030000+4K", or
 * node /protected-mmio@9030000 reg 0 (0x9030000+0x1000); see
 * format_shown() for how the text and path are shown.
 */
int pmmio_format_entry(char *buf, size_t len, const struct pmmio_entry *e)
{
	int n;

	if (e->origin == PMMIO_FROM_PARAM) {
		n = scnprintf(buf, len, "%s entry %u \"", e->source, e->index);
		n += format_shown(buf + n, len - n, e->text, TEXT_SHOWN);
		return n + scnprintf(buf + n, len - n, "\"");
	}
	n = scnprintf(buf, len, "node ");
	n += format_shown(buf + n, len - n, e->source, PATH_SHOWN);
	if (e->whole_node)
		return n;
	if (!e->text)
		return n + scnprintf(buf + n, len - n, " reg %u", e->index);
	return n + scnprintf(buf + n, len - n, " reg %u (%s)", e->index,
			     e->text);
}

/* One line naming the entry, where it was given, and the reason. */
int pmmio_format_refusal(char *buf, size_t len, const struct pmmio_set *set,
			 const struct pmmio_refusal *r)
{
	const struct pmmio_entry *e = r->entry;
	int n;

	n = pmmio_format_entry(buf, len, e);
	n += scnprintf(buf + n, len - n, ": %s", pmmio_reason_str(r->reason));
	if (r->other) {
		n += scnprintf(buf + n, len - n, " ");
		n += pmmio_format_entry(buf + n, len - n, r->other);
	} else if ((r->reason == PMMIO_BUSY || r->reason == PMMIO_PARTLY_BUSY) &&
		   e->holder[0]) {
		n += scnprintf(buf + n, len - n, ": held by %s", e->holder);
	} else if (r->reason == PMMIO_TOO_MANY) {
		n += scnprintf(buf + n, len - n, " (%u given, at most %u)",
			       set->nr_given, PMMIO_MAX_REGIONS);
	}
	return n;
}
