# tests/unit/hal-kvm/cli/local.mk: the keel command's pure parts, under ASan+UBSan.
CLI_TEST_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN) $(CHECK_CFLAGS) $(GLIB_CFLAGS)
CLI_TEST_CPPFLAGS = $(HOSTED_CPPFLAGS) -I$(top_srcdir)/tests/unit/support
check_PROGRAMS += tests/unit/hal-kvm/cli/test_size tests/unit/hal-kvm/cli/test_cpio_writer
TESTS += tests/unit/hal-kvm/cli/test_size tests/unit/hal-kvm/cli/test_cpio_writer
tests_unit_hal_kvm_cli_test_size_SOURCES = tests/unit/hal-kvm/cli/test_size.c src/hal-kvm/cli/size.c
tests_unit_hal_kvm_cli_test_size_CPPFLAGS = $(CLI_TEST_CPPFLAGS)
tests_unit_hal_kvm_cli_test_size_CFLAGS = $(CLI_TEST_CFLAGS)
tests_unit_hal_kvm_cli_test_size_LDADD = $(CHECK_LIBS)
tests_unit_hal_kvm_cli_test_size_LDFLAGS = $(UNIT_SAN)
tests_unit_hal_kvm_cli_test_cpio_writer_SOURCES = tests/unit/hal-kvm/cli/test_cpio_writer.c \
	src/hal-kvm/cli/cpio_writer.c
tests_unit_hal_kvm_cli_test_cpio_writer_CPPFLAGS = $(CLI_TEST_CPPFLAGS)
tests_unit_hal_kvm_cli_test_cpio_writer_CFLAGS = $(CLI_TEST_CFLAGS)
tests_unit_hal_kvm_cli_test_cpio_writer_LDADD = $(GLIB_LIBS) $(CHECK_LIBS)
tests_unit_hal_kvm_cli_test_cpio_writer_LDFLAGS = $(UNIT_SAN)
