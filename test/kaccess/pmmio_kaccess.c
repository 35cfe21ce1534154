// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test only: a kernel access to one page, as a driver would make it, to
 * see what the host does when the hypervisor owns the page. With
 * mode=nofault the read goes through copy_from_kernel_nofault(), whose
 * fixup must turn the abort into -EFAULT; with mode=read it is a plain
 * readl(), which must oops with "access to hypervisor-protected memory".
 */
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static ulong phys;
module_param(phys, ulong, 0444);
MODULE_PARM_DESC(phys, "page-aligned physical address to read");

static char *mode = "nofault";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "nofault (copy_from_kernel_nofault) or read (readl)");

static int __init kaccess_init(void)
{
	void __iomem *va;
	long ret;
	u32 val;

	if (!phys || !PAGE_ALIGNED(phys))
		return -EINVAL;
	va = ioremap(phys, PAGE_SIZE);
	if (!va)
		return -ENOMEM;

	if (!strcmp(mode, "read")) {
		val = readl(va);
		pr_info("readl(0x%lx) = 0x%x\n", phys, val);
		ret = 0;
	} else {
		ret = copy_from_kernel_nofault(&val, (__force void *)va,
					       sizeof(val));
		pr_info("copy_from_kernel_nofault(0x%lx): %ld\n", phys, ret);
	}
	iounmap(va);
	/* Nothing to keep loaded: the result is in the log. */
	return ret ? ret : -EAGAIN;
}
module_init(kaccess_init);

MODULE_DESCRIPTION("Test: kernel reads of a page the hypervisor may own");
MODULE_LICENSE("GPL");
