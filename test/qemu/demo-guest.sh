# Guest side of make demo (busybox sh).
status=/sys/module/pkvm_protected_mmio/status
echo "--- kernel log"
dmesg | grep -e 'VHE mode initialized' -e pkvm_protected_mmio
echo "--- $status (asks EL2 on every read)"
cat "$status" || exit 1
echo "--- devmem 0x9030000: the protected PL061 GPIO page"
devmem 0x9030000 32
echo "devmem exit status: $?"
echo "--- devmem 0x9010000: its unprotected neighbour, the PL031 RTC"
devmem 0x9010000 32
echo "devmem exit status: $?"
