# tests/lib.sh: helpers for Keel's shell tests. Each check prints one "ok"/"not ok"/"SKIP"
# line; finish() exits 1 if any failed (automake's harness counts the script).
: "${KEEL:?KEEL must point at the keel binary}"
KEEL_TMP=$(mktemp -d)
trap 'rm -rf "$KEEL_TMP"' EXIT
failures=0
: > "$KEEL_TMP/failed"

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1${2:+: $2}"; echo x >> "$KEEL_TMP/failed"; }
skip() { echo "SKIP: $1: $2"; }
finish() {
	if [ -s "$KEEL_TMP/failed" ]; then
		echo "$(wc -l < "$KEEL_TMP/failed") check(s) failed"
		exit 1
	fi
	exit 0
}

# keel_run OUTPREFIX ARGS...: runs keel on the seccomp engine from /, stdin from /dev/null,
# leaving OUTPREFIX.out, OUTPREFIX.err and OUTPREFIX.status.
keel_run() {
	p=$1; shift
	(cd / && "$KEEL" run --engine seccomp "$@" < /dev/null > "$p.out" 2> "$p.err"; echo $? > "$p.status")
}

# host_run OUTPREFIX PROG ARGS...: the same program natively, as a shell reports it.
host_run() {
	p=$1; shift
	(cd / && "$@" < /dev/null > "$p.out" 2> "$p.err"; echo $? > "$p.status")
}

# compare_with_host LABEL PROG ARGS...: stdout, stderr and status must be identical.
compare_with_host() {
	label=$1; shift
	host_run "$KEEL_TMP/h" "$@"
	keel_run "$KEEL_TMP/k" "$@"
	compare_parts "$label" out err status
}

# compare_parts LABEL PART...: $KEEL_TMP/h.PART (the host's) and k.PART (Keel's) must be
# identical for each PART; one ok/not ok line, with the first difference shown.
compare_parts() {
	label=$1; shift
	for part in "$@"; do
		if ! cmp -s "$KEEL_TMP/h.$part" "$KEEL_TMP/k.$part"; then
			fail "$label" "$part differs (host, then keel)"
			diff "$KEEL_TMP/h.$part" "$KEEL_TMP/k.$part" | head -10 | sed 's/^/#   /'
			head -3 "$KEEL_TMP/k.err" | sed 's/^/#   keel stderr: /'
			return
		fi
	done
	pass "$label"
}

# no_process_left LABEL ARGS...: keel run ARGS under a subreaper (tests/tools/subreaper):
# no stub, zygote or other process it started may outlive it (a 2 s grace for the kernel
# to deliver PDEATHSIG). The program's own status is ignored.
no_process_left() {
	label=$1; shift
	(cd / && "$KEEL_BUILDDIR/tests/tools/subreaper" "$KEEL" run --engine seccomp "$@" \
		< /dev/null > /dev/null 2> "$KEEL_TMP/reap.err"; echo $? > "$KEEL_TMP/reap.status")
	if [ "$(cat "$KEEL_TMP/reap.status")" = 99 ]; then
		fail "$label" "$(cat "$KEEL_TMP/reap.err")"
	else
		pass "$label"
	fi
}

# require_host_busybox LABEL: sets host_busybox, or prints one SKIP line and finishes.
require_host_busybox() {
	host_busybox=$(command -v busybox || echo /bin/busybox)
	[ -x "$host_busybox" ] || { skip "$1" "no busybox on the host"; finish; }
}

# sh_case LABEL SCRIPT: `busybox sh -c SCRIPT` on the host and on Keel; stdout and status
# must match. Files in /tmp carry the shell's $$ so parallel runs never share one.
sh_case() {
	label=$1 script=$2
	host_run "$KEEL_TMP/h" "$host_busybox" sh -c "$script"
	keel_run "$KEEL_TMP/k" busybox sh -c "$script"
	compare_parts "$label" out status
}

# stat_of FILE LINE KEY: the number after KEY= on the "keel: stats: LINE" line of FILE.
stat_of() {
	sed -n "s/^keel: stats: $2 //p" "$1" | head -1 | tr ' ' '\n' | sed -n "s/^$3=//p"
}

# same_stats_at_exit ONE MANY WHAT: the frames and heap `--stats` left in ONE.err and
# MANY.err are equal (nothing leaked over WHAT, e.g. "10000 forks"), one check each.
same_stats_at_exit() {
	for stat in "frames user" "frames pagetable" "heap bytes" "heap objects"; do
		line=${stat% *} key=${stat#* }
		a=$(stat_of "$1.err" "$line" "$key")
		b=$(stat_of "$2.err" "$line" "$key")
		if [ -z "$a" ] || [ -z "$b" ]; then
			fail "$stat in use at exit" "no such figure"
		elif [ "$a" != "$b" ]; then
			fail "$stat in use at exit: same after $3 as after 1" "1: $a, $3: $b"
		else
			pass "$stat in use at exit: same after $3 as after 1 ($a)"
		fi
	done
}
