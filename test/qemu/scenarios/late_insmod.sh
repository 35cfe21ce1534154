# Booted with --no-module: pKVM finalized without us, so a load is refused.
ko=/lib/modules/$(uname -r)/extra/pkvm_protected_mmio.ko
expect "PL061 reads before" readable 0x9030000
expect "insmod fails" sh -c "! insmod $ko regions=0x9030000+4K 2>/dev/null"
expect "explains the load window" in_dmesg "pKVM is already finalized"
expect "prints the command line" in_dmesg "kvm-arm.mode=protected kvm-arm.protected_modules=pkvm_protected_mmio pkvm_protected_mmio.regions=0x9030000+4K"
expect "not loaded" sh -c "! grep -q '^pkvm_protected_mmio ' /proc/modules"
expect "PL061 still reads" readable 0x9030000
finish
