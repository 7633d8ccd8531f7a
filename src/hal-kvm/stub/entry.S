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

/* long stub_clone_thread(unsigned long flags, void *stack, uint32_t *ctid, uint64_t index)
 * The filter allows clone only from this syscall, and only with STUB_CLONE_FLAGS. The
 * child, on the new stack, goes to stub_thread_start(index) (r9 survives the syscall). */
	.globl stub_clone_thread
	.type stub_clone_thread, @function
stub_clone_thread:
	mov	%rcx, %r9
	mov	%rdx, %r10
	xor	%edx, %edx
	xor	%r8d, %r8d
	mov	$56, %eax
	syscall
	.globl stub_clone_syscall_end
stub_clone_syscall_end:
	test	%rax, %rax
	jnz	1f
	mov	%r9, %rdi
	and	$-16, %rsp
	call	stub_thread_start
	ud2
1:	ret
	.size stub_clone_thread, . - stub_clone_thread

/* void stub_sigreturn_to(struct stub_ucontext *uc): rt_sigreturn with the frame at uc. */
	.globl stub_sigreturn_to
	.type stub_sigreturn_to, @function
stub_sigreturn_to:
	mov	%rdi, %rsp
	mov	$15, %eax
	syscall
	ud2
	.size stub_sigreturn_to, . - stub_sigreturn_to

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
