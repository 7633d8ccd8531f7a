#!/bin/sh
# cppcheck.sh: cppcheck's warnings over OSTD, the services and the hosted HAL are errors.
# A planted out-of-bounds write proves the check can fail. A finding that is wrong is
# silenced where it stands, with `cppcheck-suppress ID ; why` on the line before.
. "$KEEL_SRCDIR/tests/lib.sh"

command -v cppcheck > /dev/null || { fail "cppcheck" "not installed: run tools/install-deps"; finish; }

# run_cppcheck OUT PATHS...: the project's settings; OUT.status holds the exit status.
run_cppcheck() {
	out=$1; shift
	(cd "$KEEL_SRCDIR" && cppcheck --quiet --inline-suppr --enable=warning,portability \
		--error-exitcode=1 --std=c11 --suppress=missingIncludeSystem \
		-I src/ostd/include -I src/ostd -I src/services/include "$@" > "$out" 2>&1
	 echo $? > "$out.status")
}

run_cppcheck "$KEEL_TMP/tree" src/ostd src/services src/hal-kvm
if [ "$(cat "$KEEL_TMP/tree.status")" = 0 ]; then
	pass "OSTD, services and the HAL have no cppcheck warnings"
else
	fail "OSTD, services and the HAL have no cppcheck warnings"
	grep -E '(error|warning|portability):' "$KEEL_TMP/tree" | head -20 | sed 's/^/#   /'
fi

run_cppcheck "$KEEL_TMP/planted" tests/audit/fixtures/cppcheck_bug.c
if [ "$(cat "$KEEL_TMP/planted.status")" = 1 ] && grep -q arrayIndexOutOfBounds "$KEEL_TMP/planted"; then
	pass "a planted out-of-bounds write fails cppcheck"
else
	fail "a planted out-of-bounds write fails cppcheck"
	sed 's/^/#   /' "$KEEL_TMP/planted"
fi
finish
