#!/bin/sh
# compare.sh: every program of tests/progs, built with gcc and musl-gcc, gives the same
# stdout, stderr and exit status on `keel run` as on the host Linux. One TAP-like line each.
# A program that exits 77 on the host (it cannot show anything here, e.g. not root) is
# skipped.
. "$KEEL_SRCDIR/tests/lib.sh"

# compare_unless_skipped LABEL PROG ARGS...: compare_with_host, but SKIP on host status 77.
compare_unless_skipped() {
	label=$1; shift
	host_run "$KEEL_TMP/h" "$@"
	if [ "$(cat "$KEEL_TMP/h.status")" = 77 ]; then
		skip "$label" "$(head -1 "$KEEL_TMP/h.out")"
		return
	fi
	keel_run "$KEEL_TMP/k" "$@"
	compare_parts "$label" out err status
}

# name and arguments of each run; the program is looked up in tests/progs.
runs='hello
exit_code 0
exit_code 42
exit_code 255
args_env one "two words" ""
null_deref
fpu_state
heap_tls
alloc_touch 16
syscall_errors
uname_time
fork_tree
exec_pipe
threads
signals
alarm_pause
segv_info
futex_raw
creds
fork_loop 100
fs_meta
fifo
procfs one
path_perm
rw_at
stat_close
sched_prio
flock
cpu_time
posix_timers
itimer_cpu
fp_fork
stop_cont'
# Each group folder (tests/progs/GROUP/) lists its own runs, names relative to tests/progs.
for list in "$KEEL_SRCDIR"/tests/progs/*/runs; do
	[ -s "$list" ] && runs="$runs
$(cat "$list")"
done

export KEEL_TEST_VAR="passed through"
for variant in gcc musl; do
	echo "$runs" | while read -r name args; do
		prog="$KEEL_BUILDDIR/tests/progs/$name.$variant"
		if [ ! -x "$prog" ]; then
			[ "$variant" = musl ] && { skip "$name.$variant" "musl-gcc not installed"; continue; }
			fail "$name.$variant" "not built"
			continue
		fi
		eval "set -- $args"
		compare_unless_skipped "$name.$variant${*:+ $*}" "$prog" "$@"
	done
done
finish
