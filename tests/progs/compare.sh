#!/bin/sh
# compare.sh: every program of tests/progs, built with gcc and musl-gcc, gives the same
# stdout, stderr and exit status on `keel run` as on the host Linux. One TAP-like line each.
. "$KEEL_SRCDIR/tests/lib.sh"

# name and arguments of each run; the program is looked up in tests/progs.
runs='hello
exit_code 0
exit_code 42
exit_code 255
args_env one "two words" ""
null_deref
fpu_state
heap_tls
alloc_touch 16
syscall_errors
uname_time'

export KEEL_TEST_VAR="passed through"
for variant in gcc musl; do
	echo "$runs" | while read -r name args; do
		prog="$KEEL_BUILDDIR/tests/progs/$name.$variant"
		if [ ! -x "$prog" ]; then
			[ "$variant" = musl ] && { skip "$name.$variant" "musl-gcc not installed"; continue; }
			fail "$name.$variant" "not built"
			continue
		fi
		eval "set -- $args"
		compare_with_host "$name.$variant $*" "$prog" "$@"
	done
done
finish
