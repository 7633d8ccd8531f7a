# tests/unit/services/tty/local.mk: the terminal suites, booted against libservices_san.a
# like the other services suites; and the interactive-shell test under tmux.
TTY_TESTS = tests/unit/services/tty/test_ldisc
check_PROGRAMS += $(TTY_TESTS)
TESTS += $(TTY_TESTS)

tests_unit_services_tty_test_ldisc_SOURCES = tests/unit/services/tty/test_ldisc.c
tests_unit_services_tty_test_ldisc_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_tty_test_ldisc_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_tty_test_ldisc_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_tty_test_ldisc_LDFLAGS = $(UNIT_SAN)

TESTS += tests/integration/tty.sh
EXTRA_DIST += tests/integration/tty.sh
