# tests/unit/services/event/local.mk: the epoll, eventfd, timerfd and signalfd suites,
# run in a booted test kernel against libservices_san.a.
EVENT_TESTS = \
	tests/unit/services/event/test_epoll \
	tests/unit/services/event/test_eventfd \
	tests/unit/services/event/test_timerfd \
	tests/unit/services/event/test_signalfd
check_PROGRAMS += $(EVENT_TESTS)
TESTS += $(EVENT_TESTS)
noinst_HEADERS += tests/unit/services/event/event_test.h

tests_unit_services_event_test_epoll_SOURCES = tests/unit/services/event/test_epoll.c
tests_unit_services_event_test_epoll_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_event_test_epoll_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_event_test_epoll_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_event_test_epoll_LDFLAGS = $(UNIT_SAN)

tests_unit_services_event_test_eventfd_SOURCES = tests/unit/services/event/test_eventfd.c
tests_unit_services_event_test_eventfd_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_event_test_eventfd_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_event_test_eventfd_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_event_test_eventfd_LDFLAGS = $(UNIT_SAN)

tests_unit_services_event_test_timerfd_SOURCES = tests/unit/services/event/test_timerfd.c
tests_unit_services_event_test_timerfd_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_event_test_timerfd_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_event_test_timerfd_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_event_test_timerfd_LDFLAGS = $(UNIT_SAN)

tests_unit_services_event_test_signalfd_SOURCES = tests/unit/services/event/test_signalfd.c
tests_unit_services_event_test_signalfd_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_event_test_signalfd_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_event_test_signalfd_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_event_test_signalfd_LDFLAGS = $(UNIT_SAN)
