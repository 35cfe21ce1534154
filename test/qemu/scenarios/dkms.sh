# The module as DKMS built it and the initramfs-tools hook put it into the
# initramfs, loaded by kvm-arm.protected_modules= with the default regions.
expect "version $VERSION, from dkms.conf" \
	[ "$(cat /sys/module/pkvm_protected_mmio/version)" = "$VERSION" ]
expect "region 0 protected at EL2" [ "$(status_region 0)" = "0 0x9030000 0x1000 1 protected 0 regions=[0] -" ]
expect "region 1 protected at EL2" [ "$(status_region 1)" = "1 0x10000000 0x200000 512 protected 0 regions=[1] -" ]
expect "PL061 page: SIGSEGV" segfault 0x9030000
expect "PCIe window, last page: SIGSEGV" segfault 0x101ff000
finish
