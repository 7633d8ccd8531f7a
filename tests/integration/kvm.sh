#!/bin/sh
# kvm.sh: the KVM engine. Where it cannot run, `--engine kvm` must refuse in one line with
# exit status 2 (checked), and the rest is ONE SKIP line with the reason. Where it runs,
# every run of tests/progs/compare.sh and a busybox demo give the same stdout, stderr and
# exit status on --engine kvm as on --engine seccomp.
. "$KEEL_SRCDIR/tests/lib.sh"

# engine_run ENGINE OUTPREFIX ARGS...: keel on that engine from /, stdin from /dev/null.
engine_run() {
	e=$1 p=$2; shift 2
	(cd / && "$KEEL" run --engine "$e" "$@" < /dev/null > "$p.out" 2> "$p.err"; echo $? > "$p.status")
}

# Refusal or a working engine: whichever it is, one line on stderr saying why.
engine_run kvm "$KEEL_TMP/probe" busybox true
status=$(cat "$KEEL_TMP/probe.status")
if [ "$status" != 0 ]; then
	why=$(cat "$KEEL_TMP/probe.err")
	if [ "$status" = 2 ] && [ "$(wc -l < "$KEEL_TMP/probe.err")" = 1 ] &&
	   echo "$why" | grep -q '^keel: --engine kvm: '; then
		pass "--engine kvm refuses in one line with status 2"
	else
		fail "--engine kvm refuses in one line with status 2" "status $status: $why"
	fi
	if [ ! -e /dev/kvm ]; then
		echo "$why" | grep -q 'no /dev/kvm' && pass "the refusal names the missing /dev/kvm" \
			|| fail "the refusal names the missing /dev/kvm" "$why"
	fi
	engine_run auto "$KEEL_TMP/auto" -v busybox true
	label="--engine auto falls back to seccomp and -v says why"
	if grep -q '^keel: engine seccomp (kvm: ' "$KEEL_TMP/auto.err" &&
	   [ "$(cat "$KEEL_TMP/auto.status")" = 0 ]; then
		pass "$label"
	else
		fail "$label" "$(head -3 "$KEEL_TMP/auto.err")"
	fi
	skip "kvm engine runs" "${why#keel: --engine kvm: }"
	[ -s "$KEEL_TMP/failed" ] && finish
	exit 77
fi

engine_run auto "$KEEL_TMP/auto" -v busybox true
grep -q '^keel: engine kvm$' "$KEEL_TMP/auto.err" && pass "--engine auto picks kvm and -v says so" \
	|| fail "--engine auto picks kvm and -v says so" "$(head -3 "$KEEL_TMP/auto.err")"

# compare_engines LABEL ARGS...: kvm against seccomp.
compare_engines() {
	label=$1; shift
	engine_run seccomp "$KEEL_TMP/h" "$@"
	engine_run kvm "$KEEL_TMP/k" "$@"
	compare_parts "kvm: $label" out err status
}

# The runs of tests/progs/compare.sh (its list, so the two never drift apart), gcc builds.
runs=$(sed -n "/^runs='/,/'\$/p" "$KEEL_SRCDIR/tests/progs/compare.sh" | sed "s/^runs='//; s/'\$//")
for list in "$KEEL_SRCDIR"/tests/progs/*/runs; do
	[ -s "$list" ] && runs="$runs
$(cat "$list")"
done
export KEEL_TEST_VAR="passed through"
echo "$runs" | while read -r name args; do
	[ -n "$name" ] || continue
	prog="$KEEL_BUILDDIR/tests/progs/$name.gcc"
	[ -x "$prog" ] || { fail "kvm: $name" "not built"; continue; }
	eval "set -- $args"
	compare_engines "$name${args:+ $args}" "$prog" "$@"
done

# The busybox demo: the embedded root's shell, pipes, fork and exec.
compare_engines "busybox uname" busybox uname -s -r -m
compare_engines "busybox ls /" ls /
compare_engines "busybox sh pipeline" busybox sh -c 'echo one two three | wc -w; ls /bin | head -3'
compare_engines "busybox sh loop" busybox sh -c \
	'i=0; while [ $i -lt 50 ]; do i=$((i+1)); done; echo $i'
compare_engines "busybox false" busybox false
finish
