#!/bin/sh
# regressions.sh (make check): replays every fuzz reproducer kept in tests/fuzz/regressions
# and the seed corpus through the replay drivers (plain compiler, ASan+UBSan); any finding
# aborts the driver and fails the test.
set -u
fail=0
for t in syscall elf cpio; do
	bin=$KEEL_BUILDDIR/tests/fuzz/replay-$t
	for d in "$KEEL_SRCDIR/tests/fuzz/regressions/$t" "$KEEL_SRCDIR/tests/fuzz/corpus/$t"; do
		[ -d "$d" ] || continue
		if ! "$bin" -q "$d"; then
			echo "FAIL: replay-$t over $d" >&2
			fail=1
		fi
	done
done
exit $fail
