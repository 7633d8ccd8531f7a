# tests/unit/hal-kvm/local.mk: the hosted HAL's engines.

# The seccomp engine forks a zygote, so no ASan here (not even with --enable-sanitizers:
# AM_CFLAGS is left out, and the engine is compiled in rather than libseccomp_engine.a);
# UBSan is fine.
SECCOMP_TEST_CPPFLAGS = $(HOSTED_CPPFLAGS) -I$(top_srcdir)/tests/unit/hal-kvm/seccomp \
	-I$(top_srcdir)/tests/unit/support
SECCOMP_TEST_CFLAGS = $(KEEL_WARN) -g -fsanitize=undefined -fno-sanitize-recover=all \
	$(CHECK_CFLAGS)
SECCOMP_TEST_LIBS = $(CHECK_LIBS) -lpthread
SECCOMP_TEST_ENV = tests/unit/hal-kvm/seccomp/guest_env.c \
	tests/unit/hal-kvm/seccomp/guest_env.h tests/unit/hal-kvm/seccomp/guest_progs.S \
	$(SECCOMP_ENGINE_SRCS)

check_PROGRAMS += tests/unit/hal-kvm/seccomp/test_run \
	tests/unit/hal-kvm/seccomp/test_seccomp_engine \
	tests/unit/hal-kvm/seccomp/test_thread tests/unit/hal-kvm/seccomp/test_fp \
	tests/unit/hal-kvm/seccomp/test_spare tests/unit/hal-kvm/seccomp/bench_roundtrip
# bench_roundtrip is a measurement: `make bench` runs it, `make check` only builds it.
TESTS += tests/unit/hal-kvm/seccomp/test_run \
	tests/unit/hal-kvm/seccomp/test_seccomp_engine \
	tests/unit/hal-kvm/seccomp/test_thread tests/unit/hal-kvm/seccomp/test_fp \
	tests/unit/hal-kvm/seccomp/test_spare

tests_unit_hal_kvm_seccomp_test_run_SOURCES = tests/unit/hal-kvm/seccomp/test_run.c \
	$(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_test_run_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_test_run_CFLAGS = $(SECCOMP_TEST_CFLAGS)
tests_unit_hal_kvm_seccomp_test_run_LDADD = $(SECCOMP_TEST_LIBS)
tests_unit_hal_kvm_seccomp_test_run_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_test_run_LDFLAGS = -fsanitize=undefined

tests_unit_hal_kvm_seccomp_test_seccomp_engine_SOURCES = \
	tests/unit/hal-kvm/seccomp/test_seccomp_engine.c $(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_test_seccomp_engine_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_test_seccomp_engine_CFLAGS = $(SECCOMP_TEST_CFLAGS)
tests_unit_hal_kvm_seccomp_test_seccomp_engine_LDADD = $(SECCOMP_TEST_LIBS)
tests_unit_hal_kvm_seccomp_test_seccomp_engine_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_test_seccomp_engine_LDFLAGS = -fsanitize=undefined

tests_unit_hal_kvm_seccomp_test_thread_SOURCES = tests/unit/hal-kvm/seccomp/test_thread.c \
	$(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_test_thread_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_test_thread_CFLAGS = $(SECCOMP_TEST_CFLAGS)
tests_unit_hal_kvm_seccomp_test_thread_LDADD = $(SECCOMP_TEST_LIBS)
tests_unit_hal_kvm_seccomp_test_thread_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_test_thread_LDFLAGS = -fsanitize=undefined

tests_unit_hal_kvm_seccomp_test_fp_SOURCES = tests/unit/hal-kvm/seccomp/test_fp.c \
	$(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_test_fp_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_test_fp_CFLAGS = $(SECCOMP_TEST_CFLAGS)
tests_unit_hal_kvm_seccomp_test_fp_LDADD = $(SECCOMP_TEST_LIBS)
tests_unit_hal_kvm_seccomp_test_fp_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_test_fp_LDFLAGS = -fsanitize=undefined

tests_unit_hal_kvm_seccomp_test_spare_SOURCES = tests/unit/hal-kvm/seccomp/test_spare.c \
	$(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_test_spare_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_test_spare_CFLAGS = $(SECCOMP_TEST_CFLAGS)
tests_unit_hal_kvm_seccomp_test_spare_LDADD = $(SECCOMP_TEST_LIBS)
tests_unit_hal_kvm_seccomp_test_spare_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_test_spare_LDFLAGS = -fsanitize=undefined

# Prints the null-syscall round trip with spinning on and off; asserts nothing.
tests_unit_hal_kvm_seccomp_bench_roundtrip_SOURCES = \
	tests/unit/hal-kvm/seccomp/bench_roundtrip.c $(SECCOMP_TEST_ENV)
tests_unit_hal_kvm_seccomp_bench_roundtrip_CPPFLAGS = $(SECCOMP_TEST_CPPFLAGS)
tests_unit_hal_kvm_seccomp_bench_roundtrip_CFLAGS = $(KEEL_WARN) -g -O2 $(CHECK_CFLAGS)
tests_unit_hal_kvm_seccomp_bench_roundtrip_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
tests_unit_hal_kvm_seccomp_bench_roundtrip_LDADD = $(SECCOMP_TEST_LIBS)

src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_test_run-stub_blob.$(OBJEXT) \
src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_test_seccomp_engine-stub_blob.$(OBJEXT) \
src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_bench_roundtrip-stub_blob.$(OBJEXT) \
src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_test_thread-stub_blob.$(OBJEXT) \
src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_test_fp-stub_blob.$(OBJEXT) \
src/hal-kvm/seccomp/tests_unit_hal_kvm_seccomp_test_spare-stub_blob.$(OBJEXT): \
	src/hal-kvm/stub/keel-stub
include tests/unit/hal-kvm/kvm/local.mk
