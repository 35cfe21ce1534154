/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A /proc/iomem snapshot as the iomem resource tree it was printed from,
 * and the questions the module asks the live tree, answered from it.
 */
#ifndef PMMIO_TOOLS_IOMEM_H
#define PMMIO_TOOLS_IOMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../module/regions.h"

/**
 * iomem_load() - Read a /proc/iomem snapshot
 * @path:	the file
 * @err:	where to write why it cannot be read, for the user
 * @len:	size of @err
 *
 * Return: 0, or -1 with @err set (unreadable, a malformed line, a nesting
 * that does not fit, or addresses hidden as zeros: a snapshot taken
 * without root).
 */
int iomem_load(const char *path, char *err, size_t len);

/**
 * iomem_overlaps_ram() - Does the range meet "System RAM" in the snapshot
 * @base:	first address
 * @size:	size, non-zero
 *
 * Return: true if any part of it is System RAM.
 */
bool iomem_overlaps_ram(u64 base, u64 size);

/**
 * iomem_state() - pmmio_iomem_state() (module/host.c), from the snapshot
 * @base:	first address
 * @size:	size, non-zero
 * @holder:	where to name the first busy range, as the snapshot does
 * @len:	size of @holder
 *
 * Whether request_mem_region() would succeed is decided as
 * __request_region() does, in the tree the snapshot's indentation gives;
 * which entries are busy the snapshot does not say, so: an entry with
 * children is not busy (no region can be requested inside a busy one),
 * except System RAM; a leaf is busy unless its name is a device-tree
 * node's (NAME@UNIT, the resource of a device without a driver) or a PCI
 * bus's ("PCI Bus ..."). The module's own claims ("pkvm_protected_mmio")
 * are not busy: a snapshot may be taken with it loaded.
 *
 * Return: enum pmmio_iomem, as the module's.
 */
enum pmmio_iomem iomem_state(u64 base, u64 size, char *holder, size_t len);

#endif /* PMMIO_TOOLS_IOMEM_H */
