#!/bin/sh
# tree.sh: the real tree keeps the framekernel rule: all five audit rules hold for
# libservices.a and its sources (and sparse for OSTD's), as `make audit` reports them.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"

$SHELL "$AUDIT_RUN" > "$KEEL_TMP/out" 2>&1
status=$?
sed 's/^/#   /' "$KEEL_TMP/out"
for rule in headers asm symbols opcodes types; do
	if grep -q "^audit: rule $rule: ok" "$KEEL_TMP/out"; then
		pass "real tree passes rule $rule"
	else
		fail "real tree passes rule $rule"
	fi
done
[ "$status" = 0 ] && pass "audit of the real tree exits 0" || fail "audit of the real tree exits 0" "status $status"
finish
