/* guest_stub.S: the KVM engine's ring-0 guest code, kept as bytes in the host's read-only
 * data and copied into the engine area (KVM_AREA_STUB). Position-independent: it runs at
 * KVM_KERNEL_BASE + KVM_AREA_STUB. Every entry tells the host why with one `out` and never
 * goes on: the host emulates the return to user (sysretq triple-faults under kvm-pvm).
 * The `hlt` loop after each `out` is a guard: resumed by mistake, the vCPU halts, and the
 * host ends the program. */
#include "kvm/guest_layout.h"

	.section .rodata.kvm_guest_stub, "a"
	.balign 16
	.globl kvm_guest_stub_start
	.globl kvm_guest_stub_end
kvm_guest_stub_start:

/* Exception vector n: a 0 where the CPU pushes no error code, so every frame has the same
 * shape; the vector is in the port number. */
.macro STUB_VECTOR n
	.balign KVM_STUB_SLOT, 0xcc
	.if !KVM_VEC_HAS_ERROR(\n)
	pushq $0
	.endif
	outb %al, $(KVM_PORT_EXC_BASE + \n)
1:	hlt
	jmp 1b
.endm

	.irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	STUB_VECTOR \n
	.endr
	.irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	STUB_VECTOR \n
	.endr

/* LSTAR: rcx = user rip, r11 = user rflags, rsp is still the user's. */
	.balign KVM_STUB_SLOT, 0xcc
	.org kvm_guest_stub_start + KVM_STUB_SYSCALL_OFF
	outb %al, $KVM_PORT_SYSCALL
1:	hlt
	jmp 1b

/* CSTAR: syscall from compat mode, which Linux x86-64 without IA32 emulation refuses. */
	.balign KVM_STUB_SLOT, 0xcc
	.org kvm_guest_stub_start + KVM_STUB_COMPAT_OFF
	outb %al, $KVM_PORT_COMPAT
1:	hlt
	jmp 1b

/* Entered by the host at CPL0 with the new root in rdi: a real CR3 write, which flushes
 * every non-global translation whatever the host's MMU does for KVM_SET_SREGS. */
	.balign KVM_STUB_SLOT, 0xcc
	.org kvm_guest_stub_start + KVM_STUB_CR3_OFF
	movq %rdi, %cr3
	outb %al, $KVM_PORT_CR3
1:	hlt
	jmp 1b

	.balign KVM_STUB_SLOT, 0xcc
	.org kvm_guest_stub_start + KVM_STUB_BYTES
kvm_guest_stub_end:

	.section .note.GNU-stack, "", @progbits
