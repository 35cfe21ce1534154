/* SPDX-License-Identifier: GPL-2.0-only */
/* A board's flattened device tree, with its overlays applied, and its RAM. */
#ifndef PMMIO_TOOLS_DTB_H
#define PMMIO_TOOLS_DTB_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/types.h>

/**
 * dtb_load() - Read a DTB
 * @path:	the file
 * @err:	where to write why it cannot be used
 * @len:	size of @err
 *
 * Return: the tree (malloc'ed, with room for overlays), or NULL with @err set.
 */
void *dtb_load(const char *path, char *err, size_t len);

/**
 * dtb_apply_overlay() - Apply an overlay as a bootloader does (libfdt)
 * @fdt:	the tree from dtb_load(), may move
 * @path:	the overlay (dtc -@ output)
 * @err:	where to write why it cannot be applied
 * @len:	size of @err
 *
 * Return: 0, or -1 with @err set; the tree is then unusable.
 */
int dtb_apply_overlay(void **fdt, const char *path, char *err, size_t len);

/**
 * dtb_overlaps_ram() - Does the range meet the tree's RAM
 * @fdt:	the tree
 * @base:	first address
 * @size:	size, non-zero
 *
 * RAM: the reg of every node with device_type "memory", as the kernel's
 * memblock takes it, and of every /reserved-memory child. Each range
 * counts whole 2 MiB subsections, as pfn_valid() answers for them on
 * arm64 with 4 KiB pages, which the module asks too.
 *
 * Return: true if any part of the range is RAM.
 */
bool dtb_overlaps_ram(const void *fdt, u64 base, u64 size);

#endif /* PMMIO_TOOLS_DTB_H */
