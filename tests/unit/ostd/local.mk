# tests/unit/ostd/local.mk: Check suites of OSTD, one binary per suite, run under
# ASan+UBSan against libostd_san.a and the test HAL.
include $(top_srcdir)/tests/unit/support/local.mk

OSTD_TEST_CPPFLAGS = $(OSTD_CPPFLAGS) -I$(top_srcdir)/src/ostd/arch/x86_64 \
	-I$(top_srcdir)/tests/unit/support
OSTD_TEST_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN) $(CHECK_CFLAGS)
OSTD_TEST_LDADD = libhal_test.a libostd_san.a libhal_test.a $(CHECK_LIBS)
OSTD_TEST_LINK_SAN = $(UNIT_SAN)

OSTD_TESTS = \
	tests/unit/ostd/test_string tests/unit/ostd/test_libc_string \
	tests/unit/ostd/test_heap tests/unit/ostd/test_frame \
	tests/unit/ostd/test_pagetable tests/unit/ostd/test_vmspace \
	tests/unit/ostd/test_user_copy tests/unit/ostd/test_sched
check_PROGRAMS += $(OSTD_TESTS)
TESTS += $(OSTD_TESTS)

tests_unit_ostd_test_string_SOURCES = tests/unit/ostd/test_string.c
tests_unit_ostd_test_string_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_string_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_string_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_string_LDFLAGS = $(OSTD_TEST_LINK_SAN)

# libc_string.c is compiled into the test under other names (it #includes the file).
tests_unit_ostd_test_libc_string_SOURCES = tests/unit/ostd/test_libc_string.c
tests_unit_ostd_test_libc_string_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_libc_string_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_libc_string_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_libc_string_LDFLAGS = $(OSTD_TEST_LINK_SAN)
EXTRA_tests_unit_ostd_test_libc_string_DEPENDENCIES = $(top_srcdir)/src/ostd/libc_string.c

tests_unit_ostd_test_heap_SOURCES = tests/unit/ostd/test_heap.c
tests_unit_ostd_test_heap_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_heap_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_heap_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_heap_LDFLAGS = $(OSTD_TEST_LINK_SAN)

tests_unit_ostd_test_frame_SOURCES = tests/unit/ostd/test_frame.c
tests_unit_ostd_test_frame_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_frame_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_frame_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_frame_LDFLAGS = $(OSTD_TEST_LINK_SAN)

tests_unit_ostd_test_pagetable_SOURCES = tests/unit/ostd/test_pagetable.c
tests_unit_ostd_test_pagetable_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_pagetable_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_pagetable_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_pagetable_LDFLAGS = $(OSTD_TEST_LINK_SAN)

tests_unit_ostd_test_vmspace_SOURCES = tests/unit/ostd/test_vmspace.c
tests_unit_ostd_test_vmspace_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_vmspace_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_vmspace_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_vmspace_LDFLAGS = $(OSTD_TEST_LINK_SAN)

tests_unit_ostd_test_user_copy_SOURCES = tests/unit/ostd/test_user_copy.c
tests_unit_ostd_test_user_copy_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_user_copy_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_user_copy_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_user_copy_LDFLAGS = $(OSTD_TEST_LINK_SAN)

tests_unit_ostd_test_sched_SOURCES = tests/unit/ostd/test_sched.c
tests_unit_ostd_test_sched_CPPFLAGS = $(OSTD_TEST_CPPFLAGS)
tests_unit_ostd_test_sched_CFLAGS = $(OSTD_TEST_CFLAGS)
tests_unit_ostd_test_sched_LDADD = $(OSTD_TEST_LDADD)
tests_unit_ostd_test_sched_LDFLAGS = $(OSTD_TEST_LINK_SAN)
