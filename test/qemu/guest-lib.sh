# SPDX-License-Identifier: GPL-2.0-only
# Prepended to every scenario's guest script by test/qemu/check.
# busybox sh inside the guest: keep it POSIX.

STATUS=/sys/module/pkvm_protected_mmio/status
fails=0

pass() { echo "  pass: $*"; }
fail() { echo "  FAIL: $*"; fails=$((fails + 1)); }

# expect DESCRIPTION COMMAND...: the command must succeed.
expect() {
	what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# A read of a hyp-owned page is a stage-2 fault pKVM gives back to the
# host, which sends user space SIGSEGV (SEGV_ACCERR): the shell reports
# devmem's status as 139.
segfault() {
	devmem "$1" 32 >/dev/null 2>&1
	[ $? -eq 139 ]
}

readable() {
	devmem "$1" 32 >/dev/null 2>&1
}

status_field() {
	sed -n "s/^$1: //p" "$STATUS"
}

# The status line of region $1:
# "index base size pages state host_pages source label".
status_region() {
	grep "^$1 " "$STATUS"
}

# Some region's status line is $1 after its index.
status_lists() {
	grep -v '^#' "$STATUS" | cut -d' ' -f2- | grep -qxF -- "$1"
}

in_dmesg() {
	dmesg | grep -qF -- "$1"
}

# expect_refused LINES: each line of LINES (separated by |) is in the
# kernel log, reported as "refused: LINE"; $refused counts those found.
# The log is read once, into /tmp/dmesg, for the caller to grep too.
expect_refused() {
	dmesg >/tmp/dmesg
	refused=0
	set -f
	IFS='|'
	for line in $1; do
		if grep -qF -- "$line" /tmp/dmesg; then
			refused=$((refused + 1))
			pass "refused: $line"
		else
			fail "refused: $line"
		fi
	done
	unset IFS
	set +f
}

not_in_dmesg() {
	! in_dmesg "$1"
}

# The module's own first kernel log line (not the kernel's taint note)
# contains $1.
first_line_has() {
	dmesg | grep 'pkvm_protected_mmio: ' | grep -v 'taints kernel' |
		head -n 1 | grep -qF -- "$1"
}

# Pages pKVM refused to give back were mapped for the host directly, or not.
# hyp_donate_host refuses with -EPERM, or -ERANGE where the hypervisor's
# VA space ends below the range (6.1).
modprot_used() {
	in_dmesg "(some through host_stage2_mod_prot)" &&
		in_dmesg "pKVM refused to give back some pages (-E"
}

modprot_unused() {
	not_in_dmesg "host_stage2_mod_prot"
}

# Pages of ADDR+SIZE that the host stage-2 says are not the host's, from
# the hypervisor itself: a test-kernel-only witness (test/kernel/patches,
# "count the pages of a range the host does not own"), there also when our
# module loaded nothing at EL2. Prints the count or a negative errno.
unowned() {
	echo "$1" >/sys/module/kvm/parameters/test_host_unowned &&
		cat /sys/module/kvm/parameters/test_host_unowned
}

# Pages of ADDR+SIZE that the test IOMMU (kvm-arm.test_iommu=1) does not
# map read-write for DMA: a test-kernel-only witness (test/kernel/patches,
# "a pKVM IOMMU driver that follows the host stage-2"). Prints the count
# or a negative errno.
dma_blocked() {
	echo "$1" >/sys/module/kvm/parameters/test_dma_blocked &&
		cat /sys/module/kvm/parameters/test_dma_blocked
}

# The sum of dma_blocked over the comma-separated ADDR+SIZE list $1.
dma_blocked_in() {
	total=0
	for range in $(echo "$1" | tr , ' '); do
		n=$(dma_blocked "$range") || return 1
		total=$((total + n))
	done
	echo "$total"
}

not_claimed() {
	! grep -q pkvm_protected_mmio /proc/iomem
}

# differential_data: for test/tools/differential, which runs pmmio-check
# on the host against what this boot's module said: its log lines, pKVM's
# IPA size limit and /proc/iomem.
differential_data() {
	echo "differential: ipa $(dmesg | sed -n 's/.*IPA Size Limit: \([0-9]*\) bits.*/\1/p' | head -n 1)"
	dmesg | sed -n 's/^\[ *[0-9.]*\] //p' |
		grep -e '^pkvm_protected_mmio: ' -e '^regions: string parameter too long' |
		sed 's/^/differential: log /'
	sed 's/^/differential: iomem /' /proc/iomem
}

finish() {
	if [ "$fails" -ne 0 ]; then
		echo "  --- dmesg (pkvm) ---"
		dmesg | grep -i -e pkvm -e kvm | tail -n 40
		exit 1
	fi
	exit 0
}
