#!/bin/sh
# missing_sparse.sh: without sparse the audit fails rule types and says how to get it,
# rather than skipping the check.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
AUDIT_SPARSE=/nonexistent/sparse audit_only "$KEEL_TMP/out" "$FIXTURES/user_deref.c"
if [ "$(cat "$KEEL_TMP/out.status")" = 1 ] &&
   grep -q 'sparse not found: run tools/install-deps' "$KEEL_TMP/out"; then
	pass "audit without sparse fails and names tools/install-deps"
else
	fail "audit without sparse fails and names tools/install-deps"
	sed 's/^/#   /' "$KEEL_TMP/out"
fi
finish
