# Host permission-fault handlers of a PMMIO_PERMFAULT_TEST build, which
# traps page 0x9030000: handler i returns entry i of pf_handlers= (e:
# and emulates the access). One read of the page's byte 0x10, then what
# it read (READ: value, the emulated 0x5A5A5A5A; segv, the abort injected)
# and what each handler recorded (RESULTS: "I reg ERR calls N addr IPA"
# lines, |-separated), as the generation's dispatch decides.
PF=/sys/module/pkvm_protected_mmio/parameters/pf_results
# Where the read panics the hypervisor, the host's report of it (kvm_err)
# must reach the console, which /init quieted.
echo 7 >/proc/sys/kernel/printk
out=$(devmem 0x9030010 32 2>/dev/null)
rc=$?
sed 's/^/    pf_results: /' "$PF"
case $READ in
value)	expect "the read was emulated: 0x5A5A5A5A" [ "$rc" = 0 ] && [ "$out" = 0x5A5A5A5A ] ;;
segv)	expect "the read died of SIGSEGV" [ "$rc" = 139 ] ;;
*)	fail "READ='$READ': neither value nor segv" ;;
esac
expect "the page was made to trap" grep -qx 'trap 0' "$PF"
old_ifs=$IFS
IFS='|'
for line in $RESULTS; do
	IFS=$old_ifs
	expect "handler $line" grep -q "^$line " "$PF"
done
IFS=$old_ifs
expect "the PL031 page still reads" readable 0x9010000
finish
