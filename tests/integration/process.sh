#!/bin/sh
# process.sh: `keel run --stats` reports, at exit on stderr, the frames and heap still in use:
#   keel: stats: frames user=N pagetable=N kernel=N free=N allocs=N frees=N
#   keel: stats: heap bytes=N objects=N
# and the kernel frees everything a process had: after fork_loop 10000 (10000 fork + exit +
# wait cycles) the user and page-table frames and the heap in use at exit equal those after
# fork_loop 1. KEEL_LEAK_FORKS sets the count (default 10000).
. "$KEEL_SRCDIR/tests/lib.sh"

forks=${KEEL_LEAK_FORKS:-10000}
prog="$KEEL_BUILDDIR/tests/progs/fork_loop.gcc"
frames_re='^keel: stats: frames user=[0-9]+ pagetable=[0-9]+ kernel=[0-9]+ free=[0-9]+'
frames_re="$frames_re"' allocs=[0-9]+ frees=[0-9]+$'
heap_re='^keel: stats: heap bytes=[0-9]+ objects=[0-9]+$'

keel_run "$KEEL_TMP/s" --stats busybox echo counted
if [ "$(cat "$KEEL_TMP/s.status")" != 0 ] || [ "$(cat "$KEEL_TMP/s.out")" != counted ]; then
	fail "--stats leaves the program's output and status alone" \
		"status $(cat "$KEEL_TMP/s.status"): $(head -3 "$KEEL_TMP/s.err")"
else
	pass "--stats leaves the program's output and status alone"
fi
[ "$(grep -cE "$frames_re" "$KEEL_TMP/s.err")" = 1 ] && pass "--stats prints one frames line" \
	|| fail "--stats frames line" "stderr: $(head -5 "$KEEL_TMP/s.err")"
[ "$(grep -cE "$heap_re" "$KEEL_TMP/s.err")" = 1 ] && pass "--stats prints one heap line" \
	|| fail "--stats heap line" "stderr: $(head -5 "$KEEL_TMP/s.err")"
keel_run "$KEEL_TMP/n" busybox true
grep -q '^keel: stats:' "$KEEL_TMP/n.err" && fail "no stats without --stats" \
	|| pass "no stats without --stats"

if [ ! -x "$prog" ]; then
	fail "leak test" "$prog not built"
	finish
fi
keel_run "$KEEL_TMP/one" --stats "$prog" 1
keel_run "$KEEL_TMP/many" --stats "$prog" "$forks"
if [ "$(cat "$KEEL_TMP/many.status")" != 0 ] ||
   ! grep -q "reaped $forks of $forks\$" "$KEEL_TMP/many.out"; then
	why="status $(cat "$KEEL_TMP/many.status"): $(cat "$KEEL_TMP/many.out")"
	fail "fork_loop $forks runs" "$why $(head -3 "$KEEL_TMP/many.err")"
	finish
fi
pass "fork_loop $forks runs"
same_stats_at_exit "$KEEL_TMP/one" "$KEEL_TMP/many" "$forks forks"
finish
