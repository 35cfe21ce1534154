# SPDX-License-Identifier: GPL-2.0-only
#
# make KDIR=<tree>   build pkvm_protected_mmio.ko against a prepared kernel
#                    tree that has the pKVM EL2-module hook
# make dkms-install  install the build sources for DKMS into
#                    $(DESTDIR)/usr/src/pkvm-protected-mmio-<version>, and
#                    the initramfs-tools hook
# make overlays      build the device-tree overlays of dts-overlays/ into
#                    dts-overlays/build/*.dtbo
# make tools         pmmio-check (tools/), which decides on the host what the
#                    module will do with a region set; installs with
#                    make -C tools install
# make demo          build a pKVM test kernel and the module, boot it in QEMU
#                    and show the protected regions
# make unit          host unit tests (installs missing Debian packages)
# make fuzz          each libFuzzer target for FUZZ_SECONDS (default 300)
# make bench         protection time at EL2, ranged against page by page,
#                    and boot time with and without the module
#                    (BENCH_REPS boots per point, default 5)
# make check         host tests, the binding checks and the QEMU scenarios
#                    (builds the test kernels)
# make fresh-check   make demo and make check on a fresh Debian 12 root
#                    (debootstrap), from git archive HEAD, empty cache

KDIR ?= /lib/modules/$(shell uname -r)/build
ARCH ?= arm64
ifneq ($(shell uname -m),aarch64)
CROSS_COMPILE ?= aarch64-linux-gnu-
endif
# Modules must be built with the kernel's own toolchain: LLVM=1 for a tree
# built with clang (GKI kernels are). DKMS passes CC=clang (and LD=ld.lld)
# for such a tree, but not LLVM=1, so the LLVM binutils would be missed.
ifneq ($(shell grep -s '^CONFIG_CC_IS_CLANG=y' $(KDIR)/.config),)
LLVM ?= 1
endif

# The version, set in dkms.conf only.
VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' dkms.conf)
DKMSDIR ?= /usr/src/pkvm-protected-mmio-$(VERSION)
HOOKDIR ?= /usr/share/initramfs-tools/hooks

all: module

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) \
		$(if $(LLVM),LLVM=$(LLVM)) modules

# What DKMS builds from, and nothing else: no tests, no generated files.
DKMS_SOURCES := Kbuild Makefile dkms.conf \
	$(wildcard module/*.[ch]) hyp/Kbuild $(wildcard hyp/*.[ch]) \
	compat/Kbuild.include $(wildcard compat/*.[ch]) $(wildcard compat/probes/*.c)

dkms-install:
	@test -n "$(VERSION)" || { echo "dkms.conf has no PACKAGE_VERSION" >&2; exit 1; }
	@for f in $(DKMS_SOURCES); do \
		install -D -m 0644 "$$f" "$(DESTDIR)$(DKMSDIR)/$$f" || exit 1; \
	done
	install -D -m 0755 compat/probe $(DESTDIR)$(DKMSDIR)/compat/probe
	install -D -m 0755 initramfs-tools-hook $(DESTDIR)$(HOOKDIR)/pkvm-protected-mmio
	@echo "installed pkvm-protected-mmio $(VERSION) in $(DESTDIR)$(DKMSDIR); next:"
	@echo "  dkms install pkvm-protected-mmio/$(VERSION) -k <kernel>"

# An &{/} fragment cannot know its target's #address-cells and
# #size-cells, so dtc would check reg against the defaults: those checks
# are left to dt-validate on the applied tree (test/dt/check).
DTC_OVERLAY := dtc -@ -I dts -O dtb -Wno-reg_format -Wno-avoid_default_addr_size
OVERLAYS := $(patsubst dts-overlays/%.dts,dts-overlays/build/%.dtbo,$(wildcard dts-overlays/*.dts))
TEST_OVERLAYS := $(patsubst test/dt/%.dts,test/dt/build/%.dtbo,$(wildcard test/dt/*.dts))

overlays:
	@test/install-deps dt
	@$(MAKE) -s $(OVERLAYS)

# The malformed and special-purpose overlays of the tests.
test-overlays:
	@test/install-deps dt
	@$(MAKE) -s $(TEST_OVERLAYS)

define dtc_overlay
	@mkdir -p $(@D)
	$(DTC_OVERLAY) -o $@ $<
endef

dts-overlays/build/%.dtbo: dts-overlays/%.dts
	$(dtc_overlay)

test/dt/build/%.dtbo: test/dt/%.dts
	$(dtc_overlay)

unit:
	@test/install-deps unit
	@$(MAKE) -s -C test/unit run

FUZZ_SECONDS ?= 300
fuzz:
	@test/install-deps fuzz
	@PMMIO_FUZZ_SECONDS=$(FUZZ_SECONDS) test/tally test/fuzz/run

tools:
	@test/install-deps tools
	@$(MAKE) -s -C tools

BENCH_REPS ?= 5
bench:
	@test/install-deps bench
	@test/bench/run $(BENCH_REPS)

# The main job: build everything, boot pKVM in QEMU, protect the default regions.
demo:
	@test/install-deps demo
	@test/qemu/demo

# Host tests, checkpatch and sparse, pmmio-check and every QEMU scenario
# on every test kernel and hyp mode, beside which the Debian packages are
# built, installed, booted and purged (test/qemu/check), all started at
# once (test/tally -j) on what is built first.
check:
	@test/qemu/check --knobs
	@test/install-deps check
	@$(MAKE) -s -C test/unit
	@$(MAKE) -s overlays test-overlays tools
	@test/tally -j test/unit/build/test_registry test/unit/build/test_regions \
		test/fuzz/run test/lint test/lint-deps test/dt/check test/tools/check test/qemu/check

# The README's two commands on a fresh Debian 12 root, from a clean export
# of HEAD and an empty cache (test/fresh-check; needs root).
fresh-check:
	@test/install-deps fresh-check
	@test/fresh-check

clean:
	@if [ -d test/unit ]; then $(MAKE) -C test/unit clean; fi
	@if [ -d test/fuzz ]; then $(MAKE) -C test/fuzz clean; fi
	$(MAKE) -C tools clean
	rm -rf compat/generated dts-overlays/build test/dt/build
	@if [ -d "$(KDIR)" ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) $(if $(LLVM),LLVM=$(LLVM)) clean; fi

.PHONY: all module dkms-install overlays test-overlays unit fuzz tools bench check demo fresh-check clean
