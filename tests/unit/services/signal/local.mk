# tests/unit/services/signal/local.mk: the signal suites. They link the signal sources
# with a fake process core (fake_process.c), built once into libsignal_test.a, so they
# test signals alone, whatever state the real process core is in.
check_LIBRARIES += libsignal_test.a
libsignal_test_a_SOURCES = src/services/signal/altstack.c src/services/signal/deliver.c \
	src/services/signal/frame.c src/services/signal/itimer.c src/services/signal/kill.c \
	src/services/signal/policy.c src/services/signal/restart.c src/services/signal/send.c \
	src/services/signal/sigaction.c src/services/signal/sigqueue.c \
	src/services/signal/wait.c src/services/time/timespec.c \
	tests/unit/services/signal/fake_process.c tests/unit/services/signal/fake_process.h
libsignal_test_a_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
libsignal_test_a_CFLAGS = $(SERVICES_TEST_CFLAGS)
SIGNAL_TEST_LDADD = libsignal_test.a libhal_test.a libostd_san.a libhal_test.a $(CHECK_LIBS)

SIGNAL_TESTS = tests/unit/services/signal/test_policy \
	tests/unit/services/signal/test_sigqueue \
	tests/unit/services/signal/test_signal
check_PROGRAMS += $(SIGNAL_TESTS)
TESTS += $(SIGNAL_TESTS)

tests_unit_services_signal_test_policy_SOURCES = tests/unit/services/signal/test_policy.c
tests_unit_services_signal_test_policy_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_signal_test_policy_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_signal_test_policy_LDADD = $(SIGNAL_TEST_LDADD)
# Pure tests never boot, but the signal code they link needs OSTD: pull the test HAL in
# first so the libraries resolve in their usual order.
tests_unit_services_signal_test_policy_LDFLAGS = $(UNIT_SAN) -Wl,-u,ostd_test_boot

tests_unit_services_signal_test_sigqueue_SOURCES = tests/unit/services/signal/test_sigqueue.c
tests_unit_services_signal_test_sigqueue_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_signal_test_sigqueue_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_signal_test_sigqueue_LDADD = $(SIGNAL_TEST_LDADD)
tests_unit_services_signal_test_sigqueue_LDFLAGS = $(UNIT_SAN)

tests_unit_services_signal_test_signal_SOURCES = tests/unit/services/signal/test_signal.c
tests_unit_services_signal_test_signal_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_signal_test_signal_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_signal_test_signal_LDADD = $(SIGNAL_TEST_LDADD)
tests_unit_services_signal_test_signal_LDFLAGS = $(UNIT_SAN)
