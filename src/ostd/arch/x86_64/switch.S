/* switch.S: x86-64 kernel context switch. Only the System V callee-saved registers and
 * the stack pointer need saving: the switch is an ordinary function call for the compiler. */
	.text

/* void arch_context_switch(void **save_sp, void *next_sp) */
	.globl	arch_context_switch
	.type	arch_context_switch, @function
arch_context_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	arch_context_switch, . - arch_context_switch

/* The first "return" of a fresh context lands here, with entry in r13 and its argument in
 * r12 (see arch_context_init); rbp is 0 so backtraces end here. */
	.globl	arch_context_entry
	.type	arch_context_entry, @function
arch_context_entry:
	movq	%r12, %rdi
	callq	*%r13
	ud2
	.size	arch_context_entry, . - arch_context_entry

	.section .note.GNU-stack, "", @progbits
