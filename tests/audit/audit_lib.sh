# tests/audit/audit_lib.sh: helpers for the audit tests, on top of tests/lib.sh.
# The audit's settings come from tests/audit/audit.env, written by tests/audit/local.mk.
. "$KEEL_SRCDIR/tests/lib.sh"
set -a
. "$KEEL_BUILDDIR/tests/audit/audit.env"
set +a
FIXTURES=$KEEL_SRCDIR/tests/audit/fixtures

# audit_only OUT SRC [-DX]...: runs the audit on SRC alone; leaves its output and status.
audit_only() {
	out=$1; shift
	src=$1; shift
	$SHELL "$AUDIT_RUN" --only "$src" "$@" > "$out" 2>&1
	echo $? > "$out.status"
}

# expect_pass LABEL SRC [-DX]...: every rule holds for SRC.
expect_pass() {
	label=$1; shift
	audit_only "$KEEL_TMP/out" "$@"
	if [ "$(cat "$KEEL_TMP/out.status")" = 0 ]; then
		pass "$label"
	else
		fail "$label" "the audit rejected the clean file"
		sed 's/^/#   /' "$KEEL_TMP/out"
	fi
}

# expect_rule LABEL RULE PATTERN SRC [-DX]...: the audit fails (status 1, not a setup
# error), rule RULE reports a line matching PATTERN (grep -E), and no other rule fails.
expect_rule() {
	label=$1 rule=$2 pattern=$3; shift 3
	audit_only "$KEEL_TMP/out" "$@"
	status=$(cat "$KEEL_TMP/out.status")
	others=$(grep '^audit: rule .*: FAILED' "$KEEL_TMP/out" | grep -v "rule $rule: FAILED")
	if [ "$status" != 1 ]; then
		fail "$label" "audit exited $status, wanted 1"
	elif ! grep -E ": rule $rule: .*$pattern" "$KEEL_TMP/out" > /dev/null; then
		fail "$label" "no rule $rule line matching '$pattern'"
	elif [ -n "$others" ]; then
		fail "$label" "other rules failed too: $others"
	else
		pass "$label"
		grep ": rule $rule: " "$KEEL_TMP/out" | head -3 | sed 's/^/#   /'
		return
	fi
	sed 's/^/#   /' "$KEEL_TMP/out"
}
