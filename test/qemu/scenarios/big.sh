# 512 MiB of the PCIe window: protected, and read back in bounded calls.
expect "131072 pages" [ "$(status_field pages)" = 131072 ]
expect "EL2: host reaches 0 pages" [ "$(status_field host_pages)" = 0 ]
expect "256 readback calls of at most 512 pages" [ "$(status_field readback_calls)" = 256 ]
echo "  status read: $(status_field readback_calls) EL2 calls, $(status_field readback_ns) ns"
expect "first page: SIGSEGV" segfault 0x10000000
expect "last page: SIGSEGV" segfault 0x2ffff000
expect "PCIe window past the region reads" readable 0x30000000
differential_data
finish
