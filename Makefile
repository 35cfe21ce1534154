# SPDX-License-Identifier: GPL-2.0-only
#
# make KDIR=<tree>   build pkvm_protected_mmio.ko against a prepared kernel
#                    tree that has the pKVM EL2-module hook
# make unit          host unit tests (installs missing Debian packages)
# make check         every test that exists

KDIR ?= /lib/modules/$(shell uname -r)/build
ARCH ?= arm64
ifneq ($(shell uname -m),aarch64)
CROSS_COMPILE ?= aarch64-linux-gnu-
endif

all: module

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) modules

unit:
	@test/install-deps unit
	@$(MAKE) -s -C test/unit run

check: unit

clean:
	$(MAKE) -C test/unit clean
	@if [ -d "$(KDIR)" ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) ARCH=$(ARCH) clean; fi

.PHONY: all module unit check clean
