# SPDX-License-Identifier: GPL-2.0-only
# Shared by the test scripts: cache location, logging, cross toolchain.

# set -e inside $(...) too, where bash drops it by default.
shopt -s inherit_errexit

PMMIO_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PMMIO_CACHE=${PMMIO_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/pkvm-protected-mmio}
PMMIO_CROSS=aarch64-linux-gnu-

# kernel_recipe NAME: set k_base, k_patches, k_fragments, k_compiler,
# k_modes, k_profile and k_args from test/kernel/matrix, or fail.
kernel_recipe() {
	local name base patches fragments compiler modes profile args
	while read -r name base patches fragments compiler modes profile args; do
		[[ $name == "$1" ]] || continue
		k_base=$base
		k_patches=${patches//,/ }
		k_fragments=${fragments//,/ }
		k_compiler=$compiler
		k_modes=${modes//,/ }
		k_profile=$profile
		k_args=${args//,/ }
		[[ $k_args != - ]] || k_args=
		return 0
	done < <(grep -v '^#' "$PMMIO_TOP/test/kernel/matrix")
	return 1
}

# Every test kernel's name, in the matrix's order.
PMMIO_KERNELS=$(grep -v '^#' "$PMMIO_TOP/test/kernel/matrix" | awk 'NF {print $1}' | xargs)

# test/qemu/run's regions= when none is given (and no --dtbo).
PMMIO_DEFAULT_REGIONS=0x9030000+4K,0x10000000+2M

# The QEMU machine every test boots, and whose own DTB overlays apply to
# (the number of CPUs, -smp, is the runner's --smp).
PMMIO_QEMU_MACHINE=virt,virtualization=on,gic-version=3
PMMIO_QEMU_OPTS=(-cpu max -m 512 -nographic -no-reboot -monitor none -nic none)

# qemu_dtb FILE [CPUS]: dump QEMU's own DTB for exactly that machine, with
# CPUS CPUs (default 2), into FILE.
qemu_dtb() {
	qemu-system-aarch64 -M "$PMMIO_QEMU_MACHINE,dumpdtb=$1" "${PMMIO_QEMU_OPTS[@]}" -smp "${2:-2}" \
		</dev/null >"$1.log" 2>&1 || { cat "$1.log" >&2; die "QEMU did not dump its device tree"; }
}

# tap_check DESCRIPTION OUTPUT-FILE COMMAND...: one TAP line, numbered by
# the caller's $n, ok when COMMAND succeeds; OUTPUT-FILE is shown when it
# does not, and the caller's $failed counts it.
tap_check() {
	local what=$1 out=$2
	shift 2
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $what"
	else
		sed 's/^/    /' "$out"
		echo "not ok $n - $what"
		failed=$((failed + 1))
	fi
}

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# with_progress WHAT LOG CMD...: run CMD with its output in LOG, and print
# a line every 20 s while it runs, so CI sees progress.
with_progress() {
	local what=$1 log=$2 start=$SECONDS next=20 pid rc=0
	shift 2
	"$@" >"$log" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if (( SECONDS - start >= next )); then
			say "$what: ${next} s"
			next=$((next + 20))
		fi
	done
	wait "$pid" || rc=$?
	say "$what: finished in $((SECONDS - start)) s"
	return "$rc"
}

# fetch_deb PACKAGE[:ARCH]: a Debian package's files, fetched with
# apt-get download and unpacked into the cache, never installed (an arm64
# package would replace the host's); under a lock, moved into place whole.
# Prints the directory the package's files are under.
fetch_deb() {
	local pkg=$1 dir=$PMMIO_CACHE/deb-${1/:/-} tmp
	mkdir -p "$PMMIO_CACHE"
	exec 7>"$dir.lock"
	flock 7
	if [[ ! -d $dir ]]; then
		say "fetching $pkg"
		if [[ $pkg == *:arm64 ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
			dpkg --add-architecture arm64
			apt-get update -qq
		fi
		tmp=$(mktemp -d "$PMMIO_CACHE/deb.XXXXXX")
		if ! (cd "$tmp" && { apt-get download -qq "$pkg" >/dev/null 2>&1 ||
			{ apt-get update -qq && apt-get download -qq "$pkg"; }; }) ||
		   ! dpkg-deb -x "$tmp"/*.deb "$tmp/files"; then
			rm -rf "$tmp"
			die "cannot download and unpack $pkg"
		fi
		mv "$tmp/files" "$dir"
		rm -rf "$tmp"
	fi
	exec 7>&-
	echo "$dir"
}
