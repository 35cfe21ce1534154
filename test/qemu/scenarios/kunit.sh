# The EL1 parser's case table, in the kernel, against its real library.
modprobe pkvm_protected_mmio_kunit
totals=$(dmesg | sed -n 's/.*# Totals: \(pass:.*\)/\1/p')
echo "  kunit: $totals"
dmesg | grep 'not ok' | sed 's/^/  kunit: /'
pass_count=$(echo "$totals" | sed -n 's/^pass:\([0-9]*\) .*/\1/p')
expect "KUnit suite ran at least 50 cases" [ "${pass_count:-0}" -ge 50 ]
expect "KUnit suite: no failure" sh -c "echo '$totals' | grep -q ' fail:0 '"
finish
