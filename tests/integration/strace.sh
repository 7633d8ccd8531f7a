#!/bin/sh
# strace.sh: keel run --strace prints each guest syscall in strace's format on stderr,
# beside the program's own output, and --strace-file sends the trace to a file instead.
. "$KEEL_SRCDIR/tests/lib.sh"

hello="$KEEL_BUILDDIR/tests/progs/hello.gcc"
errors="$KEEL_BUILDDIR/tests/progs/syscall_errors.gcc"

keel_run "$KEEL_TMP/h" --no-aslr --strace "$hello"
grep -qxF 'write(1, "hello, keel\n", 12) = 12' "$KEEL_TMP/h.err" \
	&& pass "write is traced with its buffer and result" \
	|| fail "write is traced" "$(head -20 "$KEEL_TMP/h.err")"
[ "$(tail -n 1 "$KEEL_TMP/h.err")" = 'exit_group(0) = ?' ] \
	&& pass "the trace ends with exit_group(0) = ?" \
	|| fail "the trace ends with exit_group" "$(tail -n 3 "$KEEL_TMP/h.err")"
[ "$(cat "$KEEL_TMP/h.out")" = "hello, keel" ] && [ "$(cat "$KEEL_TMP/h.status")" = 0 ] \
	&& pass "the program's stdout and status are untouched" \
	|| fail "the program's stdout and status" "$(cat "$KEEL_TMP/h.out")"
grep -q '^brk(NULL) = 0x[0-9a-f]*$' "$KEEL_TMP/h.err" && pass "brk results print in hex" \
	|| fail "brk results print in hex" "$(grep brk "$KEEL_TMP/h.err")"

keel_run "$KEEL_TMP/e" --strace "$errors"
grep -q ' = -1 ENOENT (No such file or directory)$' "$KEEL_TMP/e.err" \
	&& pass "a failed syscall prints -1 ENOENT and its message" \
	|| fail "a failed syscall prints its errno" "$(head -20 "$KEEL_TMP/e.err")"

keel_run "$KEEL_TMP/f" --no-aslr --strace-file "$KEEL_TMP/trace" "$hello"
[ ! -s "$KEEL_TMP/f.err" ] && pass "--strace-file leaves stderr clean" \
	|| fail "--strace-file leaves stderr clean" "$(head -5 "$KEEL_TMP/f.err")"
# The same lines but getrandom's, whose bytes differ from run to run (both runs use
# --no-aslr: addresses such as brk's would differ too).
grep -v '^getrandom(' "$KEEL_TMP/h.err" > "$KEEL_TMP/h.trace"
grep -v '^getrandom(' "$KEEL_TMP/trace" > "$KEEL_TMP/f.trace"
cmp -s "$KEEL_TMP/h.trace" "$KEEL_TMP/f.trace" && pass "--strace-file gets the same trace" \
	|| fail "--strace-file gets the same trace" \
		"$(diff "$KEEL_TMP/h.trace" "$KEEL_TMP/f.trace" | head -5)"

keel_run "$KEEL_TMP/n" "$hello"
[ ! -s "$KEEL_TMP/n.err" ] && pass "without --strace nothing is traced" \
	|| fail "without --strace nothing is traced" "$(head -5 "$KEEL_TMP/n.err")"

keel_run "$KEEL_TMP/bad" --strace-file /no/such/dir/trace "$hello"
[ "$(cat "$KEEL_TMP/bad.status")" = 2 ] && grep -q 'strace-file' "$KEEL_TMP/bad.err" \
	&& pass "an unwritable --strace-file is a usage error" \
	|| fail "an unwritable --strace-file" "status $(cat "$KEEL_TMP/bad.status")"
finish
