# Built with PMMIO_TEST_FAIL_REGION=$K: region K's donation happens at EL2
# and is then reported failed, so EL2 must give back K, K-1 .. 0.
expect "EL2 reported region $K failing" in_dmesg "donating region $K ("
expect "gave back $K..0" in_dmesg "gave back every page of regions $K..0 in reverse order"
expect "EL2 readback: host reaches all 530 pages" in_dmesg "EL2 readback after the rollback: host can reach 530 of 530 pages"
expect "no status file" test ! -e "$STATUS"
expect "region 0 (PL061) reads" readable 0x9030000
expect "region 1 (PCIe window) reads" readable 0x10000000
expect "region 1, last page reads" readable 0x101ff000
expect "region 2 (virtio-mmio) reads" readable 0xa000000
expect "region 3 (PCIe window) reads" readable 0x1040f000
finish
