# A failure injected at EL2 in region $K of four: whatever the hypervisor
# left, the module gives back regions $K..0 and nothing stays protected.
expect "EL2 names region $K: $WHY" in_dmesg "$WANT"
expect "rolled back $K..0" in_dmesg "rolled back regions $K..0 in reverse order"
expect "region $K failed" in_dmesg "region $K: failed, host reaches"
expect "what went through host_stage2_mod_prot: $MODPROT" modprot_$MODPROT
expect "EL2 readback: host reaches all 530 pages" \
	in_dmesg "EL2 readback after the rollback: host can reach 530 of 530 pages; nothing protected"
if [ "${IOMMU:-0}" = 1 ]; then
	expect "the test IOMMU is on" in_dmesg "pKVM test: IOMMU on:"
	expect "the IOMMU lets DMA reach all 530 pages again" [ "$(dma_blocked_in "$REGIONS")" = 0 ]
fi
expect "loaded once, not retried" [ "$(dmesg | grep -c 'rolled back regions')" = 1 ]
expect "no status file" test ! -e "$STATUS"
expect "iomem claims released" not_claimed
expect "region 0 (PL061) reads" readable 0x9030000
expect "region 1 (PCIe window) reads" readable 0x10000000
expect "region 1, middle page reads" readable 0x100ff000
expect "region 1, last page reads" readable 0x101ff000
expect "region 2 (virtio-mmio) reads" readable 0xa000000
expect "region 3 (PCIe window) reads" readable 0x1040f000
finish
