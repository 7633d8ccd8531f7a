#!/bin/sh
# sandbox.sh: after set-up the VMM runs under its own seccomp filter (and so does every
# stub, under theirs); a host syscall off the VMM's list ends it with exit 125, one stderr
# line naming the call and the sandbox, and no helper process left behind.
. "$KEEL_SRCDIR/tests/lib.sh"

# seccomp_mode PID: the "Seccomp:" field of /proc/PID/status (2 = filter).
seccomp_mode() { sed -n 's/^Seccomp:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null; }

# A guest `cat` blocks on a FIFO this script holds open, so the processes can be inspected.
mkfifo "$KEEL_TMP/fifo"
exec 3<> "$KEEL_TMP/fifo"
(cd / && exec "$KEEL" run --engine seccomp busybox cat < "$KEEL_TMP/fifo" > "$KEEL_TMP/cat.out" \
	2> "$KEEL_TMP/cat.err" 3>&-) &
keel_pid=$!
echo line >&3
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	grep -q line "$KEEL_TMP/cat.out" 2>/dev/null && break
	sleep 0.25
done
[ "$(seccomp_mode "$keel_pid")" = 2 ] && pass "the VMM runs in seccomp filter mode" \
	|| fail "the VMM runs in seccomp filter mode" "Seccomp: $(seccomp_mode "$keel_pid")"
zygotes=$(cat /proc/"$keel_pid"/task/*/children 2>/dev/null)
stubs=
for z in $zygotes; do
	stubs="$stubs $(cat /proc/"$z"/task/*/children 2>/dev/null)"
done
if [ -z "$(echo $stubs)" ]; then
	fail "every stub runs in seccomp filter mode" "no stub found under keel $keel_pid"
else
	bad=
	for s in $stubs; do
		[ "$(seccomp_mode "$s")" = 2 ] || bad="$bad $s"
	done
	[ -z "$bad" ] && pass "every stub runs in seccomp filter mode" \
		|| fail "every stub runs in seccomp filter mode" "not filtered:$bad"
fi
exec 3>&-
wait "$keel_pid"
status=$?
[ "$status" = 0 ] && [ "$(cat "$KEEL_TMP/cat.out")" = line ] \
	&& pass "closing stdin ends the confined run normally" \
	|| fail "closing stdin ends the confined run normally" "status $status: $(cat "$KEEL_TMP/cat.err")"

# The test-only trigger: the VMM itself calls socket(AF_INET, ...) right after confining.
(cd / && KEEL_SANDBOX_SELFTEST=1 "$KEEL" run --engine seccomp busybox true < /dev/null \
	> /dev/null 2> "$KEEL_TMP/self.err")
status=$?
[ "$status" = 125 ] && pass "a forbidden host syscall ends the VMM with status 125" \
	|| fail "a forbidden host syscall ends the VMM with status 125" "status $status"
[ "$(wc -l < "$KEEL_TMP/self.err")" = 1 ] && grep -q 'sandbox.*socket' "$KEEL_TMP/self.err" \
	&& pass "the refusal is one stderr line naming the sandbox and the syscall" \
	|| fail "the refusal is one stderr line naming the sandbox and the syscall" \
		"$(cat "$KEEL_TMP/self.err")"
export KEEL_SANDBOX_SELFTEST=1
no_process_left "no stub or zygote outlives a sandbox refusal" busybox true
unset KEEL_SANDBOX_SELFTEST
finish
