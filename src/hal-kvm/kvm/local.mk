# src/hal-kvm/kvm/local.mk: the KVM engine (issue 4): libkvm_engine.a, linked into keel,
# and bench/kvm_floor, the raw KVM round trip the engine's syscall cost is compared with.

# The engine's sources, also compiled into its unit tests.
KVM_ENGINE_SRCS = \
	src/hal-kvm/kvm/guest_layout.h src/hal-kvm/kvm/guest_stub.S \
	src/hal-kvm/kvm/guest_image.c src/hal-kvm/kvm/guest_image.h \
	src/hal-kvm/kvm/exit_decode.c src/hal-kvm/kvm/exit_decode.h \
	src/hal-kvm/kvm/kvm_vm.c src/hal-kvm/kvm/kvm_vm.h \
	src/hal-kvm/kvm/kvm_engine.c src/hal-kvm/kvm/kvm_engine.h \
	src/hal-kvm/kvm/kvm_space.c src/hal-kvm/kvm/kvm_run.c \
	src/hal-kvm/kvm/kvm_kick.c src/hal-kvm/kvm/kvm_fp.c

noinst_LIBRARIES += libkvm_engine.a
libkvm_engine_a_SOURCES = $(KVM_ENGINE_SRCS)
libkvm_engine_a_CPPFLAGS = $(HOSTED_CPPFLAGS)
libkvm_engine_a_CCASFLAGS = -I$(top_srcdir)/src/hal-kvm

# After the seccomp engine: the KVM engine reuses its FP layout (seccomp/fpstate.c) and
# asks OSTD for the root of each space.
keel_LDADD += libkvm_engine.a libseccomp_engine.a libostd.a

# The floor: a CPL3 `syscall` loop whose every round trip exits to the host and is
# re-entered at once; "kvm_floor n/a (reason)" without /dev/kvm.
noinst_PROGRAMS += bench/kvm_floor
bench_kvm_floor_SOURCES = bench/kvm_floor.c
bench_kvm_floor_CPPFLAGS = $(HOSTED_CPPFLAGS)
bench_kvm_floor_CFLAGS = -O2 $(KEEL_WARN)
bench_kvm_floor_LDADD = libkvm_engine.a
bench: bench/kvm_floor
