#!/bin/sh
# mm.sh: memory management end to end.
# - Out of memory: on a 64 MiB guest, a program touching 1 GiB gets ENOMEM or is killed
#   with a kernel log line "out of memory: killed process N (comm)", and the kernel stays
#   up: the shell that ran it goes on to echo "alive" and keel exits normally.
# - Copy-on-write: a parent writes all of a 64 MiB mapping and forks children that each
#   write one page and stay alive; `--stats` (printed when the parent, init, ends) shows
#   the user frames grow by a few per child, not by 16384 (a full copy) per child.
#   KEEL_COW_CHILDREN sets the count (default 100, as issue 7 asks).
. "$KEEL_SRCDIR/tests/lib.sh"

progs="$KEEL_BUILDDIR/tests/progs/mm"
children=${KEEL_COW_CHILDREN:-100}
require_host_busybox "mm.sh"

if [ ! -x "$progs/hog.gcc" ] || [ ! -x "$progs/cow_fork.gcc" ]; then
	fail "mm test programs" "not built"
	finish
fi

# Out of memory: a root with busybox and the hog, init a shell.
mkdir -p "$KEEL_TMP/root/bin" "$KEEL_TMP/root/tmp"
cp "$host_busybox" "$KEEL_TMP/root/bin/busybox"
cp "$progs/hog.gcc" "$KEEL_TMP/root/bin/hog"
keel_run "$KEEL_TMP/oom" --root "$KEEL_TMP/root" --mem 64M --log "$KEEL_TMP/oom.log" \
	busybox sh -c 'hog; echo "hog status $?"; echo alive'
echo "# oom: $(tr '\n' ' ' < "$KEEL_TMP/oom.out")"
if grep -q '^hog: mmap: ENOMEM$' "$KEEL_TMP/oom.out" ||
   grep -q '^hog status 137$' "$KEEL_TMP/oom.out"; then
	pass "a 1 GiB hog on a 64 MiB guest gets ENOMEM or SIGKILL"
else
	fail "1 GiB hog on 64 MiB" "$(cat "$KEEL_TMP/oom.out" "$KEEL_TMP/oom.err" | head -5)"
fi
if grep -q '^hog status 137$' "$KEEL_TMP/oom.out"; then
	line=$(grep 'out of memory: killed process [0-9]* (hog)' "$KEEL_TMP/oom.log")
	[ -n "$line" ] && pass "the kill is logged: $line" \
		|| fail "kill log line" "$(head -5 "$KEEL_TMP/oom.log")"
fi
[ "$(tail -1 "$KEEL_TMP/oom.out")" = alive ] && pass "the shell goes on after the hog" \
	|| fail "shell after the hog" "$(tail -3 "$KEEL_TMP/oom.out")"
[ "$(cat "$KEEL_TMP/oom.status")" = 0 ] && pass "keel exits normally after an OOM kill" \
	|| fail "keel exit after OOM" "status $(cat "$KEEL_TMP/oom.status")"

keel_run "$KEEL_TMP/c1" --mem 512M --stats "$progs/cow_fork.gcc" 1
keel_run "$KEEL_TMP/cn" --mem 512M --stats "$progs/cow_fork.gcc" "$children"
one=$(stat_of "$KEEL_TMP/c1.err" frames user)
many=$(stat_of "$KEEL_TMP/cn.err" frames user)
if [ "$(cat "$KEEL_TMP/c1.status")" != 0 ] || [ "$(cat "$KEEL_TMP/cn.status")" != 0 ] ||
   [ -z "$one" ] || [ -z "$many" ]; then
	fail "copy-on-write runs" "$(head -3 "$KEEL_TMP/c1.err" "$KEEL_TMP/cn.err")"
	finish
fi
grow=$((many - one))
echo "# cow: user frames with 1 child $one, with $children children $many:" \
	"+$grow for $((children - 1)) more children (a full copy each would be" \
	"+$(( (children - 1) * 16384 )))"
# Each child holds its one copied page plus its own stack and bookkeeping pages.
if [ "$grow" -ge $((children - 1)) ] && [ "$grow" -le $(( (children - 1) * 16 )) ]; then
	pass "$children forked children of a 64 MiB writer cost a few frames each ($grow)"
else
	fail "copy-on-write frames" "grew by $grow for $((children - 1)) children"
fi
finish
