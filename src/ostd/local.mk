# src/ostd/local.mk: OSTD, the trusted core, as libostd.a and its sanitizer twin for the
# unit tests. The arch folder is chosen by include path (arch_pte.h, arch_context.h).
OSTD_ARCH_DIR = src/ostd/arch/x86_64

OSTD_SOURCES = \
	src/ostd/boot.c src/ostd/boot_internal.h \
	src/ostd/console.c \
	src/ostd/frame.c src/ostd/frame_internal.h \
	src/ostd/heap.c \
	src/ostd/log.c \
	src/ostd/pagetable.c src/ostd/pagetable.h \
	src/ostd/run.c \
	src/ostd/sched.c src/ostd/sched_context.c src/ostd/task_internal.h \
	src/ostd/string.c \
	src/ostd/sync.c \
	src/ostd/task.c \
	src/ostd/time.c src/ostd/timer_internal.h \
	src/ostd/trace.c \
	src/ostd/user_copy.c \
	src/ostd/user_mode.c \
	src/ostd/vmspace.c src/ostd/vmspace_internal.h \
	$(OSTD_ARCH_DIR)/arch_pte.h $(OSTD_ARCH_DIR)/pte.c \
	$(OSTD_ARCH_DIR)/arch_context.h $(OSTD_ARCH_DIR)/context.c $(OSTD_ARCH_DIR)/switch.S

OSTD_ALL_CPPFLAGS = $(OSTD_CPPFLAGS) -I$(top_srcdir)/$(OSTD_ARCH_DIR)

noinst_LIBRARIES += libostd.a
libostd_a_SOURCES = $(OSTD_SOURCES)
libostd_a_CPPFLAGS = $(OSTD_ALL_CPPFLAGS)
libostd_a_CFLAGS = $(AM_CFLAGS)

# Same sources, instrumented: the unit tests link this one.
noinst_LIBRARIES += libostd_san.a
libostd_san_a_SOURCES = $(OSTD_SOURCES)
libostd_san_a_CPPFLAGS = $(OSTD_ALL_CPPFLAGS)
libostd_san_a_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN)

noinst_HEADERS += src/ostd/hal.h \
	src/ostd/include/ostd/boot.h src/ostd/include/ostd/compiler.h \
	src/ostd/include/ostd/console.h src/ostd/include/ostd/errno.h \
	src/ostd/include/ostd/frame.h src/ostd/include/ostd/heap.h \
	src/ostd/include/ostd/log.h src/ostd/include/ostd/string.h \
	src/ostd/include/ostd/sync.h src/ostd/include/ostd/task.h \
	src/ostd/include/ostd/time.h src/ostd/include/ostd/trace.h \
	src/ostd/include/ostd/types.h \
	src/ostd/include/ostd/user_copy.h src/ostd/include/ostd/user_mode.h \
	src/ostd/include/ostd/vmspace.h

# Freestanding mem*/str* for bare metal; never in the hosted VMM (they would interpose on
# the host's libc). tests/unit/ostd/test_libc_string.c compiles them under other names.
EXTRA_DIST += src/ostd/libc_string.c
