/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The EL2 object's entry points. kvm_nvhe_sym() names them as the
 * including side sees them: plain at EL2, __kvm_nvhe_ prefixed at EL1.
 */
#ifndef PMMIO_COMPAT_ENTRY_H
#define PMMIO_COMPAT_ENTRY_H

#include <asm/hyp_image.h>
#include <asm/kvm_pkvm_module.h>

#include "../hyp/protected_mmio.h"

/* The request of hyp/el2.h, under the name the including side links to. */
#define pmmio_el2_request kvm_nvhe_sym(pmmio_request)
extern struct pmmio_request pmmio_el2_request;

int kvm_nvhe_sym(pmmio_el2_init)(const struct pkvm_module_ops *ops);

#if defined(PMMIO_HCALL_USER_PT_REGS)
void kvm_nvhe_sym(pmmio_el2_hcall_readback)(struct user_pt_regs *regs);
#elif defined(PMMIO_HCALL_KVM_CPU_CONTEXT)
void kvm_nvhe_sym(pmmio_el2_hcall_readback)(struct kvm_cpu_context *ctx);
#endif

#endif /* PMMIO_COMPAT_ENTRY_H */
