# openMosix for Linux 6.1: the front door.
#
#   make            build the kernel (build/bzImage), the tools (build/bin)
#                   and the test initramfs (build/initramfs.gz)
#   make demo       install what is missing, build, boot a 3-node cluster
#   make test       install what is missing, build, run every test
#   make bench      benchmarks (ratios against baselines of the same run)
#   make patch      build/patch/: one combined patch and a numbered series
#   make deb        build/deb/: a kernel package and a tools package
#   make check      checkpatch --strict on our kernel files
#
#   DEBUG=1         the same on the debug kernel (lockdep, KASAN, kmemleak)
#   KERNEL_SRC=DIR  build against your own 6.1.y tree instead of Debian's

BUILD   ?= $(CURDIR)/build
DEBUG   ?= 0
export BUILD DEBUG

ifeq ($(DEBUG),1)
KIMAGE := $(BUILD)/bzImage-debug
else
KIMAGE := $(BUILD)/bzImage
endif

all: kernel userland initramfs

deps:
	@scripts/install-deps

kernel:
	@scripts/build-kernel

userland:
	@$(MAKE) -s -C userland O=$(BUILD)
	@$(MAKE) -s -C tests/cluster/progs O=$(BUILD)

initramfs: userland
	@scripts/mkinitramfs

demo: deps all
	@scripts/demo

test: deps all
	@tests/run

bench: deps all
	@tests/bench/run

patch: deps
	@scripts/mkpatch

deb: deps
	@scripts/mkdeb

check:
	@scripts/check

clean:
	rm -rf $(BUILD)/bin $(BUILD)/bin-tests $(BUILD)/bin-bench $(BUILD)/bench $(BUILD)/userland-obj $(BUILD)/initramfs* $(BUILD)/cluster $(BUILD)/patch $(BUILD)/deb

distclean:
	rm -rf $(BUILD)

.PHONY: all deps kernel userland initramfs demo test bench patch deb check clean distclean
