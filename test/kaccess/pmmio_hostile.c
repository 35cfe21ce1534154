// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test only: a hostile host kernel, after pKVM finalized. From a thread on
 * every online CPU at once, it makes @calls hypercalls to the first
 * @nr_ids dynamic hypercall ids, with random values in x1-x6: the
 * readback call pkvm_protected_mmio registered (the first id, the only
 * one registered in the tests) and ids nobody registered.
 * A quarter of the readback calls ask for a position inside the regions
 * (@pages of them), so that valid answers are checked too: a position
 * inside must be answered with a chunk that stays inside and that the
 * host cannot reach, one past the end refused with -ERANGE.
 *
 * Counts what came back and reports one line; "unexpected" must be 0: an
 * unregistered id answered anything but NOT_SUPPORTED, or the readback
 * answered a page count past its chunk, or reported a host-reachable page
 * of a protected region. Whether the hypervisor warned or panicked is the
 * guest script's to check (dmesg, and that the guest lives on).
 */
#include <linux/arm-smccc.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <asm/kvm_asm.h>

#include "../../hyp/protected_mmio.h"

static unsigned long calls = 100000;
module_param(calls, ulong, 0444);
MODULE_PARM_DESC(calls, "hypercalls to make, over all CPUs");

static unsigned int nr_ids = 8;
module_param(nr_ids, uint, 0444);
MODULE_PARM_DESC(nr_ids, "dynamic hypercall ids to call, from the first (at most 64)");

static unsigned long pages;
module_param(pages, ulong, 0444);
MODULE_PARM_DESC(pages, "protected pages in all: readback positions to ask for");

static atomic_long_t made, answered, refused, unregistered, unexpected;
static atomic_t running;
static DECLARE_COMPLETION(all_done);

static void one_call(void)
{
	unsigned int id = get_random_u32() % nr_ids;
	u64 a[6], examined, reachable;
	struct arm_smccc_res res;
	s64 ret;
	int i;

	for (i = 0; i < ARRAY_SIZE(a); i++)
		a[i] = get_random_u64();
	if (!id && pages && !(a[5] & 3))
		a[0] %= pages + PMMIO_READBACK_CHUNK;	/* inside, and just past */

	arm_smccc_1_1_hvc(KVM_HOST_SMCCC_ID(__KVM_HOST_SMCCC_FUNC___dynamic_hcalls + id),
			  a[0], a[1], a[2], a[3], a[4], a[5], &res);
	atomic_long_inc(&made);

	if (id) {
		if (res.a0 == SMCCC_RET_NOT_SUPPORTED)
			atomic_long_inc(&unregistered);
		else
			atomic_long_inc(&unexpected);
		return;
	}
	ret = res.a1;
	if (res.a0 != SMCCC_RET_SUCCESS) {
		atomic_long_inc(&unexpected);
	} else if (a[0] >= pages) {
		/* Past the last page: refused, and nothing else. */
		if (ret == -ERANGE)
			atomic_long_inc(&refused);
		else
			atomic_long_inc(&unexpected);
	} else {
		/* Inside: a chunk that stays inside, of protected pages. */
		examined = PMMIO_READBACK_EXAMINED(ret);
		reachable = PMMIO_READBACK_REACHABLE(ret);
		if (ret < 0 || !examined || examined > PMMIO_READBACK_CHUNK ||
		    examined > pages - a[0] || reachable)
			atomic_long_inc(&unexpected);
		else
			atomic_long_inc(&answered);
	}
}

static int hostile_thread(void *share)
{
	unsigned long n = (unsigned long)share;

	while (n--) {
		one_call();
		if (!(n % 256))
			cond_resched();
	}
	if (atomic_dec_and_test(&running))
		complete(&all_done);
	return 0;
}

static int __init hostile_init(void)
{
	unsigned int cpu, nr_cpus = num_online_cpus(), n = 0, i;
	struct task_struct **threads;
	unsigned long share;
	int ret = 0;

	/* Past 64 ids, the id could wrap into the static host hypercalls. */
	if (!nr_ids || nr_ids > 64 || !calls)
		return -EINVAL;
	threads = kcalloc(nr_cpu_ids, sizeof(*threads), GFP_KERNEL);
	if (!threads)
		return -ENOMEM;
	/* All created before any runs: a failure stops the idle ones only. */
	for_each_online_cpu(cpu) {
		share = calls / nr_cpus + (n ? 0 : calls % nr_cpus);
		threads[n] = kthread_create_on_cpu(hostile_thread, (void *)share,
						   cpu, "pmmio_hostile/%u");
		if (IS_ERR(threads[n])) {
			ret = PTR_ERR(threads[n]);
			for (i = 0; i < n; i++)
				kthread_stop(threads[i]);
			goto out;
		}
		n++;
	}
	atomic_set(&running, n);
	for (i = 0; i < n; i++)
		wake_up_process(threads[i]);
	wait_for_completion(&all_done);
	pr_info("%ld calls on %u CPUs: readback %ld answered, %ld refused; %ld unregistered ids refused; %ld unexpected\n",
		atomic_long_read(&made), n, atomic_long_read(&answered),
		atomic_long_read(&refused), atomic_long_read(&unregistered),
		atomic_long_read(&unexpected));
out:
	kfree(threads);
	return ret;
}
module_init(hostile_init);

/* No module_exit: its threads may still be returning when init has. */
MODULE_DESCRIPTION("Test: hostile hypercalls to pkvm_protected_mmio's EL2 call");
MODULE_LICENSE("GPL");
