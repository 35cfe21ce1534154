# A hostile host after pKVM finalized: pmmio_hostile makes CALLS
# hypercalls from every CPU at once, with random values in every argument
# register, to the module's readback call and to dynamic ids nobody
# registered, while this script reads the status file over and over.
hostile=/lib/modules/$(uname -r)/extra/pmmio_hostile.ko
stable() {
	grep -v -e '^readback_ns:' "$STATUS"
}
before=$(stable)
insmod "$hostile" calls="$CALLS" pages="$(status_field pages)" &
pid=$!
reads=0
torn=0
while kill -0 "$pid" 2>/dev/null; do
	[ "$(stable)" = "$before" ] || torn=$((torn + 1))
	reads=$((reads + 1))
done
wait "$pid"
rc=$?
line=$(dmesg | grep 'pmmio_hostile: ' | tail -n 1)
echo "  $line"
line_has() {
	echo "$line" | grep -Eq -- "$1"
}
cpus=$(grep -c ^processor /proc/cpuinfo)
expect "pmmio_hostile ran (insmod exit $rc)" [ "$rc" -eq 0 ]
expect "$CALLS calls, on every CPU ($cpus)" line_has "^[^:]*: $CALLS calls on $cpus CPUs"
expect "every unregistered id refused, every readback answer sound: 0 unexpected" \
	line_has '[1-9][0-9]* unregistered ids refused; 0 unexpected$'
expect "the readback refused bad positions and answered good ones" \
	line_has 'readback [1-9][0-9]* answered, [1-9][0-9]* refused'
expect "status read $reads times meanwhile, always the same" [ "$reads" -gt 0 -a "$torn" -eq 0 ]
expect "no warning" not_in_dmesg "WARNING:"
expect "no BUG" not_in_dmesg "BUG:"
expect "EL2 readback afterwards: host reaches 0 pages" [ "$(status_field host_pages)" = 0 ]
expect "PL061 page: SIGSEGV" segfault 0x9030000
expect "PCIe window, last page: SIGSEGV" segfault 0x101ff000
finish
