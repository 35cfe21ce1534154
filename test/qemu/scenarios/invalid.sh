# One regions= list with every kind of mistake and one valid entry: each
# refused entry is named with its reason, and nothing is protected.
reason() {
	expect "refused: $1" in_dmesg "$1"
}
reason 'regions= entry 1 "0x9030000+4K": duplicates regions= entry 0 "0x9030000+4K"'
reason 'regions= entry 2 "": empty entry'
reason 'regions= entry 3 "zz+4K": address is not a number'
reason 'regions= entry 4 "0xa000000": missing +SIZE'
reason 'regions= entry 5 "0xa000000+4Q": size is not a number'
reason 'regions= entry 6 "0xa000000+16E": number does not fit in 64 bits'
reason 'regions= entry 7 "0xa000000+0": size is zero'
reason 'regions= entry 8 "0xa000800+4K": address is not page aligned'
reason 'regions= entry 9 "0xa000000+100": size is not a multiple of the page size'
reason 'regions= entry 10 "0xfffffffffffff000+8K": region wraps past 2^64'
reason 'regions= entry 11 "0x100000000000000+4K": region ends beyond pKVM'
reason 'regions= entry 12 "0x40000000+4K": region overlaps RAM'
reason 'regions= entry 13 "0x9000000+4K": region is claimed by a driver (busy in /proc/iomem): held by uart-pl011 (9000000.pl011)'
reason 'regions= entry 15 "0x10100000+4K": overlaps regions= entry 14 "0x10000000+2M"'
reason 'regions= entry 16 "0xa000000+4K:allow": unknown option after '"':'"' (the only one is allow-busy)'
reason 'regions= entry 17 "0x9030000+8K": region crosses the edge of a resource in /proc/iomem, so it cannot be claimed'
expect "summary: refused 16 of 18" in_dmesg "refused 16 of 18 regions: nothing protected"
expect "no status file" test ! -e "$STATUS"
expect "valid entry not protected: PL061 reads" readable 0x9030000
expect "PCIe window reads" readable 0x10000000
finish
