# tests/unit/services/time/local.mk: the time suites. The pure one compiles its source
# directly: it needs neither OSTD nor a booted kernel.
TIME_TESTS = tests/unit/services/time/test_posix_timer_period
check_PROGRAMS += $(TIME_TESTS)
TESTS += $(TIME_TESTS)

tests_unit_services_time_test_posix_timer_period_SOURCES = \
	tests/unit/services/time/test_posix_timer_period.c src/services/time/posix_timer_period.c
tests_unit_services_time_test_posix_timer_period_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_time_test_posix_timer_period_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_time_test_posix_timer_period_LDADD = $(CHECK_LIBS)
tests_unit_services_time_test_posix_timer_period_LDFLAGS = $(UNIT_SAN)

# The syscalls, booted, on the virtual clock.
check_PROGRAMS += tests/unit/services/time/test_posix_timer
TESTS += tests/unit/services/time/test_posix_timer
tests_unit_services_time_test_posix_timer_SOURCES = tests/unit/services/time/test_posix_timer.c
tests_unit_services_time_test_posix_timer_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_time_test_posix_timer_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_time_test_posix_timer_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_time_test_posix_timer_LDFLAGS = $(UNIT_SAN)
