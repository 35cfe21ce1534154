// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test builds only (PMMIO_PERMFAULT_TEST=ADDR): which handlers EL2
 * registers and what each returns, from pf_handlers=; what they recorded,
 * in pf_results.
 */
#include <linux/bits.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "permfault_test.h"

static char *pf_handlers;
module_param(pf_handlers, charp, 0444);
MODULE_PARM_DESC(pf_handlers,
		 "test builds: one host permission-fault handler per entry, registered in order, returning the entry (an errno as a negative number, or 0); a trailing e: it also emulates the access (RET[e][,...])");

static const struct pmmio_report *pf_report;
static u32 pf_nr_handlers;

int pmmio_permfault_test_fill(struct pmmio_request *req)
{
	char *text, *entry, *copy;
	int ret = 0;
	size_t len;
	s32 value;

	if (!pf_handlers || !*pf_handlers)
		return 0;
	copy = kstrdup(pf_handlers, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	text = copy;
	while ((entry = strsep(&text, ","))) {
		len = strlen(entry);
		if (req->pf_nr_handlers == PMMIO_PF_MAX_HANDLERS) {
			pr_err("pf_handlers=: more than %u entries\n",
			       PMMIO_PF_MAX_HANDLERS);
			ret = -EINVAL;
			break;
		}
		if (len && entry[len - 1] == 'e') {
			entry[len - 1] = '\0';
			req->pf_emulate |= BIT(req->pf_nr_handlers);
		}
		ret = kstrtos32(entry, 0, &value);
		if (ret) {
			pr_err("pf_handlers=: entry %u is no number: %pe\n",
			       req->pf_nr_handlers, ERR_PTR(ret));
			break;
		}
		req->pf_ret[req->pf_nr_handlers++] = value;
	}
	kfree(copy);
	pf_nr_handlers = req->pf_nr_handlers;
	return ret;
}

void pmmio_permfault_test_show(const struct pmmio_report *report)
{
	pf_report = report;
}

/* One line per handler: registration result, calls, last IPA and ESR. */
static int pf_results_get(char *buf, const struct kernel_param *kp)
{
	const struct pmmio_report *r = READ_ONCE(pf_report);
	int len = 0;
	u32 i;

	if (!r)
		return sysfs_emit(buf, "not loaded\n");
	len += sysfs_emit_at(buf, len, "trap %d\n", READ_ONCE(r->pf_trap_err));
	for (i = 0; i < pf_nr_handlers; i++)
		len += sysfs_emit_at(buf, len, "%u reg %d calls %u addr 0x%llx esr 0x%llx\n",
				     i, READ_ONCE(r->pf_reg_err[i]),
				     READ_ONCE(r->pf_calls[i]),
				     READ_ONCE(r->pf_addr[i]),
				     READ_ONCE(r->pf_esr[i]));
	return len;
}

static const struct kernel_param_ops pf_results_ops = {
	.get = pf_results_get,
};
module_param_cb(pf_results, &pf_results_ops, NULL, 0444);
MODULE_PARM_DESC(pf_results, "test builds: what each handler recorded");
