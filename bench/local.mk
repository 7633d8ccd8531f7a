# bench/local.mk: measurements, never run by `make check` (bench/run prints the table).
noinst_PROGRAMS += bench/syscall_lat
bench_syscall_lat_SOURCES = bench/syscall_lat.c
bench_syscall_lat_CFLAGS = -O2 -Wall
bench_syscall_lat_LDFLAGS = -static
EXTRA_DIST += bench/run
bench: keel bench/syscall_lat tests/progs/hello.gcc tests/unit/hal-kvm/seccomp/bench_roundtrip
	KEEL_BUILDDIR=$(abs_top_builddir) $(SHELL) $(top_srcdir)/bench/run
	@tests/unit/hal-kvm/seccomp/bench_roundtrip | grep "round trip"
.PHONY: bench
