# Booted with --no-module: pKVM finalized without us, so a load is refused.
ko=/lib/modules/$(uname -r)/extra/pkvm_protected_mmio.ko
expect "PL061 reads before" readable 0x9030000
expect "insmod fails" sh -c "! insmod $ko regions=0x9030000+4K 2>/dev/null"
expect "one line explains the load window and the command line" \
	in_dmesg "), nothing protected: EL2 modules load only at boot, before pKVM finalizes; boot with kvm-arm.mode=protected kvm-arm.protected_modules=pkvm_protected_mmio pkvm_protected_mmio.regions=0x9030000+4K"
expect "says pKVM is already finalized" in_dmesg "pkvm_protected_mmio: pKVM is already finalized ("
expect "modprobe fails too" sh -c "! modprobe pkvm_protected_mmio regions=0x10000000+2M 2>/dev/null"
expect "with its own regions" in_dmesg "pkvm_protected_mmio.regions=0x10000000+2M"
expect "not loaded" sh -c "! grep -q '^pkvm_protected_mmio ' /proc/modules"
expect "nothing reserved in /proc/iomem" sh -c "! grep -q pkvm_protected_mmio /proc/iomem"
expect "PL061 still reads" readable 0x9030000
expect "PCIe window still reads" readable 0x10000000
finish
