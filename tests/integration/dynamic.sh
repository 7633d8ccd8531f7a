#!/bin/sh
# dynamic.sh: dynamically linked programs (PT_INTERP: ld.so loads their libraries with
# file mmap), static-PIE, and ASLR with its --no-aslr switch. The --root is built from the
# host's own files: each program with the libraries ldd names and the interpreter, at the
# same paths, so outputs can be compared with the host's byte for byte.
. "$KEEL_SRCDIR/tests/lib.sh"

progs=$KEEL_BUILDDIR/tests/progs/dyn
root=$KEEL_TMP/root
export LC_ALL=C

# root_add FILE...: copies each file and the libraries ldd lists for it into the root.
root_add() {
	for f in "$@"; do
		for g in "$f" $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
			[ -e "$root$g" ] && continue
			mkdir -p "$root$(dirname "$g")" && cp -L "$g" "$root$g" || return 1
		done
	done
}

# keel_root_case LABEL HOSTCMD -- GUESTCMD: stdout and status of the host command and of
# the guest one under keel run --root must match.
keel_root_case() {
	label=$1 host=$2 guest=$3
	(cd / && eval "$host" < /dev/null > "$KEEL_TMP/h.out" 2> "$KEEL_TMP/h.err"; echo $? > "$KEEL_TMP/h.status")
	# shellcheck disable=SC2086
	keel_run "$KEEL_TMP/k" --root "$root" $guest
	compare_parts "$label" out status
}

for p in static_pie.gcc addrs.dyn hello.dyn; do
	[ -x "$progs/$p" ] || { fail "dynamic programs" "$progs/$p not built"; finish; }
done
command -v ldd > /dev/null || { skip "dynamic programs" "no ldd on the host"; finish; }

compare_with_host "static-PIE program runs as on the host" "$progs/static_pie.gcc"

mkdir -p "$root/data" "$root/prog"
cp "$progs/hello.dyn" "$progs/addrs.dyn" "$root/prog/"
printf 'pear\napple\nfig\n10\n9\nBanana\n' > "$root/data/fruit.txt"
for f in b a c.txt 'with space'; do : > "$root/data/$f"; done
root_add "$root/prog/hello.dyn" "$root/prog/addrs.dyn" /bin/ls /usr/bin/sort ||
	{ fail "building the --root" "cannot copy the host's files"; finish; }

# Without the file mmap ld.so needs, these fail; the keel stderr lines say why.
keel_root_case "dynamic gcc hello world under ld.so" "$root/prog/hello.dyn" /prog/hello.dyn
keel_root_case "dynamic /bin/ls of a fixed directory" "/bin/ls $root/data" "/bin/ls /data"
keel_root_case "dynamic /usr/bin/sort of fixed input" "/usr/bin/sort $root/data/fruit.txt" \
	"/usr/bin/sort /data/fruit.txt"

# A missing interpreter is an exec error, not a crash of the VMM.
rm -rf "$KEEL_TMP/noldso" && mkdir -p "$KEEL_TMP/noldso/prog" &&
	cp "$progs/hello.dyn" "$KEEL_TMP/noldso/prog/"
keel_run "$KEEL_TMP/n" --root "$KEEL_TMP/noldso" /prog/hello.dyn
st=$(cat "$KEEL_TMP/n.status")
if [ "$st" != 0 ] && [ "$st" -lt 128 ] && [ -s "$KEEL_TMP/n.err" ]; then
	pass "a program whose interpreter is missing fails with an error"
else
	fail "a program whose interpreter is missing fails with an error" "status $st"
fi

# --no-aslr: the same addresses every run; randomized: not always the same.
keel_run "$KEEL_TMP/a1" --no-aslr --root "$root" /prog/addrs.dyn
keel_run "$KEEL_TMP/a2" --no-aslr --root "$root" /prog/addrs.dyn
if [ "$(cat "$KEEL_TMP/a1.status")" = 0 ] && cmp -s "$KEEL_TMP/a1.out" "$KEEL_TMP/a2.out"; then
	pass "two --no-aslr runs print the same addresses"
else
	fail "two --no-aslr runs print the same addresses"
	cat "$KEEL_TMP/a1.out" "$KEEL_TMP/a2.out" "$KEEL_TMP/a1.err" | head -5 | sed 's/^/#   /'
fi
: > "$KEEL_TMP/all"
for i in 1 2 3 4 5; do
	keel_run "$KEEL_TMP/r$i" --root "$root" /prog/addrs.dyn
	cat "$KEEL_TMP/r$i.out" >> "$KEEL_TMP/all"
done
for field in main stack mmap heap; do
	n=$(grep -o "$field 0x[0-9a-f]*" "$KEEL_TMP/all" | sort -u | wc -l)
	if [ "$n" -gt 1 ]; then
		pass "ASLR moves $field between runs"
	else
		fail "ASLR moves $field between runs" "$n distinct value(s) in 5 runs"
	fi
done
# The static program's own stack moves too, without an interpreter.
keel_run "$KEEL_TMP/s1" "$KEEL_BUILDDIR/tests/progs/dyn/addrs.gcc"
keel_run "$KEEL_TMP/s2" "$KEEL_BUILDDIR/tests/progs/dyn/addrs.gcc"
keel_run "$KEEL_TMP/s3" "$KEEL_BUILDDIR/tests/progs/dyn/addrs.gcc"
n=$(cat "$KEEL_TMP/s1.out" "$KEEL_TMP/s2.out" "$KEEL_TMP/s3.out" | grep -o 'stack 0x[0-9a-f]*' | sort -u | wc -l)
[ "$n" -gt 1 ] && pass "ASLR moves a static program's stack" ||
	fail "ASLR moves a static program's stack" "$n distinct value(s) in 3 runs"
finish
