# regions= given in one place only ($WHERE): modprobe.d of the initramfs
# reaches the module on every kernel; the kernel command line only where
# pKVM's loader mounts /proc before running modprobe (not android14-6.1).
if [ "$WANT" = protected ]; then
	expect "region 0 protected at EL2" [ "$(status_region 0)" = "0 0x9030000 0x1000 1 protected 0 regions=[0] -" ]
	expect "PL061 page: SIGSEGV" segfault 0x9030000
else
	expect "the module got no regions" in_dmesg "pkvm_protected_mmio: no regions given"
	expect "no status file" test ! -e "$STATUS"
	expect "boot went on: PL061 reads" readable 0x9030000
fi
# CONFIG_PKVM_MODULE_PATH is a module directory on Android; for this
# initramfs's modprobe, as for kmod's, -d names a root: nothing there.
expect "pKVM tried its module path, then the default one" \
	in_dmesg "loading pkvm_protected_mmio from /lib/modules/ failed, fallback to the default path"
finish
