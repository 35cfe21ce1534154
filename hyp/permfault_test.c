// SPDX-License-Identifier: GPL-2.0-only
/*
 * Permission-fault dispatch test: handlers that record each call and
 * return what EL1 chose. Test builds only (PMMIO_PERMFAULT_TEST).
 */
#include <linux/bits.h>
#include <linux/minmax.h>
#include <asm/esr.h>
#include <asm/page.h>

#include "../compat/perm_fault.h"
#include "el2.h"
#include "permfault_test.h"

static struct pmmio_report *pf_report;

/* Only a load with a valid syndrome says where its value goes. */
static void emulate(struct user_pt_regs *regs, u64 esr)
{
	u32 rt = (esr & ESR_ELx_SRT_MASK) >> ESR_ELx_SRT_SHIFT;

	if ((esr & ESR_ELx_ISV) && !(esr & ESR_ELx_WNR) && rt != 31)
		regs->regs[rt] = PMMIO_PF_READ_VALUE;
	pmmio_skip_host_instr();
}

static int handle(u32 i, struct user_pt_regs *regs, u64 esr, u64 addr)
{
	pf_report->pf_calls[i]++;
	pf_report->pf_addr[i] = addr;
	pf_report->pf_esr[i] = esr;
	if (pmmio_request.pf_emulate & BIT(i))
		emulate(regs, esr);
	return pmmio_request.pf_ret[i];
}

/* One function per slot: the hypervisor passes a handler no cookie. */
#define PF_HANDLER(i)							\
	static int handler_##i##_body(struct user_pt_regs *regs, u64 esr,	\
				      u64 addr)				\
	{								\
		return handle(i, regs, esr, addr);			\
	}								\
	PMMIO_PERM_FAULT_HANDLER(handler_##i)

PF_HANDLER(0) PF_HANDLER(1) PF_HANDLER(2) PF_HANDLER(3) PF_HANDLER(4)
PF_HANDLER(5) PF_HANDLER(6) PF_HANDLER(7) PF_HANDLER(8) PF_HANDLER(9)
PF_HANDLER(10) PF_HANDLER(11) PF_HANDLER(12) PF_HANDLER(13) PF_HANDLER(14)
PF_HANDLER(15) PF_HANDLER(16)

static const pmmio_perm_fault_cb_t handlers[PMMIO_PF_MAX_HANDLERS] = {
	handler_0, handler_1, handler_2, handler_3, handler_4, handler_5,
	handler_6, handler_7, handler_8, handler_9, handler_10, handler_11,
	handler_12, handler_13, handler_14, handler_15, handler_16,
};

void pmmio_permfault_test_start(struct pmmio_report *report)
{
	u32 i, nr = min(pmmio_request.pf_nr_handlers, PMMIO_PF_MAX_HANDLERS);

	pf_report = report;
	for (i = 0; i < nr; i++)
		report->pf_reg_err[i] = pmmio_register_perm_fault(handlers[i]);
	report->pf_trap_err =
		pmmio_host_trap_page(PMMIO_PERMFAULT_TEST >> PAGE_SHIFT);
}
