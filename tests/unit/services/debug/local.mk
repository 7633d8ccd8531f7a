# tests/unit/services/debug/local.mk: Check suites of the GDB protocol engine (fake debug
# port of tests/unit/support), and the end-to-end gdb test of `keel run --gdb`.
DEBUG_TESTS = \
	tests/unit/services/debug/test_packet \
	tests/unit/services/debug/test_commands \
	tests/unit/services/debug/test_session
check_PROGRAMS += $(DEBUG_TESTS)
TESTS += $(DEBUG_TESTS)

tests_unit_services_debug_test_packet_SOURCES = tests/unit/services/debug/test_packet.c
tests_unit_services_debug_test_packet_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_debug_test_packet_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_debug_test_packet_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_debug_test_packet_LDFLAGS = $(UNIT_SAN)

tests_unit_services_debug_test_commands_SOURCES = tests/unit/services/debug/test_commands.c
tests_unit_services_debug_test_commands_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_debug_test_commands_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_debug_test_commands_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_debug_test_commands_LDFLAGS = $(UNIT_SAN)

tests_unit_services_debug_test_session_SOURCES = tests/unit/services/debug/test_session.c
tests_unit_services_debug_test_session_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_debug_test_session_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_debug_test_session_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_debug_test_session_LDFLAGS = $(UNIT_SAN)

# Needs keel, the test programs (tests/progs) and gdb; SKIPs without gdb.
TESTS += tests/integration/gdb.sh
EXTRA_DIST += tests/integration/gdb.sh
