#!/bin/sh
# build-fuzzers.sh: builds the instrumented fuzz binaries, which need another compiler
# than the rest of the tree (automake gives one CC per build): every OSTD and services
# source, the test HAL and the harness, compiled with coverage instrumentation and
# ASan+UBSan, and linked once per target.
#
#   build-fuzzers.sh afl|libfuzzer CC SRCDIR OUTDIR
# Environment: OSTD_SRCS, SERVICES_SRCS, HAL_SRCS, COMMON_SRCS, SYS_SRCS (paths relative
# to SRCDIR; headers in the lists are skipped), GEN_SRCS (generated services sources,
# absolute paths in the build tree: the vDSO image). Output: OUTDIR/fuzz-{syscall,elf,cpio}.
set -eu
mode=$1 cc=$2 srcdir=$3 out=$4

san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# Services do arithmetic on user pointers they never dereference; a NULL one plus 0 is UB
# that clang reports where offsets are not made with uptr_add (README.md). FUZZ_STRICT_UB=1 keeps the check.
[ -n "${FUZZ_STRICT_UB:-}" ] || san="$san -fno-sanitize=pointer-overflow"
case $mode in
afl)       inst="" link_inst="" driver=tests/fuzz/afl_main.c ;;
libfuzzer) inst="-fsanitize=fuzzer-no-link" link_inst="-fsanitize=fuzzer" driver= ;;
*)         echo "build-fuzzers.sh: mode afl or libfuzzer" >&2; exit 2 ;;
esac
cflags="-g -O1 -Wall -Wno-unused-parameter $san $inst"
# Services see only the compiler's freestanding headers, as in the main build; this
# compiler's own, not gcc's.
res=$($cc -print-resource-dir)
svc_cpp="-nostdinc -isystem $res/include -I$srcdir/src/ostd/include -I$srcdir/src/services/include"
ostd_cpp="-I$srcdir/src/ostd/include -I$srcdir/src/ostd -I$srcdir/src/ostd/arch/x86_64"
hal_cpp="$ostd_cpp -I$srcdir/tests/unit/support"
harness_cpp="-I$srcdir/src/ostd/include -I$srcdir/src/services/include -I$srcdir/tests/unit/support"

obj=$out/obj-$mode${FUZZ_STRICT_UB:+-strict}
# A changed header may change any object: then start over.
if [ -f "$obj/.stamp" ] && [ -n "$(find "$srcdir/src" "$srcdir/tests/unit/support" \
	"$srcdir/tests/fuzz" -name '*.h' -newer "$obj/.stamp" | head -n 1)" ]; then
	rm -rf "$obj"
fi
mkdir -p "$obj"

# compile GROUP CPPFLAGS EXTRA_CFLAGS SOURCES...: objects into $obj/GROUP, two at a time.
compile() {
	group=$1 cpp=$2 extra=$3
	shift 3
	mkdir -p "$obj/$group"
	for src in "$@"; do
		case $src in *.c|*.S) ;; *) continue ;; esac
		case $src in /*) path=$src ;; *) path=$srcdir/$src ;; esac
		o=$obj/$group/$(echo "$src" | tr / _).o
		if [ ! -f "$o" ] || [ "$path" -nt "$o" ]; then
			echo "$cc -c $path -o $o $cpp $cflags $extra"
		fi
	done | xargs -P 2 -I CMD sh -c 'CMD'
	rm -f "$obj/$group.a"
	ar cr "$obj/$group.a" "$obj/$group"/*.o
}

# boot.c holds the services' ostd_main; the harness brings the test HAL's instead.
services=$(echo $SERVICES_SRCS | tr ' ' '\n' | grep -v '^src/services/boot\.c$' || true)
compile ostd "$ostd_cpp" "" $OSTD_SRCS
compile services "$svc_cpp" "-ffreestanding -fno-stack-protector -fno-common" $services \
	${GEN_SRCS:-}
compile hal "$hal_cpp" "" $HAL_SRCS
compile common "$harness_cpp" "" $COMMON_SRCS
for t in syscall elf cpio; do
	case $t in
	syscall) srcs=$SYS_SRCS ;;
	*)       srcs=tests/fuzz/${t}_target.c ;;
	esac
	rm -rf "$obj/t-$t"
	compile "t-$t" "$harness_cpp" "" $srcs $driver
	# The link order of the unit tests: the test HAL's weak ostd_main before OSTD's use.
	$cc $san $link_inst -o "$out/fuzz-$t" "$obj/t-$t"/*.o "$obj/common.a" \
		"$obj/services.a" "$obj/hal.a" "$obj/ostd.a" "$obj/hal.a" -lpthread
	echo "built $out/fuzz-$t ($mode)"
done
touch "$obj/.stamp"
