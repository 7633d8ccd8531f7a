# tests/unit/services/local.mk: Check suites of the services, one binary per suite, run
# under ASan+UBSan in a booted test kernel (tests/unit/support) against libservices_san.a.
SERVICES_TEST_CPPFLAGS = -I$(top_srcdir)/src/ostd/include -I$(top_srcdir)/src/services/include \
	-I$(top_srcdir)/tests/unit/support
SERVICES_TEST_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN) $(CHECK_CFLAGS)
# libhal_test.a comes before OSTD so its weak ostd_main, not the services' boot, is linked.
SERVICES_TEST_LDADD = libservices_san.a libhal_test.a libostd_san.a libhal_test.a $(CHECK_LIBS)

SERVICES_TESTS = \
	tests/unit/services/test_abi \
	tests/unit/services/mm/test_mm \
	tests/unit/services/mm/test_pagecache tests/unit/services/mm/test_mremap \
	tests/unit/services/syscall/test_syscall \
	tests/unit/services/exec/test_elf \
	tests/unit/services/exec/test_stack \
	tests/unit/services/exec/test_vdso \
	tests/unit/services/fs/test_cpio \
	tests/unit/services/fs/test_path \
	tests/unit/services/fs/test_file \
	tests/unit/services/fs/test_poll \
	tests/unit/services/fs/test_rename \
	tests/unit/services/fs/test_link \
	tests/unit/services/fs/test_attr \
	tests/unit/services/fs/test_utimes \
	tests/unit/services/fs/test_truncate \
	tests/unit/services/fs/test_sync \
	tests/unit/services/fs/test_statfs \
	tests/unit/services/process/test_run \
	tests/unit/services/process/test_fork \
	tests/unit/services/test_boot \
	tests/unit/services/test_boot_main
check_PROGRAMS += $(SERVICES_TESTS)
TESTS += $(SERVICES_TESTS)
noinst_HEADERS += tests/unit/services/services_test.h tests/unit/services/exec/elf_builder.h \
	tests/unit/services/cpio_builder.h tests/unit/services/fs/fs_test.h

# The ABI test is hosted: our headers, glibc's and the kernel's in three separate files.
tests_unit_services_test_abi_SOURCES = tests/unit/services/test_abi.c \
	tests/unit/services/abi_ours.c tests/unit/services/abi_glibc.c \
	tests/unit/services/abi_kernel.c tests/unit/services/abi_list.h \
	tests/unit/services/abi_table.h
tests_unit_services_test_abi_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_test_abi_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_services_test_abi_LDADD = $(CHECK_LIBS)

tests_unit_services_mm_test_mm_SOURCES = tests/unit/services/mm/test_mm.c
tests_unit_services_mm_test_mm_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_mm_test_mm_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_mm_test_mm_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_mm_test_mm_LDFLAGS = $(UNIT_SAN)

tests_unit_services_mm_test_pagecache_SOURCES = tests/unit/services/mm/test_pagecache.c
tests_unit_services_mm_test_pagecache_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_mm_test_pagecache_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_mm_test_pagecache_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_mm_test_pagecache_LDFLAGS = $(UNIT_SAN)

tests_unit_services_mm_test_mremap_SOURCES = tests/unit/services/mm/test_mremap.c
tests_unit_services_mm_test_mremap_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_mm_test_mremap_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_mm_test_mremap_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_mm_test_mremap_LDFLAGS = $(UNIT_SAN)

tests_unit_services_syscall_test_syscall_SOURCES = tests/unit/services/syscall/test_syscall.c
tests_unit_services_syscall_test_syscall_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_syscall_test_syscall_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_syscall_test_syscall_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_syscall_test_syscall_LDFLAGS = $(UNIT_SAN)

tests_unit_services_exec_test_elf_SOURCES = tests/unit/services/exec/test_elf.c
tests_unit_services_exec_test_elf_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_exec_test_elf_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_exec_test_elf_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_exec_test_elf_LDFLAGS = $(UNIT_SAN)

