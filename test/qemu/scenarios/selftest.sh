# The module built with PMMIO_SELFTEST_PAGE=0x0a000000: at EL2 init, before
# the regions, the scratch page goes through every ownership transition.
# WANT: the selftest's log line; RESULT: protected (it passed, and the
# region is protected) or refused (it failed: nothing protected).
expect "log: $WANT" in_dmesg "$WANT"
expect "the scratch page is the host's again" readable 0xa000000
expect "the scratch page stays claimed, and its name reads" \
	grep -q "0a000000-0a000fff : pkvm_protected_mmio" /proc/iomem
if [ "$RESULT" = protected ]; then
	expect "then the region is protected" [ "$(status_field host_pages)" = 0 ]
	expect "PL061 page: SIGSEGV" segfault 0x9030000
else
	expect "no status file" test ! -e "$STATUS"
	expect "PL061 page reads" readable 0x9030000
fi
finish
