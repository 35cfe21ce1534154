# Default regions: the PL061 page and 2 MiB of the PCIe window.
expect "status file exists" test -r "$STATUS"
expect "2 regions, 513 pages" [ "$(status_field regions)" = 2 -a "$(status_field pages)" = 513 ]
expect "readback comes from EL2" [ "$(status_field readback)" = el2 ]
expect "EL2: host reaches 0 pages" [ "$(status_field host_pages)" = 0 ]
expect "one readback call per region of at most 512 pages" [ "$(status_field readback_calls)" = 2 ]
expect "region 0 protected at EL2" [ "$(status_region 0)" = "0 0x9030000 0x1000 1 protected 0 regions=[0] -" ]
expect "region 1 protected at EL2" [ "$(status_region 1)" = "1 0x10000000 0x200000 512 protected 0 regions=[1] -" ]
expect "EL2 timed the protection" [ "$(status_field protect_ticks)" -gt 0 ]
expect "one ranged donation call per region" \
	[ "$(status_field donation)" = ranged -a "$(status_field donate_calls)" = 2 ]
expect "PL061 page: SIGSEGV" segfault 0x9030000
expect "PL061 page, last word: SIGSEGV" segfault 0x9030ffc
expect "PCIe window start: SIGSEGV" segfault 0x10000000
expect "PCIe window, last page: SIGSEGV" segfault 0x101ff000
expect "guest survives: PL031 neighbour reads" readable 0x9010000
expect "PCIe window past the region reads" readable 0x10200000
expect "virtio-mmio neighbour reads" readable 0xa000000
expect "regions reserved in /proc/iomem" grep -q "09030000-09030fff : pkvm_protected_mmio" /proc/iomem
expect "boot log summary" in_dmesg "protected 2 regions (513 pages)"
expect "every module loaded: pvmfw kept" not_in_dmesg "Clearing pKVM firmware memory"
expect "still protected after the faults" [ "$(status_field host_pages)" = 0 ]

# A kernel access: fixed up where the code expects a fault, else an oops.
kaccess=/lib/modules/$(uname -r)/extra/pmmio_kaccess.ko
insmod "$kaccess" phys=0x9030000 mode=nofault 2>/dev/null
expect "kernel read with a fixup: -EFAULT" in_dmesg "copy_from_kernel_nofault(0x9030000): -14"
insmod "$kaccess" phys=0x9010000 mode=nofault 2>/dev/null
expect "kernel read of a host page: 0" in_dmesg "copy_from_kernel_nofault(0x9010000): 0"
sh -c "insmod $kaccess phys=0x9030000 mode=read" 2>/dev/null
expect "plain kernel read oopses, naming the hypervisor" \
	in_dmesg "Unable to handle kernel access to hypervisor-protected memory at virtual address"
expect "host survives the oops: status still reads" [ "$(status_field host_pages)" = 0 ]
differential_data
finish
