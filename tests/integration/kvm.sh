#!/bin/sh
# kvm.sh: the KVM engine's runs of tests/progs; one SKIP line where it cannot run here.
. "$KEEL_SRCDIR/tests/lib.sh"

if [ ! -c /dev/kvm ]; then
	skip "kvm engine" "no /dev/kvm on this machine"
	exit 77
fi
if ! "$KEEL" run --engine kvm busybox true 2> "$KEEL_TMP/why"; then
	skip "kvm engine" "$(cat "$KEEL_TMP/why")"
	exit 77
fi
for p in hello exit_code fpu_state heap_tls; do
	(cd / && "$KEEL" run --engine kvm "$KEEL_BUILDDIR/tests/progs/$p.gcc" < /dev/null > "$KEEL_TMP/k" 2>&1)
	(cd / && "$KEEL_BUILDDIR/tests/progs/$p.gcc" < /dev/null > "$KEEL_TMP/h" 2>&1)
	cmp -s "$KEEL_TMP/k" "$KEEL_TMP/h" && pass "kvm: $p" || fail "kvm: $p"
done
finish
