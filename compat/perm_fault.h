/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2: host permission-fault handlers, whatever the generation hands them.
 * What a handler's return value means is the generation's (README.md,
 * "Permission faults"): compat/ passes it through unchanged.
 */
#ifndef PMMIO_COMPAT_PERM_FAULT_H
#define PMMIO_COMPAT_PERM_FAULT_H

#include <asm/kvm_host.h>
#include <asm/ptrace.h>

/* What the generation hands a handler, and where the host's x0-x30 are in it. */
#if defined(PMMIO_PERM_FAULT_KVM_CPU_CONTEXT)
#define pmmio_perm_fault_ctxt		kvm_cpu_context
#define pmmio_perm_fault_regs(ctxt)	(&(ctxt)->regs)
#elif defined(PMMIO_PERM_FAULT_USER_PT_REGS)
#define pmmio_perm_fault_ctxt		user_pt_regs
#define pmmio_perm_fault_regs(ctxt)	(ctxt)
#endif

typedef int (*pmmio_perm_fault_cb_t)(struct pmmio_perm_fault_ctxt *ctxt,
				     u64 esr, u64 addr);

/*
 * PMMIO_PERM_FAULT_HANDLER(name): a handler as the hypervisor calls it,
 * which calls name##_body(struct user_pt_regs *regs, u64 esr, u64 addr),
 * written by the caller.
 */
#define PMMIO_PERM_FAULT_HANDLER(name)					\
	static int name(struct pmmio_perm_fault_ctxt *ctxt, u64 esr, u64 addr)\
	{								\
		return name##_body(pmmio_perm_fault_regs(ctxt), esr, addr); \
	}

/**
 * pmmio_register_perm_fault() - Register a host permission-fault handler.
 * @cb:		Made with PMMIO_PERM_FAULT_HANDLER(). Called for every host
 *		permission fault, with ESR_EL2 and the faulting byte's IPA,
 *		in the order the generation calls its handlers.
 *
 * Return: 0, -EBUSY when the hypervisor's slots are taken (one on
 * android14-6.1, 16 later), or -EOPNOTSUPP when it has no such op.
 */
int pmmio_register_perm_fault(pmmio_perm_fault_cb_t cb);

/**
 * pmmio_host_trap_page() - Make every host access to a page fault.
 * @pfn:	A host MMIO page.
 *
 * Maps it for the host with no access (KVM_PGTABLE_PROT_DEVICE alone: a
 * valid entry, so that an access is a permission fault the handlers see,
 * not a translation fault), without updating a pKVM IOMMU, whose prot
 * conversion refuses that prot with a hypervisor panic.
 *
 * Return: 0, or the -errno of host_stage2_mod_prot(_range).
 */
int pmmio_host_trap_page(u64 pfn);

/**
 * pmmio_skip_host_instr() - Resume the host past the faulting instruction.
 *
 * For a handler that emulated the access: the hypervisor never moves the
 * host's PC after an abort.
 */
void pmmio_skip_host_instr(void);

#endif /* PMMIO_COMPAT_PERM_FAULT_H */
