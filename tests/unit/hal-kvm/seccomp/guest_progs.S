/* guest_progs.S: tiny x86-64 guest programs for the seccomp engine's tests. The tests copy
 * the bytes between gp_NAME and gp_NAME_end into guest RAM; the host never runs them.
 * Each is position independent; absolute addresses come in registers set by the test. */
	.section .rodata.guest_progs, "a"

#define PROG(name) .globl gp_##name; gp_##name:
#define END(name)  .globl gp_##name##_end; gp_##name##_end:

/* getpid, keep its result in rbx, then exit. */
PROG(getpid_exit)
	mov	$39, %eax
	syscall
	mov	%rax, %rbx
	mov	$60, %eax
	syscall
	ud2
END(getpid_exit)

/* Traps forever with whatever registers the kernel side set. */
PROG(syscall_loop)
1:	syscall
	jmp	1b
END(syscall_loop)

/* getpid forever: the null-syscall round trip. */
PROG(getpid_loop)
1:	mov	$39, %eax
	syscall
	jmp	1b
END(getpid_loop)

/* xmm0 = rdi; a syscall; then store xmm0 at (rsi). */
PROG(xmm_keep)
	movq	%rdi, %xmm0
	mov	$39, %eax
	syscall
	movq	%xmm0, (%rsi)
	mov	$60, %eax
	syscall
	ud2
END(xmm_keep)

/* rbx = the word at FS base. */
PROG(fs_load)
	mov	%fs:0, %rbx
	mov	$39, %eax
	syscall
	ud2
END(fs_load)

/* rbx = (rdi), then a syscall, forever. */
PROG(load_loop)
1:	mov	(%rdi), %rbx
	mov	$39, %eax
	syscall
	jmp	1b
END(load_loop)

/* (rdi) = rbx, then a syscall. */
PROG(store)
	mov	%rbx, (%rdi)
	mov	$39, %eax
	syscall
	ud2
END(store)

/* (rdi) = rbx, then jump to rsi. */
PROG(store_jump)
	mov	%rbx, (%rdi)
	jmp	*%rsi
END(store_jump)

PROG(ud2)
	ud2
END(ud2)

/* Counts in rbx forever. */
PROG(spin)
1:	inc	%rbx
	jmp	1b
END(spin)

/* Finds a syscall instruction from r13 on (the stub's text) and jumps to it with rax = r12
 * and the other registers as the kernel side set them. Touches the stack first, so the
 * stub has it mapped when the kernel reads a sigreturn frame there. */
PROG(stub_syscall)
	mov	(%rsp), %rax
1:	cmpw	$0x050f, (%r13)
	je	2f
	inc	%r13
	jmp	1b
2:	mov	%r12, %rax
	jmp	*%r13
END(stub_syscall)

/* Fills 512 quadwords at rdi with rax, then a syscall. */
PROG(scribble)
	mov	$512, %ecx
	rep stosq
	mov	$39, %eax
	syscall
	ud2
END(scribble)

/* Fills 512 quadwords at rdi with rax, then spins. */
PROG(scribble_spin)
	mov	$512, %ecx
	rep stosq
1:	jmp	1b
END(scribble_spin)

/* rbx = the word at FS base, then a syscall, forever. */
PROG(fs_load_loop)
1:	mov	%fs:0, %rbx
	mov	$39, %eax
	syscall
	jmp	1b
END(fs_load_loop)

/* (rsi) = xmm0's low quadword, then a syscall. */
PROG(xmm_store)
	movq	%xmm0, (%rsi)
	mov	$39, %eax
	syscall
	ud2
END(xmm_store)

/* MXCSR = (rsi); a syscall; 4(rsi) = MXCSR; a syscall. */
PROG(mxcsr_keep)
	ldmxcsr	(%rsi)
	mov	$39, %eax
	syscall
	stmxcsr	4(%rsi)
	mov	$39, %eax
	syscall
	ud2
END(mxcsr_keep)

/* Finds "mov $56, %eax; syscall" from r13 on (the stub's clone) and runs its syscall
 * with flags r12, stack r14, ctid r15, index rbx; the stub's ret then takes the guest to
 * the address at the top of its stack. Touches the stack first, so it is mapped. */
PROG(stub_clone)
	mov	(%rsp), %rax
1:	cmpl	$0x38b8, (%r13)
	jne	2f
	cmpl	$0x050f0000, 3(%r13)
	je	3f
2:	inc	%r13
	jmp	1b
3:	add	$5, %r13
	mov	%r12, %rdi
	mov	%r14, %rsi
	xor	%edx, %edx
	mov	%r15, %r10
	xor	%r8d, %r8d
	mov	%rbx, %r9
	mov	$56, %eax
	jmp	*%r13
END(stub_clone)

	.section .note.GNU-stack, "", @progbits
