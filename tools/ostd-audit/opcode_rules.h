/* opcode_rules.h: which instructions a de-privileged service may not contain. */
#ifndef OSTD_AUDIT_OPCODE_RULES_H
#define OSTD_AUDIT_OPCODE_RULES_H

enum audit_arch {
	AUDIT_ARCH_X86_64,
	AUDIT_ARCH_RISCV64,
};

/* insn is one disassembled instruction as objdump prints it (AT&T syntax on x86), e.g.
 * "rep stos %rax,%es:(%rdi)" or "csrw satp,a0". Returns why it is banned, or NULL. */
const char *opcode_rules_check(enum audit_arch arch, const char *insn);

#endif
