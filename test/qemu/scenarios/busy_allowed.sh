# pmmio_holder, loaded first, holds the PL061 page and the PCIe window's
# first page; regions= (0x9030000+4K:allow-busy) and a node with
# pkvm,allow-busy protect them all the same: the driver keeps its claim.
expect "2 regions protected" [ "$(status_field regions)" = 2 ]
expect "EL2: host reaches 0 pages" [ "$(status_field host_pages)" = 0 ]
expect "status lists the parameter's region" \
	status_lists "0x9030000 0x1000 1 protected 0 regions=[0] -"
expect "status lists the node's region" \
	status_lists "0x10000000 0x1000 1 protected 0 /protected-mmio@10000000[0] held"
expect "log: held, protected all the same" \
	in_dmesg "allow-busy: protected although pmmio_holder (pmmio_holder) holds it"
expect "the holder keeps its claim on the PL061 page" \
	grep -q "^    09030000-09030fff : pmmio_holder" /proc/iomem
expect "the module claims neither page" not_claimed
expect "PL061 page: SIGSEGV" segfault 0x9030000
expect "PCIe window's first page: SIGSEGV" segfault 0x10000000
expect "the next page reads" readable 0x10001000
differential_data
finish
