# 4 GiB of the high PCIe window: more than the hypervisor's page-table
# pools hold. The donation fails -ENOMEM and every page comes back.
# 6.12 annotates first and runs out of host stage-2 table pages, a WARN
# (a panic on a phone: pool_6.12_panics) made to continue here, leaving
# an annotated prefix for host_stage2_mod_prot; 6.12-early maps first,
# runs out of its own stage-1 pool, and undoes it all itself.
expect "fails for lack of memory" in_dmesg 'donating region 0 (regions= entry 0 "0x8000000000+4G", 1048576 pages) failed at EL2: -ENOMEM'
expect "what went through host_stage2_mod_prot: $MODPROT" modprot_$MODPROT
expect "EL2 readback: host reaches every page" \
	in_dmesg "EL2 readback after the rollback: host can reach 1048576 of 1048576 pages; nothing protected"
expect "iomem claim released" not_claimed
expect "first page reads" readable 0x8000000000
expect "middle page reads" readable 0x8080000000
expect "last page reads" readable 0x80fffff000
finish
