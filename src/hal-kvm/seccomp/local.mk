# src/hal-kvm/seccomp/local.mk: the seccomp engine (libseccomp_engine.a) and its stub.

# The stub is a separate freestanding static ELF linked at STUB_BASE. Its own rule keeps
# every configured flag (CFLAGS, sanitizers, coverage) away from it; STUB_CC can name a
# plain compiler when CC is an instrumenting wrapper.
STUB_CC = $(CC)
STUB_COMPILE_FLAGS = -O2 -g -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
	-ffreestanding -nostdlib -static -fno-pie -no-pie -mcmodel=large -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
	-mgeneral-regs-only -fno-builtin -fno-tree-loop-distribute-patterns
STUB_LINK_FLAGS = -Wl,-T,$(top_srcdir)/src/hal-kvm/stub/stub.lds -Wl,--build-id=none \
	-Wl,-z,max-page-size=4096 -Wl,-z,noexecstack
STUB_SRCS = src/hal-kvm/stub/entry.S src/hal-kvm/stub/start.c \
	src/hal-kvm/stub/handler.c src/hal-kvm/stub/filter.c src/hal-kvm/stub/mem.c \
	src/hal-kvm/stub/thread.c src/hal-kvm/stub/fp.c
STUB_HDRS = src/hal-kvm/stub/stub.h src/hal-kvm/stub/stub_abi.h
EXTRA_DIST += $(STUB_SRCS) $(STUB_HDRS) src/hal-kvm/stub/stub.lds
CLEANFILES += src/hal-kvm/stub/keel-stub

# Fails when an instrumenting compiler slipped runtime hooks into the stub.
src/hal-kvm/stub/keel-stub: $(STUB_SRCS) $(STUB_HDRS) src/hal-kvm/stub/stub.lds
	$(AM_V_GEN)$(MKDIR_P) src/hal-kvm/stub && \
	$(STUB_CC) $(STUB_COMPILE_FLAGS) -I$(top_srcdir)/src/hal-kvm/stub $(STUB_LINK_FLAGS) -o $@ \
		$(STUB_SRCS:%=$(top_srcdir)/%) && \
	if nm $@ | grep -Eq '__(asan|ubsan|tsan|msan|sanitizer|afl|gcov|llvm_prf)'; then \
		echo "keel-stub: instrumented; set STUB_CC to an uninstrumented compiler" >&2; \
		rm -f $@; exit 1; fi

# The engine's sources, also compiled into its unit tests (without ASan: they fork).
SECCOMP_ENGINE_SRCS = \
	src/hal-kvm/seccomp/seccomp_engine.c src/hal-kvm/seccomp/seccomp_engine.h \
	src/hal-kvm/seccomp/stub_blob.S src/hal-kvm/seccomp/stub_image.c \
	src/hal-kvm/seccomp/stub_image.h \
	src/hal-kvm/seccomp/zygote.c src/hal-kvm/seccomp/zygote.h \
	src/hal-kvm/seccomp/slots.c src/hal-kvm/seccomp/slots.h \
	src/hal-kvm/seccomp/spare.c src/hal-kvm/seccomp/spare.h \
	src/hal-kvm/seccomp/reaper.c src/hal-kvm/seccomp/reaper.h \
	src/hal-kvm/seccomp/recycle.c src/hal-kvm/seccomp/recycle.h \
	src/hal-kvm/seccomp/space.c src/hal-kvm/seccomp/handoff.c \
	src/hal-kvm/seccomp/handoff.h src/hal-kvm/seccomp/tlb.c \
	src/hal-kvm/seccomp/run.c src/hal-kvm/seccomp/thread.c \
	src/hal-kvm/seccomp/fp.c src/hal-kvm/seccomp/fpstate.c \
	src/hal-kvm/seccomp/fpstate.h
# .incbin finds the stub in the build tree.
SECCOMP_ENGINE_CCASFLAGS = -Wa,-I$(top_builddir)

noinst_LIBRARIES += libseccomp_engine.a
libseccomp_engine_a_SOURCES = $(SECCOMP_ENGINE_SRCS)
libseccomp_engine_a_CPPFLAGS = $(HOSTED_CPPFLAGS)
libseccomp_engine_a_CCASFLAGS = $(SECCOMP_ENGINE_CCASFLAGS)
src/hal-kvm/seccomp/libseccomp_engine_a-stub_blob.$(OBJEXT): src/hal-kvm/stub/keel-stub
