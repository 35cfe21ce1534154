# The first modprobe try finds the module, as on a device; its donation
# fails at the 257th page mapped (region 1) and everything is given back.
# The fallback try runs the init again, past the injected failure: the
# same set, from the state the first left, protected.
expect "first init: region 1 failed" in_dmesg "donating region 1 ("
expect "first init: given back" \
	in_dmesg "EL2 readback after the rollback: host can reach 530 of 530 pages; nothing protected"
expect "the fallback try ran" \
	in_dmesg "loading pkvm_protected_mmio from /lib/modules/ failed, fallback to the default path"
expect "second init: 4 regions, host reaches 0 pages" \
	[ "$(status_field regions)" = 4 -a "$(status_field host_pages)" = 0 ]
expect "PL061 page: SIGSEGV" segfault 0x9030000
expect "64K region, last page: SIGSEGV" segfault 0x1040f000
expect "DMA shut out of all 530 pages" [ "$(dma_blocked_in "$REGIONS")" = 530 ]
expect "the load succeeded: no failure reported" not_in_dmesg "Failed to load pkvm module"
expect "pvmfw kept" not_in_dmesg "Clearing pKVM firmware memory"
finish
