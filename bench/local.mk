# bench/local.mk: measurements, never run by `make check` (bench/run prints the table).
noinst_PROGRAMS += bench/syscall_lat
bench_syscall_lat_SOURCES = bench/syscall_lat.c
bench_syscall_lat_CFLAGS = -O2 -Wall
bench_syscall_lat_LDFLAGS = -static

# Processes and signals: static guest programs, each printing "NAME_us N" on stderr.
BENCH_PROC_PROGS = bench/fork_lat bench/exec_lat bench/pipe_pingpong bench/signal_lat \
	bench/fs_lat bench/mmap_lat
noinst_PROGRAMS += $(BENCH_PROC_PROGS) bench/tiny_true bench/uml_init
noinst_HEADERS += bench/bench_clock.h
bench_fork_lat_SOURCES = bench/fork_lat.c
bench_fork_lat_CFLAGS = -O2 -Wall
bench_fork_lat_LDFLAGS = -static
bench_exec_lat_SOURCES = bench/exec_lat.c
bench_exec_lat_CFLAGS = -O2 -Wall
bench_exec_lat_LDFLAGS = -static
bench_pipe_pingpong_SOURCES = bench/pipe_pingpong.c
bench_pipe_pingpong_CFLAGS = -O2 -Wall
bench_pipe_pingpong_LDFLAGS = -static
bench_signal_lat_SOURCES = bench/signal_lat.c
bench_signal_lat_CFLAGS = -O2 -Wall
bench_signal_lat_LDFLAGS = -static
bench_fs_lat_SOURCES = bench/fs_lat.c
bench_fs_lat_CFLAGS = -O2 -Wall
bench_fs_lat_LDFLAGS = -static
bench_mmap_lat_SOURCES = bench/mmap_lat.c
bench_mmap_lat_CFLAGS = -O2 -Wall
bench_mmap_lat_LDFLAGS = -static
# No libc at all: exec_lat then measures the kernel's exec, not libc start-up.
bench_tiny_true_SOURCES = bench/tiny_true.c
bench_tiny_true_CFLAGS = -O2 -Wall -fno-stack-protector -fno-asynchronous-unwind-tables
bench_tiny_true_LDFLAGS = -static -nostdlib
bench_tiny_true_LDADD =
# init of the User-Mode Linux column: runs one benchmark, then powers off.
bench_uml_init_SOURCES = bench/uml_init.c
bench_uml_init_CFLAGS = -O2 -Wall
bench_uml_init_LDFLAGS = -static

EXTRA_DIST += bench/run
bench: keel bench/syscall_lat tests/progs/hello.gcc tests/unit/hal-kvm/seccomp/bench_roundtrip \
		$(BENCH_PROC_PROGS) bench/tiny_true bench/uml_init
	KEEL_BUILDDIR=$(abs_top_builddir) $(SHELL) $(top_srcdir)/bench/run
	@tests/unit/hal-kvm/seccomp/bench_roundtrip | grep "round trip"
.PHONY: bench
