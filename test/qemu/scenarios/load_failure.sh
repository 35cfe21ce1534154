# A refused set fails the module's load. pKVM's loader then clears pvmfw
# and loads none of the modules listed after ours ($HOLDER: what becomes
# of pmmio_holder). The first modprobe try finds the module, as on a
# device, so the fallback try runs its init a second time: refused alike.
expect "refused: the RAM page" in_dmesg 'regions= entry 0 "0x40000000+4K": region overlaps RAM'
expect "refused by both tries, nothing else" \
	[ "$(dmesg | grep -c 'pkvm_protected_mmio: refused 1 of 1 regions: nothing protected')" = 2 ]
expect "the fallback try ran" \
	in_dmesg "loading pkvm_protected_mmio from /lib/modules/ failed, fallback to the default path"
expect "pKVM reports the failed load" in_dmesg "Failed to load pkvm module pkvm_protected_mmio:"
expect "pvmfw cleared: no protected VM this boot" in_dmesg "Clearing pKVM firmware memory"
if [ "$HOLDER" = loaded ]; then
	expect "pmmio_holder, listed before ours, loaded" test -d /sys/module/pmmio_holder
else
	expect "pmmio_holder, listed after ours, not loaded" test ! -e /sys/module/pmmio_holder
fi
expect "module not loaded" test ! -e /sys/module/pkvm_protected_mmio
expect "nothing claimed by the module" not_claimed
expect "boot went on: PCIe window reads" readable 0x10400000
finish
