#!/bin/sh
# smoke.sh (make fuzz-smoke): runs each fuzz target for FUZZ_SECONDS (default 60) from
# its seed corpus, with libFuzzer where clang built it, else with afl-fuzz; fails on any
# crash. Then replays the syscall corpus and prints how many syscall numbers answered.
set -u
secs=${FUZZ_SECONDS:-60}
src=$KEEL_SRCDIR/tests/fuzz
bin=$KEEL_BUILDDIR/tests/fuzz/bin
out=$KEEL_BUILDDIR/tests/fuzz/smoke-out
fail=0
rm -rf "$out"
for t in syscall elf cpio; do
	work=$out/$t
	mkdir -p "$work/corpus"
	cp "$src/corpus/$t"/* "$work/corpus/"
	if [ -x "$bin/fuzz-$t" ]; then
		"$bin/fuzz-$t" -max_total_time="$secs" -timeout=10 -detect_leaks=0 \
			-dict="$src/$t.dict" -artifact_prefix="$work/" -print_final_stats=1 \
			"$work/corpus" > "$work/log" 2>&1
		rc=$?
		rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
		echo "fuzz-smoke: $t (libFuzzer, ${secs}s): exit $rc, ${rate:-?} execs/s on one core"
	elif [ -x "$bin/afl/fuzz-$t" ] && [ -n "${AFL_FUZZ:-}" ]; then
		AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
			"$AFL_FUZZ" -V "$secs" -i "$src/corpus/$t" -o "$work/afl" -x "$src/$t.dict" \
			-- "$bin/afl/fuzz-$t" > "$work/log" 2>&1
		rc=$?
		if ls "$work/afl/default/crashes"/id* > /dev/null 2>&1; then rc=1; fi
		cp "$work/afl/default/queue"/id* "$work/corpus/" 2>/dev/null
		rate=$(sed -n 's/^execs_per_sec *: *//p' "$work/afl/default/fuzzer_stats")
		echo "fuzz-smoke: $t (AFL++, ${secs}s): exit $rc, ${rate:-?} execs/s on one core"
	else
		# Nothing fuzzed is a failure, not a pass: the smoke run must be able to fail.
		echo "fuzz-smoke: $t: no fuzz binary (make fuzz-build needs clang or afl-clang-fast:" \
			"apt-get install clang afl++)" >&2
		fail=1
		continue
	fi
	if [ "$rc" -ne 0 ]; then
		echo "fuzz-smoke: $t CRASHED; log: $work/log; reproducers:" >&2
		ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work/afl/default/crashes" 2>/dev/null >&2
		tail -n 30 "$work/log" >&2
		fail=1
	fi
done
# The done-when figure: distinct syscall numbers the corpus got a real answer for.
"$KEEL_BUILDDIR/tests/fuzz/replay-syscall" -q "$out/syscall/corpus" | tail -n 1
exit $fail
