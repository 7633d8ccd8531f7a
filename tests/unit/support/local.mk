# tests/unit/support/local.mk: the unit tests' HAL (see hal_test.h), for OSTD's and the
# services' suites alike. Included from tests/unit/ostd/local.mk.
check_LIBRARIES += libhal_test.a
libhal_test_a_SOURCES = \
	tests/unit/support/hal_test.c tests/unit/support/hal_test.h \
	tests/unit/support/ostd_test_main.c \
	tests/unit/support/ostd_check.h tests/unit/support/check_run.h
libhal_test_a_CPPFLAGS = $(OSTD_CPPFLAGS) -I$(top_srcdir)/tests/unit/support
libhal_test_a_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN)
