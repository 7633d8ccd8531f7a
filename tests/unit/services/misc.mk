# tests/unit/services/misc.mk: futexes, pipes, credentials and system info. These suites
# test those services alone: libmisc_san.a holds just their sources (and fs/file.c, with
# the flock.c, signal/sigpipe.c and signal/restart.c they call), and
# tests/unit/services/futex/misc_world.c stands in for the process layer they call.
check_LIBRARIES += libmisc_san.a
libmisc_san_a_SOURCES = \
	src/services/futex/futex_queue.c src/services/futex/futex_op.c \
	src/services/futex/futex_syscall.c src/services/futex/robust.c \
	src/services/fs/pipe.c src/services/process/cred.c src/services/system/sysinfo.c \
	src/services/fs/file.c src/services/fs/flock.c src/services/signal/sigpipe.c \
	src/services/signal/restart.c
libmisc_san_a_CPPFLAGS = $(SERVICES_CPPFLAGS)
libmisc_san_a_CFLAGS = $(SERVICES_CFLAGS) $(UNIT_SAN)

MISC_TEST_LDADD = libmisc_san.a libhal_test.a libostd_san.a libhal_test.a $(CHECK_LIBS)
MISC_WORLD = tests/unit/services/futex/misc_world.c
noinst_HEADERS += tests/unit/services/futex/misc_world.h tests/unit/services/cred/cred_host.h

MISC_TESTS = \
	tests/unit/services/futex/test_futex \
	tests/unit/services/futex/test_robust \
	tests/unit/services/futex/test_sysinfo \
	tests/unit/services/pipe/test_pipe \
	tests/unit/services/cred/test_cred
check_PROGRAMS += $(MISC_TESTS)
TESTS += $(MISC_TESTS)

tests_unit_services_futex_test_futex_SOURCES = tests/unit/services/futex/test_futex.c $(MISC_WORLD)
tests_unit_services_futex_test_futex_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_futex_test_futex_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_futex_test_futex_LDADD = $(MISC_TEST_LDADD)
tests_unit_services_futex_test_futex_LDFLAGS = $(UNIT_SAN)

tests_unit_services_futex_test_robust_SOURCES = tests/unit/services/futex/test_robust.c $(MISC_WORLD)
tests_unit_services_futex_test_robust_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_futex_test_robust_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_futex_test_robust_LDADD = $(MISC_TEST_LDADD)
tests_unit_services_futex_test_robust_LDFLAGS = $(UNIT_SAN)

tests_unit_services_futex_test_sysinfo_SOURCES = tests/unit/services/futex/test_sysinfo.c $(MISC_WORLD)
tests_unit_services_futex_test_sysinfo_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_futex_test_sysinfo_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_futex_test_sysinfo_LDADD = $(MISC_TEST_LDADD)
tests_unit_services_futex_test_sysinfo_LDFLAGS = $(UNIT_SAN)

tests_unit_services_pipe_test_pipe_SOURCES = tests/unit/services/pipe/test_pipe.c $(MISC_WORLD)
tests_unit_services_pipe_test_pipe_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_pipe_test_pipe_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_pipe_test_pipe_LDADD = $(MISC_TEST_LDADD)
tests_unit_services_pipe_test_pipe_LDFLAGS = $(UNIT_SAN)

tests_unit_services_cred_test_cred_SOURCES = tests/unit/services/cred/test_cred.c \
	tests/unit/services/cred/cred_host.c $(MISC_WORLD)
tests_unit_services_cred_test_cred_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_cred_test_cred_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_cred_test_cred_LDADD = $(MISC_TEST_LDADD)
tests_unit_services_cred_test_cred_LDFLAGS = $(UNIT_SAN)
