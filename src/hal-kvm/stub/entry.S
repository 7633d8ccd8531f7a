/* entry.S: the stub's entry point, its one general syscall instruction and the signal
 * restorer. Every syscall the stub makes goes through stub_syscall6, so the filter's
 * "inside stub text" rule covers a handful of known instructions. */

	.section .text.entry, "ax", @progbits

/* The kernel starts us with argc, argv, envp and auxv on a stack far above the stub's
 * range; move to our own stack first, since stub_start() unmaps the original one. */
	.globl _start
	.type _start, @function
_start:
	mov	%rsp, %rdi
	lea	stub_stack_top(%rip), %rsp
	xor	%ebp, %ebp
	call	stub_start
	ud2
	.size _start, . - _start

/* long stub_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6) */
	.globl stub_syscall6
	.type stub_syscall6, @function
stub_syscall6:
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	mov	%rcx, %rdx
	mov	%r8, %r10
	mov	%r9, %r8
	mov	8(%rsp), %r9
	syscall
	ret
	.size stub_syscall6, . - stub_syscall6

/* SA_RESTORER target: the handler returns here, on the alternate stack, right above
 * the rt_sigframe the kernel built. */
	.globl stub_restorer
	.type stub_restorer, @function
stub_restorer:
	mov	$15, %eax
	syscall
	ud2
	.size stub_restorer, . - stub_restorer

	.bss
	.balign 64
stub_stack:
	.skip	65536
stub_stack_top:

	.section .note.GNU-stack, "", @progbits
