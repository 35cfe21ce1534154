// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test only: a platform driver that holds MMIO pages as a host driver
 * holds its device's registers (busy in /proc/iomem). Named before
 * pkvm_protected_mmio in kvm-arm.protected_modules=, it is loaded first,
 * so the pages are busy when the module checks its regions. The defaults
 * need no option, which android14-6.1's loader could not pass from the
 * command line: the PL061 page and the first page of the PCIe window of
 * QEMU virt, neither of which has a driver of its own there.
 */
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>

static unsigned long phys[2] = { 0x9030000, 0x10000000 };
static int nr_phys = ARRAY_SIZE(phys);
module_param_array(phys, ulong, &nr_phys, 0444);
MODULE_PARM_DESC(phys, "page-aligned physical addresses of the pages to hold");

static struct platform_device *holder_dev;

static int __init holder_probe(struct platform_device *pdev)
{
	struct resource *r;
	unsigned int i;

	for (i = 0; (r = platform_get_resource(pdev, IORESOURCE_MEM, i)); i++) {
		if (!devm_request_mem_region(&pdev->dev, r->start,
					     resource_size(r), "pmmio_holder"))
			return -EBUSY;
		dev_info(&pdev->dev, "holds %pR\n", r);
	}
	return 0;
}

static struct platform_driver holder_driver = {
	.driver = { .name = "pmmio_holder" },
};

static int __init holder_init(void)
{
	struct resource res[ARRAY_SIZE(phys)] = {};
	int i;

	for (i = 0; i < nr_phys; i++) {
		if (!PAGE_ALIGNED(phys[i]))
			return -EINVAL;
		res[i].start = phys[i];
		res[i].end = phys[i] + PAGE_SIZE - 1;
		res[i].flags = IORESOURCE_MEM;
	}
	/* Fails unless the probe held every page: no test on a false premise. */
	holder_dev = platform_create_bundle(&holder_driver, holder_probe, res,
					    nr_phys, NULL, 0);
	return PTR_ERR_OR_ZERO(holder_dev);
}
module_init(holder_init);

static void __exit holder_exit(void)
{
	platform_device_unregister(holder_dev);
	platform_driver_unregister(&holder_driver);
}
module_exit(holder_exit);

MODULE_DESCRIPTION("Test: hold MMIO pages as a host driver would");
MODULE_LICENSE("GPL");
