/* sys_program.h: a syscall fuzz input decoded into a program: a list of syscalls, each a
 * number and typed argument recipes that become values only when the call runs (fds and
 * results of earlier calls, paths and buffers placed in the caller's user memory).
 *
 * Input format (little endian; reads past the end give zero):
 *   op    := sel:u16 arg*            one per argument the syscall takes
 *   sel   := 1nnnnnnn nnnnnnnn       raw syscall number sel & 0x1ff (any, even unknown;
 *                                    six arguments when the table does not know it)
 *          | 0iiiiiii iiiiiiii       the (i % N)-th syscall of the table (N entries)
 *   arg   := how:u8 ...              how & 3 picks the recipe:
 *     0 typed:   sel:u8 aux:u8 [len:u8 bytes[len % 65]]   the part in brackets only for
 *                pointer kinds (paths, buffers, unknown signatures); sel and aux mean what
 *                the argument's strace kind says (sys_args.c)
 *     1 small:   v:u8                 (int8_t)v, sign-extended
 *     2 result:  -                    the (how >> 2)-th latest result of this thread
 *     3 raw:     v:u64
 * Arguments' kinds come from the strace signatures (strace_signature_of); a syscall
 * without one takes six arguments of the "any" kind. Numbers come from
 * src/services/syscall/table_x86_64.h, so new table entries are fuzzed without edits. */
#ifndef TESTS_FUZZ_SYS_PROGRAM_H
#define TESTS_FUZZ_SYS_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#define SYS_PROG_OPS_MAX  64
#define SYS_ARG_BYTES_MAX 64
#define SYS_SEL_RAW       0x8000u
#define SYS_KIND_ANY      0xff   /* an argument of a syscall without a signature */

enum sys_arg_how { SYS_ARG_TYPED, SYS_ARG_SMALL, SYS_ARG_RESULT, SYS_ARG_RAW };

struct sys_arg {
	uint8_t how, sel, aux, len;
	uint64_t value;                        /* small and raw */
	uint8_t bytes[SYS_ARG_BYTES_MAX];      /* typed pointer kinds: the pointee */
};

struct sys_op {
	uint16_t nr;
	uint8_t nargs;
	uint8_t kinds[6];                      /* enum strace_kind, or SYS_KIND_ANY */
	struct sys_arg args[6];
};

struct sys_program {
	unsigned int nops;
	struct sys_op ops[SYS_PROG_OPS_MAX];
};

/* Decodes data[0..size) into prog (at most SYS_PROG_OPS_MAX ops). */
void sys_program_decode(const uint8_t *data, size_t size, struct sys_program *prog);

/* The syscalls of the table, in table order: count, and the i-th's number and arity. */
unsigned int sys_table_count(void);
unsigned int sys_table_nr(unsigned int i);
unsigned int sys_table_nargs(unsigned int i);
/* The index of syscall nr in the table, or -1. */
int sys_table_find(unsigned int nr);
/* Whether a typed argument of kind k carries len and bytes. */
int sys_kind_has_bytes(unsigned int k);

#endif