tests_unit_services_exec_test_stack_SOURCES = tests/unit/services/exec/test_stack.c
tests_unit_services_exec_test_stack_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_exec_test_stack_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_exec_test_stack_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_exec_test_stack_LDFLAGS = $(UNIT_SAN)

tests_unit_services_exec_test_vdso_SOURCES = tests/unit/services/exec/test_vdso.c
tests_unit_services_exec_test_vdso_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_exec_test_vdso_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_exec_test_vdso_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_exec_test_vdso_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_cpio_SOURCES = tests/unit/services/fs/test_cpio.c
tests_unit_services_fs_test_cpio_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_cpio_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_cpio_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_cpio_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_path_SOURCES = tests/unit/services/fs/test_path.c
tests_unit_services_fs_test_path_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_path_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_path_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_path_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_file_SOURCES = tests/unit/services/fs/test_file.c
tests_unit_services_fs_test_file_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_file_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_file_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_file_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_poll_SOURCES = tests/unit/services/fs/test_poll.c
tests_unit_services_fs_test_poll_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_poll_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_poll_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_poll_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_rename_SOURCES = tests/unit/services/fs/test_rename.c
tests_unit_services_fs_test_rename_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_rename_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_rename_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_rename_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_link_SOURCES = tests/unit/services/fs/test_link.c
tests_unit_services_fs_test_link_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_link_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_link_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_link_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_attr_SOURCES = tests/unit/services/fs/test_attr.c
tests_unit_services_fs_test_attr_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_attr_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_attr_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_attr_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_utimes_SOURCES = tests/unit/services/fs/test_utimes.c
tests_unit_services_fs_test_utimes_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_utimes_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_utimes_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_utimes_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_truncate_SOURCES = tests/unit/services/fs/test_truncate.c
tests_unit_services_fs_test_truncate_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_truncate_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_truncate_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_truncate_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_sync_SOURCES = tests/unit/services/fs/test_sync.c
tests_unit_services_fs_test_sync_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_sync_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_sync_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_sync_LDFLAGS = $(UNIT_SAN)

tests_unit_services_fs_test_statfs_SOURCES = tests/unit/services/fs/test_statfs.c
tests_unit_services_fs_test_statfs_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_fs_test_statfs_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_fs_test_statfs_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_fs_test_statfs_LDFLAGS = $(UNIT_SAN)

tests_unit_services_process_test_run_SOURCES = tests/unit/services/process/test_run.c
tests_unit_services_process_test_run_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_process_test_run_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_process_test_run_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_process_test_run_LDFLAGS = $(UNIT_SAN)

tests_unit_services_process_test_fork_SOURCES = tests/unit/services/process/test_fork.c
tests_unit_services_process_test_fork_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_process_test_fork_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_process_test_fork_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_process_test_fork_LDFLAGS = $(UNIT_SAN)

tests_unit_services_test_boot_SOURCES = tests/unit/services/test_boot.c
tests_unit_services_test_boot_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_test_boot_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_test_boot_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_test_boot_LDFLAGS = $(UNIT_SAN)

# This one boots the services' real ostd_main, pulled in by name ahead of the test HAL's
# weak one.
tests_unit_services_test_boot_main_SOURCES = tests/unit/services/test_boot_main.c
tests_unit_services_test_boot_main_CPPFLAGS = $(SERVICES_TEST_CPPFLAGS)
tests_unit_services_test_boot_main_CFLAGS = $(SERVICES_TEST_CFLAGS)
tests_unit_services_test_boot_main_LDADD = $(SERVICES_TEST_LDADD)
tests_unit_services_test_boot_main_LDFLAGS = $(UNIT_SAN) -Wl,-u,ostd_main
include tests/unit/services/strace/local.mk
include tests/unit/services/signal/local.mk
include tests/unit/services/time/local.mk
include tests/unit/services/misc.mk
