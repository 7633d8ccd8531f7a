#!/bin/sh
# planted_riscv_opcode.sh: the opcode rule on RISC-V objects: csrw, sret, wfi, sfence.vma
# and ecall bytes in an executable section fail it; the same bytes as read-only data, and
# the tolerated ebreak and floating-point CSR reads, pass. Needs clang (riscv64 target)
# and a RISC-V disassembler; without them it says SKIP.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/raw_opcode.c

if [ -z "$AUDIT_CLANG" ] || [ -z "$AUDIT_OBJDUMP_RISCV" ]; then
	skip "RISC-V opcode rule" "needs clang and a RISC-V objdump (llvm-objdump)"
	finish
fi

# rv_audit LABEL WANT PATTERN [-DX]...: compiles the fixture for riscv64 and audits it.
rv_audit() {
	label=$1 want=$2 pattern=$3; shift 3
	obj=$KEEL_TMP/rv.o
	if ! "$AUDIT_CLANG" --target=riscv64-unknown-elf -ffreestanding -nostdinc \
		-isystem "$("$AUDIT_CLANG" -print-resource-dir)/include" \
		-I"$AUDIT_SRCDIR/src/ostd/include" -O2 -c "$src" -o "$obj" "$@" 2> "$KEEL_TMP/cc.err"; then
		fail "$label" "clang cannot build the fixture for riscv64"
		sed 's/^/#   /' "$KEEL_TMP/cc.err"
		return
	fi
	"$AUDIT_TOOL" opcodes --objdump-riscv "$AUDIT_OBJDUMP_RISCV" "$obj" > "$KEEL_TMP/out" 2>&1
	status=$?
	if [ "$status" = "$want" ] && { [ "$want" = 0 ] || grep -q -E ": rule opcodes: .*$pattern" "$KEEL_TMP/out"; }; then
		pass "$label"
	else
		fail "$label" "status $status, wanted $want"
		sed 's/^/#   /' "$KEEL_TMP/out"
	fi
}

rv_audit "csrw satp bytes as read-only data pass" 0 '' -DPLANT_BYTES=0x73,0x10,0x05,0x18
while IFS='|' read -r bytes name; do
	rv_audit "$name in .text fails rule opcodes" 1 "'$name" -DPLANT "-DPLANT_BYTES=$bytes"
done <<'LIST'
0x73,0x10,0x05,0x18|csrw
0xf3,0x25,0x00,0x18|csrr
0x73,0x00,0x20,0x10|sret
0x73,0x00,0x20,0x30|mret
0x73,0x00,0x50,0x10|wfi
0x73,0x00,0x00,0x12|sfence.vma
0x73,0x00,0x00,0x00|ecall
0xf3,0x25,0x10,0xc0|rdtime
LIST
rv_audit "ebreak in .text is tolerated" 0 '' -DPLANT -DPLANT_BYTES=0x73,0x00,0x10,0x00
rv_audit "fflags read in .text is tolerated" 0 '' -DPLANT -DPLANT_BYTES=0x73,0x25,0x10,0x00
finish
