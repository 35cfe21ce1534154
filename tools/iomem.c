// SPDX-License-Identifier: GPL-2.0-only
/*
 * The iomem resource tree, rebuilt from a /proc/iomem snapshot: each line
 * "START-END : NAME", indented by two spaces per level (kernel/resource.c,
 * r_show()). The module's questions are answered as kernel/resource.c
 * answers them on the live tree.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iomem.h"

#define MAX_DEPTH	16

struct res {
	u64 start, end;
	bool busy;
	struct res *parent, *child, *sibling;
	char name[];
};

/* As iomem_resource: all of the address space. */
static struct res root = { .start = 0, .end = ~0ULL };

static bool is_ram(const struct res *r)
{
	return !strcmp(r->name, "System RAM");
}

/* See iomem_state(): what the snapshot does not say, guessed from names. */
static bool guess_busy(const struct res *r)
{
	const char *at = strchr(r->name, '@');
	const char *c;

	if (is_ram(r))
		return true;
	/* The module's own claims: a snapshot taken with it loaded. */
	if (!strcmp(r->name, "pkvm_protected_mmio"))
		return false;
	if (r->child)
		return false;
	if (!strncmp(r->name, "PCI Bus ", 8))
		return false;
	if (!at || at == r->name || !at[1])
		return true;
	for (c = r->name; *c; c++)
		if (isspace((unsigned char)*c))
			return true;
	for (c = at + 1; *c; c++)
		if (!isxdigit((unsigned char)*c) && *c != ',')
			return true;
	return false;
}

static void mark_busy(struct res *r)
{
	for (; r; r = r->sibling) {
		r->busy = guess_busy(r);
		mark_busy(r->child);
	}
}

int iomem_load(const char *path, char *err, size_t len)
{
	struct res *last[MAX_DEPTH + 1] = { &root };
	struct res *tail[MAX_DEPTH + 1] = {};
	unsigned long long start, end;
	unsigned int lineno = 0, zeros = 0, depth, spaces;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;

	f = fopen(path, "r");
	if (!f) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		struct res *r, *parent;
		size_t name_len;
		int name_at = 0;

		lineno++;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (!n)
			continue;
		for (spaces = 0; line[spaces] == ' '; spaces++)
			;
		depth = spaces / 2;
		if (sscanf(line + spaces, "%llx-%llx : %n", &start, &end, &name_at) != 2 ||
		    !name_at)
			goto bad_line;
		/* /proc/iomem shows zeros to readers without CAP_SYS_ADMIN. */
		if (!start && !end) {
			zeros++;
			continue;
		}
		if (spaces % 2 || depth >= MAX_DEPTH || !last[depth] || start > end)
			goto bad_line;
		parent = last[depth];
		if (start < parent->start || end > parent->end ||
		    (tail[depth] && start <= tail[depth]->end)) {
			snprintf(err, len,
				 "%s:%u: outside its parent or overlapping the entry before: %s",
				 path, lineno, line);
			goto fail;
		}
		name_len = strlen(line + spaces + name_at);
		r = calloc(1, sizeof(*r) + name_len + 1);
		if (!r) {
			snprintf(err, len, "out of memory");
			goto fail;
		}
		r->start = start;
		r->end = end;
		r->parent = parent;
		memcpy(r->name, line + spaces + name_at, name_len);
		if (tail[depth])
			tail[depth]->sibling = r;
		else
			parent->child = r;
		tail[depth] = r;
		last[depth + 1] = r;
		tail[depth + 1] = NULL;
		memset(&last[depth + 2], 0, sizeof(last[0]) * (MAX_DEPTH - depth - 1));
	}
	free(line);
	fclose(f);
	if (zeros) {
		snprintf(err, len, root.child ? "%s: %u entries with zero addresses" :
			 "%s: every address is zero: take the snapshot as root",
			 path, zeros);
		return -1;
	}
	if (!root.child) {
		snprintf(err, len, "%s: no entries", path);
		return -1;
	}
	mark_busy(root.child);
	return 0;

bad_line:
	snprintf(err, len, "%s:%u: not a /proc/iomem line: %s", path, lineno, line);
fail:
	free(line);
	fclose(f);
	return -1;
}

static bool overlaps(const struct res *r, u64 start, u64 end)
{
	return r->start <= end && r->end >= start;
}

static bool any_ram(const struct res *r, u64 start, u64 end)
{
	for (; r; r = r->sibling)
		if (overlaps(r, start, end) &&
		    (is_ram(r) || any_ram(r->child, start, end)))
			return true;
	return false;
}

bool iomem_overlaps_ram(u64 base, u64 size)
{
	return any_ram(root.child, base, base + size - 1);
}

/* __request_resource(): NULL if [start, end] fits, else the conflict. */
static const struct res *request_conflict(const struct res *parent, u64 start, u64 end)
{
	const struct res *p;

	if (start < parent->start || end > parent->end)
		return parent;
	for (p = parent->child; p; p = p->sibling) {
		if (p->start > end)
			return NULL;
		if (p->end >= start)
			return p;
	}
	return NULL;
}

/* __request_region(): descend into what is not busy, fail on the rest. */
static bool request_would_succeed(u64 start, u64 end)
{
	const struct res *parent = &root, *conflict;

	for (;;) {
		conflict = request_conflict(parent, start, end);
		if (!conflict)
			return true;
		if (conflict == parent || conflict->busy)
			return false;
		parent = conflict;
	}
}

/* Preorder, as for_each_resource() in find_next_iomem_res(). */
static const struct res *next_res(const struct res *r)
{
	if (r->child)
		return r->child;
	while (!r->sibling && r->parent)
		r = r->parent;
	return r->sibling;
}

enum pmmio_iomem iomem_state(u64 base, u64 size, char *holder, size_t len)
{
	u64 end = base + size - 1, next = base;
	const struct res *r, *first = NULL;
	bool gap = false;

	holder[0] = '\0';
	if (request_would_succeed(base, end))
		return PMMIO_IOMEM_FREE;
	/* walk_iomem_res_desc(): each busy range, clipped, in address order. */
	for (r = root.child; r; r = next_res(r)) {
		if (!r->busy || !overlaps(r, next, end))
			continue;
		if (!first)
			first = r;
		if (r->start > next)
			gap = true;
		if (r->end >= end) {
			next = end + 1;
			break;
		}
		next = r->end + 1;
	}
	if (!first)
		return PMMIO_IOMEM_STRADDLES;
	snprintf(holder, len, "%s", first->name);
	return gap || next <= end ? PMMIO_IOMEM_PARTLY_BUSY : PMMIO_IOMEM_BUSY;
}
