#!/bin/sh
# campaign.sh (make fuzz): starts a long AFL++ campaign on one target: a main instance
# (-M) and FUZZ_JOBS - 1 secondaries (-S), in the background, output in FUZZ_OUT.
#   FUZZ_TARGET=syscall|elf|cpio (syscall)  FUZZ_JOBS (2)  FUZZ_OUT (builddir/tests/fuzz/afl-TARGET)
# Watch with afl-whatsup FUZZ_OUT; stop with kill on the pids it prints.
set -eu
t=${FUZZ_TARGET:-syscall}
jobs=${FUZZ_JOBS:-2}
src=$KEEL_SRCDIR/tests/fuzz
bin=$KEEL_BUILDDIR/tests/fuzz/bin/afl/fuzz-$t
out=${FUZZ_OUT:-$KEEL_BUILDDIR/tests/fuzz/afl-$t}
if [ -z "${AFL_FUZZ:-}" ] || [ ! -x "$bin" ]; then
	echo "make fuzz: needs afl-fuzz and afl-clang-fast (apt-get install afl++)" >&2
	exit 1
fi
mkdir -p "$out"
export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
i=0
while [ "$i" -lt "$jobs" ]; do
	if [ "$i" -eq 0 ]; then role="-M main"; else role="-S sec$i"; fi
	nohup "$AFL_FUZZ" $role -i "$src/corpus/$t" -o "$out" -x "$src/$t.dict" -- "$bin" \
		> "$out/log-$i" 2>&1 &
	echo "make fuzz: afl-fuzz $role on $t, pid $!"
	i=$((i + 1))
done
echo "make fuzz: results in $out (afl-whatsup $out); crashes go to tests/fuzz/regressions/$t once fixed"
