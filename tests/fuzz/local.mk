# tests/fuzz/local.mk: the fuzz harnesses (README.md): replay drivers built with the
# tree's compiler and run by make check over the regression reproducers and the seed
# corpus, and instrumented AFL++/libFuzzer binaries built by build-fuzzers.sh for
# `make fuzz-smoke` and `make fuzz`.
FUZZ_COMMON_SRCS = tests/fuzz/fuzz_kernel.c tests/fuzz/fuzz_kernel.h \
	tests/fuzz/fuzz_leak.c tests/fuzz/fuzz_leak.h tests/fuzz/fuzz_input.h \
	tests/fuzz/fuzz_target.h
FUZZ_SYS_SRCS = tests/fuzz/sys_target.c tests/fuzz/sys_program.c tests/fuzz/sys_program.h \
	tests/fuzz/sys_table.c tests/fuzz/sys_args.c tests/fuzz/sys_args.h \
	tests/fuzz/sys_paths.c tests/fuzz/sys_world.c tests/fuzz/sys_world.h \
	tests/fuzz/sys_user.c tests/fuzz/sys_user.h

FUZZ_REPLAYS = tests/fuzz/replay-syscall tests/fuzz/replay-elf tests/fuzz/replay-cpio
check_PROGRAMS += $(FUZZ_REPLAYS)
FUZZ_REPLAY_CPPFLAGS = -I$(top_srcdir)/src/ostd/include -I$(top_srcdir)/src/services/include \
	-I$(top_srcdir)/tests/unit/support
FUZZ_REPLAY_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN)
# libhal_test.a before OSTD so its weak ostd_main, not the services' boot, is linked.
FUZZ_REPLAY_LDADD = libservices_san.a libhal_test.a libostd_san.a libhal_test.a -lpthread

tests_fuzz_replay_syscall_SOURCES = tests/fuzz/replay_main.c $(FUZZ_COMMON_SRCS) \
	$(FUZZ_SYS_SRCS)
tests_fuzz_replay_syscall_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_replay_syscall_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_syscall_LDADD = $(FUZZ_REPLAY_LDADD)
tests_fuzz_replay_syscall_LDFLAGS = $(UNIT_SAN)

tests_fuzz_replay_elf_SOURCES = tests/fuzz/replay_main.c $(FUZZ_COMMON_SRCS) \
	tests/fuzz/elf_target.c
tests_fuzz_replay_elf_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_replay_elf_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_elf_LDADD = $(FUZZ_REPLAY_LDADD)
tests_fuzz_replay_elf_LDFLAGS = $(UNIT_SAN)

tests_fuzz_replay_cpio_SOURCES = tests/fuzz/replay_main.c $(FUZZ_COMMON_SRCS) \
	tests/fuzz/cpio_target.c
tests_fuzz_replay_cpio_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_replay_cpio_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_cpio_LDADD = $(FUZZ_REPLAY_LDADD)
tests_fuzz_replay_cpio_LDFLAGS = $(UNIT_SAN)

TESTS += tests/fuzz/regressions.sh
EXTRA_DIST += tests/fuzz/README.md tests/fuzz/regressions.sh tests/fuzz/smoke.sh \
	tests/fuzz/campaign.sh tests/fuzz/build-fuzzers.sh tests/fuzz/afl_main.c \
	tests/fuzz/elf_target.c tests/fuzz/cpio_target.c tests/fuzz/syscall.dict \
	tests/fuzz/elf.dict tests/fuzz/cpio.dict tests/fuzz/seed_gen.c \
	tests/fuzz/corpus tests/fuzz/regressions

# Instrumented binaries land in tests/fuzz/bin: fuzz-TARGET (libFuzzer, clang) and
# afl/fuzz-TARGET (AFL++, afl-clang-fast); each is skipped when its compiler is missing.
FUZZ_BIN = tests/fuzz/bin
FUZZ_BUILD_ENV = OSTD_SRCS='$(OSTD_SOURCES)' SERVICES_SRCS='$(SERVICES_SOURCES)' \
	HAL_SRCS='$(libhal_test_a_SOURCES)' COMMON_SRCS='$(FUZZ_COMMON_SRCS)' \
	SYS_SRCS='$(FUZZ_SYS_SRCS)' \
	GEN_SRCS='$(nodist_libservices_a_SOURCES:%=$(abs_top_builddir)/%)'
FUZZ_RUN_ENV = KEEL_SRCDIR='$(abs_top_srcdir)' KEEL_BUILDDIR='$(abs_top_builddir)' \
	AFL_FUZZ='$(AFL_FUZZ)'

fuzz-build: $(nodist_libservices_a_SOURCES)
	@if test -n '$(CLANG)'; then \
	  $(FUZZ_BUILD_ENV) $(SHELL) $(top_srcdir)/tests/fuzz/build-fuzzers.sh libfuzzer \
	    '$(CLANG)' '$(abs_top_srcdir)' $(FUZZ_BIN); \
	else echo "fuzz-build: no clang: libFuzzer binaries skipped"; fi
	@if test -n '$(AFL_CLANG_FAST)'; then \
	  $(FUZZ_BUILD_ENV) $(SHELL) $(top_srcdir)/tests/fuzz/build-fuzzers.sh afl \
	    '$(AFL_CLANG_FAST)' '$(abs_top_srcdir)' $(FUZZ_BIN)/afl; \
	else echo "fuzz-build: no afl-clang-fast: AFL++ binaries skipped"; fi

# Each target for FUZZ_SECONDS (60) seconds; any crash fails. Prints the syscall count.
fuzz-smoke: fuzz-build $(FUZZ_REPLAYS)
	$(FUZZ_RUN_ENV) $(SHELL) $(top_srcdir)/tests/fuzz/smoke.sh

# A long AFL++ campaign, one main and secondaries (tests/fuzz/README.md).
fuzz: fuzz-build
	$(FUZZ_RUN_ENV) $(SHELL) $(top_srcdir)/tests/fuzz/campaign.sh

clean-local: clean-fuzz
clean-fuzz:
	rm -rf $(FUZZ_BIN) tests/fuzz/smoke-out
.PHONY: fuzz-build fuzz-smoke fuzz clean-fuzz
