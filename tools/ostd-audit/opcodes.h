/* opcodes.h: the instruction rule: no privileged, I/O or system opcodes in executable
 * sections of services objects. */
#ifndef OSTD_AUDIT_OPCODES_H
#define OSTD_AUDIT_OPCODES_H

struct opcodes_tools {
	const char *objdump_x86;     /* a disassembler for x86-64 objects */
	const char *objdump_riscv;   /* for RISC-V objects; NULL when none is installed */
};

/* Disassembles every executable section of path's objects and reports each banned
 * instruction. Returns 0 or a negative errno (-ENOEXEC: no disassembler for the arch). */
int opcodes_check(const char *path, const struct opcodes_tools *tools);

#endif
