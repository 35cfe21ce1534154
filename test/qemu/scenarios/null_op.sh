# A hypervisor whose struct pkvm_module_ops lacks an op the EL2 object
# calls (kvm-arm.test_null_op=$OP): its init looks before the first call
# and refuses, naming the op; nothing was donated or shared.
expect "the log names the op" in_dmesg "the hypervisor's struct pkvm_module_ops has no $OP, which the EL2 object calls: nothing donated, nothing protected"
expect "the host stage-2 has nothing donated" [ "$(unowned 0x9030000+4K)" = 0 ]
expect "no status file" test ! -e "$STATUS"
expect "iomem claim released" not_claimed
expect "PL061 page reads" readable 0x9030000
finish
