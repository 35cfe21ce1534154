# Named in kvm-arm.protected_modules= but given no region at all.
expect "says no regions given, and where to set them" \
	in_dmesg "pkvm_protected_mmio: no regions given: set pkvm_protected_mmio.regions=ADDR+SIZE[,...] on the kernel command line or in modprobe.d of the initramfs"
expect "not loaded" sh -c "! grep -q '^pkvm_protected_mmio ' /proc/modules"
expect "no status file" test ! -e "$STATUS"
expect "boot went on: PL061 reads" readable 0x9030000
finish
