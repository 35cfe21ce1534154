# The module's budget of host stage-2 table pages (pool_budget=, by default
# what pKVM provisions for MMIO tables less a margin of 64). $RESULT:
# refused, before any donation, naming the figures ($WANT); or protected,
# and the host's own MMIO faults, which take their tables from the same
# pool, still served after it.
if [ "$RESULT" = refused ]; then
	expect "refused, naming the figures" in_dmesg "$WANT"
	expect "before any donation" not_in_dmesg "donating region"
	expect "nothing taken from the host" [ "$(unowned "$REGION")" = 0 ]
	expect "no status file" test ! -e "$STATUS"
	expect "nothing claimed by the module" not_claimed
	expect "the region reads" readable "${REGION%+*}"
else
	expect "the test kernel took $RESERVE pages, as other modules would" \
		in_dmesg "pKVM test: $RESERVE page-table pages of the host's MMIO mappings taken"
	expect "protected, host reaches 0 pages" \
		[ "$(status_field regions)" = 1 -a "$(status_field host_pages)" = 0 ]
	expect "region start: SIGSEGV" segfault "${REGION%+*}"
	# New tables for each: past the region, the next GiBs, another 512 GiB.
	for addr in 0x8038000000 0x8040000000 0x80c0200000 0x8800000000 0x10400000; do
		expect "host MMIO fault at $addr served" readable $addr
	done
fi
finish
