# SPDX-License-Identifier: GPL-2.0-only
#
# make KDIR=<tree>   build pkvm_protected_mmio.ko against a prepared kernel
#                    tree that has the pKVM EL2-module hook
# make demo          build a pKVM test kernel and the module, boot it in QEMU
#                    and show the protected regions
# make unit          host unit tests (installs missing Debian packages)
# make check         host tests and the QEMU scenarios (builds the test kernel)

KDIR ?= /lib/modules/$(shell uname -r)/build
ARCH ?= arm64
ifneq ($(shell uname -m),aarch64)
CROSS_COMPILE ?= aarch64-linux-gnu-
endif
# Modules must be built with the kernel's own compiler: LLVM=1 for a tree
# built with clang (GKI kernels are), as DKMS will not say so.
ifneq ($(shell grep -s '^CONFIG_CC_IS_CLANG=y' $(KDIR)/.config),)
LLVM ?= 1
endif

all: module

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) \
		$(if $(LLVM),LLVM=$(LLVM)) modules

unit:
	@test/install-deps unit
	@$(MAKE) -s -C test/unit run

# The main job: build everything, boot pKVM in QEMU, protect the default regions.
demo:
	@test/install-deps kernel qemu
	@test/qemu/demo

# Host tests, checkpatch and sparse, then every QEMU scenario on every test
# kernel and hyp mode.
check:
	@test/install-deps unit kernel qemu lint
	@$(MAKE) -s -C test/unit
	@test/tally test/unit/build/test_registry test/unit/build/test_regions \
		test/lint test/qemu/check

clean:
	$(MAKE) -C test/unit clean
	rm -rf compat/generated
	@if [ -d "$(KDIR)" ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) $(if $(LLVM),LLVM=$(LLVM)) clean; fi

.PHONY: all module unit check demo clean
