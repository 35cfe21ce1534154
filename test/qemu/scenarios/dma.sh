# A pKVM IOMMU driver registered before the module (kvm-arm.test_iommu=1),
# as on every phone: protection takes the regions from DMA too, and only
# them.
expect "the test IOMMU is on" in_dmesg "pKVM test: IOMMU on:"
expect "regions protected" in_dmesg "protected 2 regions (513 pages)"
expect "DMA reaches none of the 513 protected pages" \
	[ "$(dma_blocked_in 0x9030000+4K,0x10000000+2M)" = 513 ]
expect "DMA reaches the PL031 neighbour" [ "$(dma_blocked 0x9010000+4K)" = 0 ]
expect "DMA reaches the PCIe window past the region" [ "$(dma_blocked 0x10200000+2M)" = 0 ]
expect "PL061 page: SIGSEGV" segfault 0x9030000
finish
