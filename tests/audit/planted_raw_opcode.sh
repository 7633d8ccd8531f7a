#!/bin/sh
# planted_raw_opcode.sh: instruction bytes placed in an executable section fail rule
# opcodes, for each banned family; the same bytes as read-only data pass, and so do the
# tolerated int3 and ud2.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/raw_opcode.c

expect_pass "wrmsr bytes as read-only data pass" "$src"
expect_rule "wrmsr bytes in .text fail rule opcodes" opcodes "'wrmsr' is a privileged" "$src" -DPLANT

# bytes|the instruction|what the rule's line must match (grep -E)
while IFS='|' read -r bytes name pattern; do
	expect_rule "$name in .text fails rule opcodes" opcodes "$pattern" "$src" -DPLANT \
		"-DPLANT_BYTES=$bytes"
done <<'LIST'
0x0f,0x32|rdmsr|'rdmsr[ ']
0x0f,0x22,0xd8|mov    %rax,%cr3|'mov    %rax,%cr3'
0x0f,0x20,0xc0|mov    %cr0,%rax|'mov    %cr0,%rax'
0x0f,0x23,0xf8|mov    %rax,%db7|'mov    %rax,%db7'
0xe6,0x80|out    %al,$0x80|'out    %al,\$0x80'
0xec|in     (%dx),%al|'in     \(%dx\),%al'
0x6e|outsb|'outsb[ ']
0xfa|cli|'cli[ ']
0xfb|sti|'sti[ ']
0xf4|hlt|'hlt[ ']
0x0f,0x05|syscall|'syscall[ ']
0x0f,0x34|sysenter|'sysenter[ ']
0xcd,0x80|int    $0x80|'int[ ']
0xf1|int1|'int1[ ']
0x0f,0x01,0x10|lgdt|'lgdt[ ']
0x0f,0x01,0x18|lidt|'lidt[ ']
0x0f,0x00,0xd8|ltr|'ltr[ ']
0x0f,0x01,0x38|invlpg|'invlpg[ ']
0x66,0x0f,0x38,0x82,0x00|invpcid|'invpcid[ ']
0x48,0xcf|iretq|'iretq[ ']
0x48,0x0f,0x07|sysretq|'sysretq[ ']
0x0f,0x01,0xf8|swapgs|'swapgs[ ']
0x0f,0x01,0xd1|xsetbv|'xsetbv[ ']
0x0f,0x06|clts|'clts[ ']
0x0f,0x09|wbinvd|'wbinvd[ ']
0x0f,0x08|invd|'invd[ ']
0x0f,0x01,0xc1|vmcall|'vmcall[ ']
0x0f,0x01,0xc2|vmlaunch|'vmlaunch[ ']
0xf3,0x48,0x0f,0xae,0xd0|wrfsbase|'wrfsbase[ ']
0xf3,0x48,0x0f,0xae,0xd8|wrgsbase|'wrgsbase[ ']
0x8e,0xe0|mov    %eax,%fs|'mov    %eax,%fs'
LIST

expect_pass "int3 in .text is tolerated" "$src" -DPLANT -DPLANT_BYTES=0xcc
expect_pass "ud2 in .text is tolerated" "$src" -DPLANT -DPLANT_BYTES=0x0f,0x0b
finish
