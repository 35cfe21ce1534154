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
		[[ $name == "$1" && $name != '#'* ]] || continue
		k_base=$base
		k_patches=${patches//,/ }
		k_fragments=${fragments//,/ }
		k_compiler=$compiler
		k_modes=${modes//,/ }
		k_profile=$profile
		k_args=${args//,/ }
		[[ $k_args != - ]] || k_args=
		return 0
	done <"$PMMIO_TOP/test/kernel/matrix"
	return 1
}

# Every test kernel's name, in the matrix's order.
PMMIO_KERNELS=
while read -r _name _; do
	[[ -z $_name || $_name == '#'* ]] || PMMIO_KERNELS+=${PMMIO_KERNELS:+ }$_name
done <"$PMMIO_TOP/test/kernel/matrix"
unset _name _

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

# need COMMAND...: fail naming each command that is not on PATH, so that
# a missing tool is never mistaken for what it would have done.
need() {
	local cmd missing=()
	for cmd; do
		command -v "$cmd" >/dev/null || missing+=("$cmd")
	done
	((${#missing[@]} == 0)) ||
		die "command not found: ${missing[*]} (test/install-deps lists the Debian packages; as root it installs them)"
}

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

# The project's own apt state, in the cache: its own sources list (papt_sources),
# indexes for amd64 and arm64, used only to download. It leaves the
# host's dpkg, apt sources and lists alone (no foreign architecture
# added) and needs no root; the host's apt.conf.d (a proxy) still applies.
PMMIO_APT=$PMMIO_CACHE/apt
papt_run() {
	local tool=$1
	shift
	"$tool" -q -o Dir::State="$PMMIO_APT/state" -o Dir::Cache="$PMMIO_APT/cache" \
		-o Dir::Etc::sourcelist="$PMMIO_APT/sources.list" \
		-o Dir::Etc::sourceparts="$PMMIO_APT/sources.list.d" \
		-o Dir::State::status=/dev/null -o APT::Architectures::=amd64 \
		-o APT::Architectures::=arm64 -o APT::Sandbox::User="$(id -un)" \
		-o Acquire::Languages=none "$@"
}

# papt_sources: the private sources list, from deb.debian.org: Debian 12
# (bookworm, its updates and security suites), where busybox-static and
# initramfs-tools-core come from, and every suite test/kernel/sources
# takes a kernel source from. Backports suites serve only what is asked
# for by version, as fetch_pinned_deb asks.
papt_sources() {
	local base pkg version sha256 suite suites=" bookworm bookworm-updates bookworm-security" uri
	while read -r base pkg version sha256 suite; do
		[[ -n $suite && $base != '#'* && "$suites " != *" $suite "* ]] || continue
		suites+=" $suite"
	done <"$PMMIO_TOP/test/kernel/sources"
	for suite in $suites; do
		uri=http://deb.debian.org/debian
		[[ $suite != *-security ]] || uri+=-security
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main"
	done
}

# papt_update [--force]: read the sources' indexes into the private state,
# if it has none, they are more than a day old, the sources list changed,
# or forced. Callers hold the lock of papt_lock.
papt_update() {
	local stamp=$PMMIO_APT/updated
	mkdir -p "$PMMIO_APT/sources.list.d"
	papt_sources >"$PMMIO_APT/sources.list.new"
	if cmp -s "$PMMIO_APT/sources.list.new" "$PMMIO_APT/sources.list"; then
		rm "$PMMIO_APT/sources.list.new"
	else
		mv "$PMMIO_APT/sources.list.new" "$PMMIO_APT/sources.list"
		rm -f "$stamp"
	fi
	if [[ ${1:-} != --force && -f $stamp ]] &&
	   (($(date +%s) - $(stat -c %Y "$stamp") < 86400)); then
		return 0
	fi
	mkdir -p "$PMMIO_APT/state/lists/partial" "$PMMIO_APT/cache/archives/partial"
	say "reading the apt sources' indexes (private state in $PMMIO_APT)"
	papt_run apt-get update >"$PMMIO_APT/update.log" 2>&1 ||
		{ cat "$PMMIO_APT/update.log" >&2; die "apt-get update (private state) failed"; }
	touch "$stamp"
}

papt_lock() {
	mkdir -p "$PMMIO_APT"
	exec 6>"$PMMIO_APT/lock"
	flock 6
}

# papt_download DIR PACKAGE[=VERSION]: download the .deb into DIR, reading
# the indexes again once if they do not have it. Callers hold the lock.
papt_download() {
	papt_update
	(cd "$1" && papt_run apt-get download "$2") >/dev/null 2>&1 && return 0
	papt_update --force
	(cd "$1" && papt_run apt-get download "$2") >/dev/null 2>&1
}

# papt_served PACKAGE: the versions the configured sources serve, newest
# first, on one line.
papt_served() {
	papt_run apt-cache madison "$1" 2>/dev/null | awk -F' *[|] *' '!seen[$2]++ { printf "%s%s", sep, $2; sep = " " }'
}

# kernel_source BASE: set s_pkg, s_version, s_sha256 and s_suite from
# test/kernel/sources, or fail. PMMIO_KERNEL_PIN="BASE PACKAGE VERSION
# SHA256 SUITE", a line of that file's form, overrides the file's line for
# BASE (test/kernel/refresh tries a new version with it).
kernel_source() {
	local base pkg version sha256 suite
	while read -r base pkg version sha256 suite; do
		[[ $base == "$1" ]] || continue
		s_pkg=$pkg s_version=$version s_sha256=$sha256 s_suite=$suite
		return 0
	done < <(echo "${PMMIO_KERNEL_PIN:-}"; grep -v '^#' "$PMMIO_TOP/test/kernel/sources")
	return 1
}

# fetch_pinned_deb PACKAGE VERSION SHA256 SUITE: the path of that exact
# .deb in the cache, taken from apt's own cache or downloaded, and only
# if its SHA-256 is the pinned one. A version no source serves any more
# stops with one line: the pin, what is served, what to run.
fetch_pinned_deb() {
	local pkg=$1 version=$2 sha256=$3 suite=$4 dir=$PMMIO_CACHE/debs deb tmp got served
	deb=$dir/${pkg}_${version//:/%3a}_all.deb
	mkdir -p "$dir"
	papt_lock
	if [[ ! -f $deb ]]; then
		tmp=$(mktemp -d "$dir/get.XXXXXX")
		if [[ -f /var/cache/apt/archives/${deb##*/} ]]; then
			cp /var/cache/apt/archives/"${deb##*/}" "$tmp/"
		else
			say "downloading $pkg $version"
			if ! papt_download "$tmp" "$pkg=$version"; then
				rm -rf "$tmp"
				served=$(papt_served "$pkg")
				[[ -n $served ]] ||
					die "$pkg is not served by Debian's $suite suite (test/kernel/sources), nor by any other suite of $PMMIO_APT/sources.list"
				die "test/kernel/sources pins $pkg $version, no longer served (served now: $served); try the newest: test/kernel/refresh"
			fi
		fi
		mv "$tmp/${deb##*/}" "$deb" 2>/dev/null ||
			{ rm -rf "$tmp"; die "apt-get download of $pkg=$version left no ${deb##*/}"; }
		rm -rf "$tmp"
	fi
	got=$(sha256sum "$deb" | cut -d' ' -f1)
	if [[ $got != "$sha256" ]]; then
		mv "$deb" "$deb.bad"
		die "${deb##*/}: SHA-256 $got, but test/kernel/sources pins $sha256 (kept as $deb.bad)"
	fi
	exec 6>&-
	echo "$deb"
}

# extract_kernel_source DEB PACKAGE DIR: the kernel tree a linux-source
# .deb ships as /usr/src/PACKAGE.tar.xz, unpacked into DIR/PACKAGE.
extract_kernel_source() {
	dpkg-deb --fsys-tarfile "$1" | tar -xO "./usr/src/$2.tar.xz" | tar -xJ -C "$3"
}

# fetch_deb PACKAGE[:ARCH]: a Debian package's files, fetched with
# apt-get download (private apt state) and unpacked into the cache, never
# installed (an arm64 package would replace the host's); under a lock,
# moved into place whole. Prints the directory the package's files are
# under.
fetch_deb() {
	local pkg=$1 dir=$PMMIO_CACHE/deb-${1/:/-} tmp
	mkdir -p "$PMMIO_CACHE"
	exec 7>"$dir.lock"
	flock 7
	if [[ ! -d $dir ]]; then
		say "fetching $pkg"
		tmp=$(mktemp -d "$PMMIO_CACHE/deb.XXXXXX")
		papt_lock
		if ! papt_download "$tmp" "$pkg" || ! dpkg-deb -x "$tmp"/*.deb "$tmp/files"; then
			rm -rf "$tmp"
			die "cannot download and unpack $pkg"
		fi
		exec 6>&-
		mv "$tmp/files" "$dir"
		rm -rf "$tmp"
	fi
	exec 7>&-
	echo "$dir"
}

# project_files [PATHSPEC...]: the project's files, relative to its top,
# as git ls-files -co --exclude-standard names them: in a checkout, what
# git tracks and the untracked files it does not ignore; in an export
# (git archive, a release tarball), every file .gitignore does not
# exclude, through a throwaway repository.
project_files() {
	local gitdir rc=0
	if [[ $(git -C "$PMMIO_TOP" rev-parse --show-toplevel 2>/dev/null) == "$PMMIO_TOP" ]]; then
		git -C "$PMMIO_TOP" ls-files -co --exclude-standard -- "$@"
		return
	fi
	gitdir=$(mktemp -d)
	git --git-dir="$gitdir" init -q &&
	(cd "$PMMIO_TOP" && git --git-dir="$gitdir" --work-tree=. ls-files -o --exclude-standard -- "$@") ||
		rc=$?
	rm -rf "$gitdir"
	return "$rc"
}
