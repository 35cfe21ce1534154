# 6.6 leaves region 1 annotated without an EL2 mapping and this hypervisor
# refuses host_stage2_mod_prot: the log names the pages, boot goes on.
expect "region 1 failed" in_dmesg "donating region 1 (regions= entry 1 \"0x10000000+2M\", 512 pages) failed at EL2: -ENOMEM"
expect "names the pages" in_dmesg "not given back: 0x10000000-0x101fffff (512 pages)"
expect "says the fallback failed too" in_dmesg "host_stage2_mod_prot failed: -EPERM"
expect "counts them in region 1" in_dmesg "region 1: 512 pages could not be given back to the host"
expect "boot continues" in_dmesg "host can reach 18 of 530 pages; 512 stay with the hypervisor, boot continues"
expect "region 1 stays with the hypervisor: SIGSEGV" segfault 0x10000000
expect "region 0 reads" readable 0x9030000
expect "region 2 reads" readable 0xa000000
expect "region 3 reads" readable 0x10400000
expect "region 1 stays claimed in /proc/iomem" grep -q "10000000-101fffff : pkvm_protected_mmio" /proc/iomem
expect "the others are released" [ "$(grep -c pkvm_protected_mmio /proc/iomem)" = 1 ]
finish
