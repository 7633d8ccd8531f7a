#!/bin/sh
# busybox.sh: the embedded root's busybox runs single commands (no fork yet). Outputs that
# depend on the kernel (uname, the root's listing) are compared with expectations kept here.
. "$KEEL_SRCDIR/tests/lib.sh"

check_output() {
	label=$1 want=$2; shift 2
	keel_run "$KEEL_TMP/k" "$@"
	if [ "$(cat "$KEEL_TMP/k.status")" != 0 ]; then
		fail "$label" "status $(cat "$KEEL_TMP/k.status"): $(head -3 "$KEEL_TMP/k.err")"
	elif [ "$(cat "$KEEL_TMP/k.out")" != "$want" ]; then
		fail "$label" "got: $(head -5 "$KEEL_TMP/k.out")"
	else
		pass "$label"
	fi
}

check_output "busybox uname -s -r -m" "Linux 6.1.0-keel x86_64" busybox uname -s -r -m
check_output "busybox echo" "hello from busybox" busybox echo hello from busybox
check_output "applet through PATH symlink" "a b" echo a b
check_output "cat /etc/passwd" "root:x:0:0:root:/root:/bin/sh" cat /etc/passwd
check_output "ls /" "bin
dev
etc
linuxrc
proc
root
sbin
sys
tmp
usr" ls /
keel_run "$KEEL_TMP/k" ls -l /bin/busybox
grep -q -- '^-rwxr-xr-x .* /bin/busybox$' "$KEEL_TMP/k.out" && pass "ls -l /bin/busybox" \
	|| fail "ls -l /bin/busybox" "$(cat "$KEEL_TMP/k.out" "$KEEL_TMP/k.err")"
keel_run "$KEEL_TMP/k" busybox false
[ "$(cat "$KEEL_TMP/k.status")" = 1 ] && pass "busybox false exits 1" || fail "busybox false"
mkdir -p "$KEEL_TMP/root/bin"
cp "$KEEL_BUILDDIR/tests/progs/hello.gcc" "$KEEL_TMP/root/bin/hello"
(cd / && "$KEEL" run --engine seccomp --root "$KEEL_TMP/root" hello < /dev/null > "$KEEL_TMP/r.out" 2>&1)
[ "$(cat "$KEEL_TMP/r.out")" = "hello, keel" ] && pass "--root DIR runs its /bin/hello" \
	|| fail "--root DIR" "$(cat "$KEEL_TMP/r.out")"
finish
