#!/bin/sh
# faults.sh: a program that writes through NULL makes keel exit normally with 139, -v logs
# the guest fault, and no stub or helper process stays behind.
. "$KEEL_SRCDIR/tests/lib.sh"

prog="$KEEL_BUILDDIR/tests/progs/null_deref.gcc"
(cd / && "$KEEL" run --engine seccomp -v "$prog" < /dev/null > "$KEEL_TMP/out" 2> "$KEEL_TMP/err")
status=$?
[ "$status" = 139 ] && pass "NULL write ends with status 139" || fail "NULL write" "status $status"
grep -q 'about to fault' "$KEEL_TMP/out" && pass "output before the fault is kept" \
	|| fail "output before the fault"
grep -q 'SIGSEGV.*fault address 0$' "$KEEL_TMP/err" && grep -q 'killed by SIGSEGV' "$KEEL_TMP/err" && pass "-v logs the guest fault" \
	|| fail "-v logs the guest fault" "$(cat "$KEEL_TMP/err")"
no_process_left "no stub or zygote outlives a faulting program" "$prog"
no_process_left "no stub or zygote outlives a normal exit" busybox true
no_process_left "no stub or zygote outlives a program that is not found" nosuchprogram
(cd / && "$KEEL" run --engine seccomp --log "$KEEL_TMP/log" "$prog" < /dev/null > /dev/null 2> "$KEEL_TMP/err2")
grep -qi 'SIGSEGV' "$KEEL_TMP/log" && pass "--log FILE gets the kernel log" || fail "--log FILE"
[ ! -s "$KEEL_TMP/err2" ] && pass "without -v the log stays off stderr" \
	|| fail "log leaked to stderr" "$(cat "$KEEL_TMP/err2")"
# Guest RAM runs out: the program is killed (SIGKILL, 137) with a clear log line, and the
# machine was never at risk: the next run works.
(cd / && "$KEEL" run --engine seccomp --mem 16M -v "$KEEL_BUILDDIR/tests/progs/alloc_touch.gcc" 64 \
	< /dev/null > /dev/null 2> "$KEEL_TMP/oom.err")
status=$?
[ "$status" = 137 ] && pass "out of guest RAM ends with status 137" || fail "out of guest RAM" "status $status"
grep -q 'killed by SIGKILL: out of memory' "$KEEL_TMP/oom.err" && pass "out of memory is logged" \
	|| fail "out of memory is logged" "$(cat "$KEEL_TMP/oom.err")"
finish
