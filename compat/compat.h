/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL1 view of the pKVM module ABI, the only calls module/ makes into it, and
 * of the one kernel type that changed under module/.
 */
#ifndef PMMIO_COMPAT_H
#define PMMIO_COMPAT_H

#include "../hyp/protected_mmio.h"

/* What a module attribute's show() gets: const since Linux 6.14. */
#ifdef PMMIO_MATTR_SHOW_CONST
#define pmmio_mattr_const const
#else
#define pmmio_mattr_const
#endif

/* The EL2 object's request, writable until pmmio_compat_load(). */
struct pmmio_request *pmmio_compat_request(void);

/* First physical address past pKVM's host stage-2, the same limit EL2 gets. */
u64 pmmio_compat_pa_limit(void);

/**
 * pmmio_compat_mmio_table_pages() - Host stage-2 table pages for MMIO.
 *
 * Return: the pages pKVM provisions for the tables of the host's MMIO
 * mappings and annotations: __hyp_pgtable_max_pages() of 1 GiB, a part of
 * host_s2_pgtable_pages() until android16-6.12, whose host_s2_mmio_pool is
 * that size. Shared with the host's own MMIO faults and other EL2 modules.
 */
unsigned long pmmio_compat_mmio_table_pages(void);

/*
 * True when pKVM certainly accepts no EL2 module any more (not in protected
 * mode, or past its finalization); false does not promise the window is
 * open: only pmmio_compat_load() knows.
 */
bool pmmio_compat_load_window_shut(void);

/**
 * pmmio_compat_load() - Load the EL2 object, running its init at EL2.
 *
 * Also registers the readback call; failing that is logged, not fatal.
 *
 * Return: 0, -EOPNOTSUPP outside pKVM's load window, a value
 * pmmio_compat_missing_op() names when the hypervisor lacks an op the EL2
 * object needs (then nothing was called), or the EL2 init's -errno (the
 * report page then says where it stopped).
 */
int pmmio_compat_load(void);

/**
 * pmmio_compat_missing_op() - The op a failed pmmio_compat_load() lacked.
 * @err:	What pmmio_compat_load() returned.
 *
 * Return: the struct pkvm_module_ops member's name, or NULL when @err is
 * not the EL2 init's report of a NULL op.
 */
const char *pmmio_compat_missing_op(int err);

/**
 * pmmio_compat_readback() - Ask EL2 to read back one chunk of the regions.
 * @pos:	Page position across all regions, in registry order.
 *
 * Return: PMMIO_READBACK_RESULT() of the chunk, or -errno (also when the
 * readback call could not be registered).
 */
long pmmio_compat_readback(u64 pos);

#endif /* PMMIO_COMPAT_H */
