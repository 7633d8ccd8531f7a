# tests/unit/services/strace/local.mk: the syscall tracer's decoder and its lines, under
# the test HAL (included from tests/unit/services/local.mk, whose flags it uses).
STRACE_TESTS = \
	tests/unit/services/strace/test_quote \
	tests/unit/services/strace/test_decode \
	tests/unit/services/strace/test_strace
check_PROGRAMS += $(STRACE_TESTS)
TESTS += $(STRACE_TESTS)

tests_unit_services_strace_test_quote_SOURCES = tests/unit/services/strace/test_quote.c
tests_unit_services_strace_test_quote_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_strace_test_quote_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_strace_test_quote_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_strace_test_quote_LDFLAGS = $(UNIT_SAN)

tests_unit_services_strace_test_decode_SOURCES = tests/unit/services/strace/test_decode.c
tests_unit_services_strace_test_decode_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_strace_test_decode_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_strace_test_decode_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_strace_test_decode_LDFLAGS = $(UNIT_SAN)

tests_unit_services_strace_test_strace_SOURCES = tests/unit/services/strace/test_strace.c
tests_unit_services_strace_test_strace_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_strace_test_strace_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_strace_test_strace_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_strace_test_strace_LDFLAGS = $(UNIT_SAN)
