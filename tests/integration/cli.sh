#!/bin/sh
# cli.sh: the keel command's own behaviour: version, help, usage errors (one line, exit 2),
# programs that cannot be found (127) or run (126).
. "$KEEL_SRCDIR/tests/lib.sh"

# expect LABEL STATUS PATTERN CMD...: exit status and one stderr line matching PATTERN.
expect() {
	label=$1 want=$2 pattern=$3; shift 3
	(cd / && "$@" < /dev/null > "$KEEL_TMP/o" 2> "$KEEL_TMP/e"); got=$?
	lines=$(wc -l < "$KEEL_TMP/e")
	if [ "$got" != "$want" ]; then
		fail "$label" "status $got, wanted $want; stderr: $(head -3 "$KEEL_TMP/e")"
	elif [ -n "$pattern" ] && { [ "$lines" != 1 ] || ! grep -q -- "$pattern" "$KEEL_TMP/e"; }; then
		fail "$label" "stderr was: $(cat "$KEEL_TMP/e")"
	else
		pass "$label"
	fi
}

expect "--version" 0 "" "$KEEL" --version
grep -q '^keel [0-9]' "$KEEL_TMP/o" && pass "--version prints the version" || fail "--version output"
expect "--help" 0 "" "$KEEL" --help
grep -q 'keel run' "$KEEL_TMP/o" && pass "--help shows usage" || fail "--help output"
expect "no command" 2 "no command" "$KEEL"
expect "unknown command" 2 "unknown command 'frobnicate'" "$KEEL" frobnicate
expect "run without program" 2 "no PROGRAM" "$KEEL" run
expect "unknown option" 2 "Unknown option" "$KEEL" run --frob /bin/true
expect "bad --mem" 2 "--mem 12X" "$KEEL" run --mem 12X busybox true
expect "tiny --mem" 2 "--mem 1M" "$KEEL" run --mem 1M busybox true
expect "unknown engine" 2 "unknown engine 'warp'" "$KEEL" run --engine warp busybox true
expect "missing --root" 2 "--root /no/such/dir" "$KEEL" run --root /no/such/dir busybox true
expect "missing --initrd" 2 "--initrd /no/such.cpio" "$KEEL" run --initrd /no/such.cpio busybox true
expect "--log unwritable" 2 "--log /no/such/dir/log" "$KEEL" run --log /no/such/dir/log busybox true
if [ -c /dev/kvm ]; then
	skip "--engine kvm refusal" "/dev/kvm is present here; the kvm engine tests cover it"
else
	expect "--engine kvm without /dev/kvm" 2 "no /dev/kvm" "$KEEL" run --engine kvm busybox true
fi
expect "program not found" 127 "keel: nosuchprog: not found" "$KEEL" run --engine seccomp nosuchprog
printf 'not an elf\n' > "$KEEL_TMP/notelf"
chmod +x "$KEEL_TMP/notelf"
expect "non-ELF program" 126 "notelf" "$KEEL" run --engine seccomp "$KEEL_TMP/notelf"
expect "program options are the program's" 0 "" "$KEEL" run --engine seccomp busybox echo -v --mem
grep -qx -- '-v --mem' "$KEEL_TMP/o" && pass "options after PROGRAM reach it" || fail "options after PROGRAM"
finish
