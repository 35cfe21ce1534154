# Booted with --no-module: pKVM finalized without us, so a load is refused,
# and the first thing the user reads is why, whatever the arguments.
ko=/lib/modules/$(uname -r)/extra/pkvm_protected_mmio.ko
window="nothing protected: EL2 modules load only at boot, before pKVM finalizes; boot with kvm-arm.mode=protected kvm-arm.protected_modules=pkvm_protected_mmio pkvm_protected_mmio.regions="
expect "PL061 reads before" readable 0x9030000
expect "insmod without arguments fails" sh -c "! insmod $ko 2>/dev/null"
expect "its first line is the load window" \
	first_line_has "pkvm_protected_mmio: pKVM is already finalized (-EOPNOTSUPP), $window"
expect "not 'no regions given'" not_in_dmesg "no regions given"
dmesg -c >/dev/null
expect "insmod with regions fails" sh -c "! insmod $ko regions=0x9030000+4K 2>/dev/null"
expect "the same line, with the regions" in_dmesg "${window}0x9030000+4K"
dmesg -c >/dev/null
expect "insmod with a bad entry fails" sh -c "! insmod $ko regions=0x9030001+4K 2>/dev/null"
expect "window line first" first_line_has "pKVM is already finalized"
expect "then the bad entry" in_dmesg 'regions= entry 0 "0x9030001+4K": address is not page aligned'
expect "modprobe fails too" sh -c "! modprobe pkvm_protected_mmio regions=0x10000000+2M 2>/dev/null"
expect "with its own regions" in_dmesg "${window}0x10000000+2M"
expect "not loaded" sh -c "! grep -q '^pkvm_protected_mmio ' /proc/modules"
expect "nothing reserved in /proc/iomem" not_claimed
expect "PL061 still reads" readable 0x9030000
expect "PCIe window still reads" readable 0x10000000
finish
