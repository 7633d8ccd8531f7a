# tests/progs/local.mk: small static Linux programs, each built with gcc and (when present)
# musl-gcc, run natively and on `keel run`; tests/progs/compare.sh checks they agree.
PROGS_NAMES = hello exit_code args_env null_deref fpu_state heap_tls syscall_errors uname_time \
	alloc_touch fork_tree exec_pipe threads signals alarm_pause segv_info futex_raw creds \
	fork_loop fs_meta fifo procfs path_perm rw_at stat_close sched_prio flock \
	posix_timers itimer_cpu cpu_time fp_fork stop_cont
PROGS_GCC = $(PROGS_NAMES:%=tests/progs/%.gcc)
if HAVE_MUSL
PROGS_MUSL = $(PROGS_NAMES:%=tests/progs/%.musl)
endif
PROGS_ALL = $(PROGS_GCC) $(PROGS_MUSL)
# Plain flags: these are guest programs, never built with the VMM's sanitizers.
PROGS_CFLAGS = -static -O2 -g -Wall -pthread

tests/progs/%.gcc: $(top_srcdir)/tests/progs/%.c $(top_srcdir)/tests/progs/errname.h
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(CC) $(PROGS_CFLAGS) -o $@ $<
tests/progs/%.musl: $(top_srcdir)/tests/progs/%.c $(top_srcdir)/tests/progs/errname.h
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(MUSL_GCC) $(PROGS_CFLAGS) -o $@ $<

check_SCRIPTS = $(PROGS_ALL)
CLEANFILES += $(PROGS_ALL)
EXTRA_DIST += $(PROGS_NAMES:%=tests/progs/%.c) tests/progs/compare.sh tests/progs/errname.h
TESTS += tests/progs/compare.sh
# Group folders add to PROGS_NAMES (as GROUP/name) in their own local.mk, and list their
# runs in GROUP/runs.
