# src/hal-kvm/local.mk: the hosted HAL and the `keel` command.
bin_PROGRAMS += keel
keel_SOURCES = \
	src/hal-kvm/main.c \
	src/hal-kvm/cli/run.c src/hal-kvm/cli/run.h \
	src/hal-kvm/cli/size.c src/hal-kvm/cli/size.h \
	src/hal-kvm/cli/cpio_writer.c src/hal-kvm/cli/cpio_writer.h \
	src/hal-kvm/vmm.c src/hal-kvm/vmm.h src/hal-kvm/sandbox.c src/hal-kvm/sandbox.h \
	src/hal-kvm/ram.c src/hal-kvm/ram.h \
	src/hal-kvm/engine.c src/hal-kvm/engine.h \
	src/hal-kvm/hal_memory.c src/hal-kvm/hal_clock.c src/hal-kvm/hal_console.c \
	src/hal-kvm/hal_log.c src/hal-kvm/hal_trace.c src/hal-kvm/hal_cpu.c \
	src/hal-kvm/hal_space.c \
	src/hal-kvm/initramfs.S
keel_CPPFLAGS = $(HOSTED_CPPFLAGS) -I$(top_builddir) $(GLIB_CFLAGS)
keel_CCASFLAGS = -Wa,-I$(top_builddir)
# Nothing in the HAL calls services, so ostd_main (OSTD's hook into them) is pulled in by
# name; libostd.a comes again after the engine, which asks OSTD for page-table lookups.
keel_LDADD = libservices.a libostd.a libseccomp_engine.a libostd.a \
	$(GLIB_LIBS) $(SECCOMP_LIBS) $(LIBELF_LIBS)
keel_LDFLAGS = -Wl,-u,ostd_main $(KEEL_BUILD_SAN)
EXTRA_keel_DEPENDENCIES = initramfs.cpio

initramfs.cpio: $(top_srcdir)/tools/mkinitramfs
	$(AM_V_GEN)$(SHELL) $(top_srcdir)/tools/mkinitramfs $@ $(BUSYBOX)
src/hal-kvm/keel-initramfs.$(OBJEXT) src/hal-kvm/keel_initramfs.$(OBJEXT): initramfs.cpio
CLEANFILES += initramfs.cpio
EXTRA_DIST += tools/mkinitramfs
include src/hal-kvm/gdb/local.mk
include src/hal-kvm/kvm/local.mk
