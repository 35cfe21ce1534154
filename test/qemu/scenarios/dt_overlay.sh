# Regions from device-tree overlays (and from regions= where the run gives
# it): each is protected, and the status file and the boot log say where
# it came from. REGIONS: how many; LINES: status lines without their
# index, LOGS: boot-log texts, both separated by |; SEGV: addresses that
# must fault; READ: addresses that must read.
expect "$REGIONS regions protected" [ "$(status_field regions)" = "$REGIONS" ]
expect "EL2: host reaches 0 pages" [ "$(status_field host_pages)" = 0 ]
IFS='|'
for line in $LINES; do
	expect "status lists: $line" status_lists "$line"
done
for text in $LOGS; do
	expect "log: $text" in_dmesg "$text"
done
unset IFS
for addr in $SEGV; do
	expect "$addr: SIGSEGV" segfault "$addr"
done
for addr in $READ; do
	expect "$addr reads" readable "$addr"
done
differential_data
finish
