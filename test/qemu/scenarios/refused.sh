# Regions from any source that must all be refused, each named with its
# reason (WANT: the expected lines, separated by |), SUMMARY the last
# line: nothing is protected and the boot goes on.
expect_refused "$WANT"
expect "summary: $SUMMARY" in_dmesg "$SUMMARY: nothing protected"
expect "no status file" test ! -e "$STATUS"
expect "nothing claimed by the module" not_claimed
expect "boot went on: PL061 reads" readable 0x9030000
expect "PCIe window reads" readable 0x10400000
differential_data
finish
