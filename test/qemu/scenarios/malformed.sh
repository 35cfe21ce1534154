# Malformed inputs (the table of test/qemu/malformed), each refused with its
# reason (WANT: the log lines, separated by |; SUMMARY: the module's last
# word), and nothing donated, as the hypervisor itself sees the host
# stage-2: no page of the MMIO space below RAM or of the high PCIe window,
# and no page of RAM but pKVM's own carve-out, is any longer the host's.
# The boot goes on (READ: addresses that must still read).
expect_refused "$WANT"
expect "summary: $SUMMARY" grep -qF -- "$SUMMARY" /tmp/dmesg
expect "module not loaded" sh -c "! grep -q '^pkvm_protected_mmio ' /proc/modules"
expect "no status file" test ! -e "$STATUS"
expect "nothing claimed by the module" not_claimed

# pKVM took its carve-out at init ("Reserved N MiB at ADDR"): inside the
# last 64 MiB of QEMU's 512 MiB of RAM, which some inputs name.
set -- $(sed -n 's/.*kvm \[0\]: Reserved \([0-9]*\) MiB at \(0x[0-9a-f]*\)$/\1 \2/p' /tmp/dmesg)
expect "pKVM's carve-out ($1 MiB at $2) lies in 0x5c000000-0x5fffffff" \
	[ -n "$2" ] && [ $(($2)) -ge $((0x5c000000)) ] &&
	[ $(($2 + $1 * 0x100000)) -le $((0x60000000)) ]
carveout_pages=$((${1:-0} * 256))
mmio=$(unowned 0+0x40000000)
high=$(unowned 0x8000000000+4G)
ram_first=$(unowned 0x40000000+4K)
ram_top=$(unowned 0x5c000000+64M)
expect "EL2: pages of 0-0x3fffffff not the host's: $mmio" [ "$mmio" = 0 ]
expect "EL2: pages of 0x8000000000-0x80ffffffff not the host's: $high" [ "$high" = 0 ]
expect "EL2: RAM's first page is the host's: $ram_first" [ "$ram_first" = 0 ]
expect "EL2: of RAM's last 64 MiB only the carve-out is not the host's: $ram_top" \
	[ "$ram_top" = "$carveout_pages" ]
for addr in $READ; do
	expect "boot went on: $addr reads" readable "$addr"
done
if [ "$fails" -eq 0 ]; then
	echo "malformed inputs: $refused refused, $((mmio + high + ram_first + ram_top - carveout_pages)) donated"
fi
differential_data
finish
