#!/bin/sh
# gdb.sh: gdb debugs a Linux program through `keel run --gdb PORT` (breakpoint, registers,
# memory, stepi, exit), detaching lets it finish, a bad PORT is one line and status 2; and
# the README recipe, gdb on keel itself, stops in the sys_write handler.
. "$KEEL_SRCDIR/tests/lib.sh"

hello="$KEEL_BUILDDIR/tests/progs/hello.gcc"

if ! command -v gdb > /dev/null 2>&1; then
	skip "gdb" "gdb is not installed"
	finish
fi

# gdb_keel_start PREFIX PROG: starts `keel run --gdb PORT PROG` in the background on a
# free port, once it listens: sets port and keel_pid, or returns 1.
gdb_keel_start() {
	p=$1 prog=$2
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + ($$ * 7 + try * 2311) % 20000))
		rm -f "$p.status"
		(cd / && timeout 300 "$KEEL" run --engine seccomp --gdb "$port" "$prog" \
			< /dev/null > "$p.out" 2> "$p.err"; echo $? > "$p.status") &
		keel_pid=$!
		for i in $(seq 100); do
			grep -q "waiting for a debugger on 127.0.0.1:$port" "$p.err" 2>/dev/null \
				&& return 0
			[ -e "$p.status" ] && break
			sleep 0.1
		done
		wait "$keel_pid" 2>/dev/null
	done
	return 1
}

# (1) A session: break main, continue, registers, a string in memory, stepi, the exit.
if ! gdb_keel_start "$KEEL_TMP/k" "$hello"; then
	fail "keel run --gdb listens" "$(cat "$KEEL_TMP/k.err")"
	finish
fi
timeout 120 gdb -batch -nx -ex "target remote 127.0.0.1:$port" -ex 'break main' \
	-ex continue -ex 'info registers rip' -ex 'x/s *(char **)$rsi' -ex stepi \
	-ex 'info registers rip' -ex continue "$hello" > "$KEEL_TMP/g.out" 2>&1
wait "$keel_pid"
out=$(cat "$KEEL_TMP/g.out")
case $out in
*"Breakpoint 1, main ()"*) pass "gdb stops at a breakpoint in main" ;;
*) fail "gdb stops at a breakpoint in main" "$out" ;;
esac
grep -q '^rip  *0x[0-9a-f]*  *0x[0-9a-f]* <main>$' "$KEEL_TMP/g.out" \
	&& pass "info registers rip shows main" \
	|| fail "info registers rip shows main" "$out"
grep -q '"/.*hello.gcc"$' "$KEEL_TMP/g.out" \
	&& pass "x/s reads argv[0] from guest memory" \
	|| fail "x/s reads argv[0] from guest memory" "$out"
grep -q '^rip  *0x[0-9a-f]*  *0x[0-9a-f]* <main+[0-9]*>$' "$KEEL_TMP/g.out" \
	&& pass "stepi moves rip one instruction into main" \
	|| fail "stepi moves rip one instruction into main" "$out"
case $out in
*"exited normally"*) pass "gdb sees the program exit" ;;
*) fail "gdb sees the program exit" "$out" ;;
esac
[ "$(cat "$KEEL_TMP/k.out")" = "hello, keel" ] && [ "$(cat "$KEEL_TMP/k.status")" = 0 ] \
	&& pass "the debugged program's output and status are its own" \
	|| fail "the debugged program's output and status" \
		"$(cat "$KEEL_TMP/k.out" "$KEEL_TMP/k.err" "$KEEL_TMP/k.status")"

# (2) gdb quits at once: it detaches and the program runs to its end.
if gdb_keel_start "$KEEL_TMP/d" "$hello"; then
	timeout 60 gdb -batch -nx -ex "target remote 127.0.0.1:$port" "$hello" \
		> "$KEEL_TMP/gd.out" 2>&1
	wait "$keel_pid"
	[ "$(cat "$KEEL_TMP/d.out")" = "hello, keel" ] && [ "$(cat "$KEEL_TMP/d.status")" = 0 ] \
		&& pass "a debugger that leaves lets the program finish" \
		|| fail "a debugger that leaves lets the program finish" \
			"$(cat "$KEEL_TMP/d.err" "$KEEL_TMP/gd.out")"
else
	fail "keel run --gdb listens again" "$(cat "$KEEL_TMP/d.err")"
fi

# (3) A bad PORT: one line, status 2, nothing run.
for bad in 0 65536 abc -1 ""; do
	keel_run "$KEEL_TMP/b" --gdb "$bad" "$hello"
	if [ "$(cat "$KEEL_TMP/b.status")" = 2 ] && [ "$(wc -l < "$KEEL_TMP/b.err")" = 1 ] \
	   && [ ! -s "$KEEL_TMP/b.out" ]; then
		pass "--gdb '$bad' is refused with one line and status 2"
	else
		fail "--gdb '$bad' is refused" "$(cat "$KEEL_TMP/b.err" "$KEEL_TMP/b.status")"
	fi
done

# (4) The README recipe: gdb on the VMM itself stops in a syscall handler.
timeout 120 gdb -batch -nx -ex 'break sys_write' -ex run -ex bt \
	--args "$KEEL" run --engine seccomp "$hello" < /dev/null > "$KEEL_TMP/r.out" 2>&1
grep -q "Breakpoint 1, sys_write (" "$KEEL_TMP/r.out" && \
	grep -q "^#0  sys_write (" "$KEEL_TMP/r.out" \
	&& pass "the README recipe stops in sys_write" \
	|| fail "the README recipe stops in sys_write" "$(tail -20 "$KEEL_TMP/r.out")"
finish
