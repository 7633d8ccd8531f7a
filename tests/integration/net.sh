#!/bin/sh
# net.sh: sockets leave nothing behind. `keel run --stats` after net/churn 2000 (2000
# rounds of sockets dropped with fds and bytes in flight, listeners closed with
# connections pending, bound names) reports the same frames and heap in use as after one
# round. KEEL_LEAK_ROUNDS sets the count.
. "$KEEL_SRCDIR/tests/lib.sh"

rounds=${KEEL_LEAK_ROUNDS:-2000}
prog=$KEEL_BUILDDIR/tests/progs/net/churn.gcc

if [ ! -x "$prog" ]; then
	fail "socket leak test" "$prog not built"
	finish
fi
keel_run "$KEEL_TMP/one" --stats "$prog" 1
keel_run "$KEEL_TMP/many" --stats "$prog" "$rounds"
if [ "$(cat "$KEEL_TMP/many.status")" != 0 ] ||
   [ "$(cat "$KEEL_TMP/many.out")" != "churned $rounds" ]; then
	fail "net/churn $rounds runs" "status $(cat "$KEEL_TMP/many.status"): \
$(cat "$KEEL_TMP/many.out") $(head -3 "$KEEL_TMP/many.err")"
	finish
fi
pass "net/churn $rounds runs"
same_stats_at_exit "$KEEL_TMP/one" "$KEEL_TMP/many" "$rounds socket rounds"
finish
