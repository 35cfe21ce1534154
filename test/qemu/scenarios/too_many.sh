# One entry more than the build-time maximum.
expect "refused: too many" in_dmesg 'too many regions (33 given, at most 32)'
expect "no status file" test ! -e "$STATUS"
expect "first region not protected" readable 0x10000000
finish
