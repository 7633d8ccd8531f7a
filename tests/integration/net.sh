#!/bin/sh
# net.sh: sockets leave nothing behind. `keel run --stats` after net/churn 2000 (2000
# rounds of sockets dropped with fds and bytes in flight, listeners closed with
# connections pending, bound names) reports the same frames and heap in use as after one
# round. KEEL_LEAK_ROUNDS sets the count.
. "$KEEL_SRCDIR/tests/lib.sh"

rounds=${KEEL_LEAK_ROUNDS:-2000}
prog=$KEEL_BUILDDIR/tests/progs/net/churn.gcc

stat_of() {
	sed -n "s/^keel: stats: $2 //p" "$1" | head -1 | tr ' ' '\n' | sed -n "s/^$3=//p"
}

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
for stat in "frames user" "frames pagetable" "heap bytes" "heap objects"; do
	line=${stat% *} key=${stat#* }
	a=$(stat_of "$KEEL_TMP/one.err" "$line" "$key")
	b=$(stat_of "$KEEL_TMP/many.err" "$line" "$key")
	if [ -z "$a" ] || [ -z "$b" ]; then
		fail "$stat in use at exit" "no such figure"
	elif [ "$a" != "$b" ]; then
		fail "$stat in use at exit: same after $rounds socket rounds as after 1" \
			"1: $a, $rounds: $b"
	else
		pass "$stat in use at exit: same after $rounds socket rounds as after 1 ($a)"
	fi
done
finish
