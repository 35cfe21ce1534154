# RAM in every shape: pKVM would take host RAM as readily as MMIO, so the
# module refuses it at EL1, and nothing reaches the hypervisor.
reason() {
	expect "refused: $1" in_dmesg "$1"
}
reason 'regions= entry 0 "0x40000000+4K": region overlaps RAM'
reason 'regions= entry 1 "0x3ffff000+8K": region overlaps RAM'
reason 'regions= entry 2 "0x50000000+4K": region overlaps RAM'
reason 'regions= entry 3 "0x5ffff000+4K": region overlaps RAM'
expect "summary: refused 4 of 5" in_dmesg "refused 4 of 5 regions: nothing protected"
expect "no status file" test ! -e "$STATUS"
expect "nothing claimed" not_claimed
expect "the valid entry is not protected: PL061 reads" readable 0x9030000
finish
