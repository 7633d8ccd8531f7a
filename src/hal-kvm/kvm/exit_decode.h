/* exit_decode.h: turns one KVM_RUN's result (struct kvm_run, read back after the exit,
 * and the exception frame the CPU wrote on the ring-0 stack) into what happened to the
 * user context. Pure: no ioctl, no global state; the unit tests feed it synthetic exits.
 * The guest chose every register and could have aimed at any path: each exit is checked
 * against what the stub can produce, and anything else ends the program. */
#ifndef HAL_KVM_KVM_EXIT_DECODE_H
#define HAL_KVM_KVM_EXIT_DECODE_H

#include <linux/kvm.h>
#include <stddef.h>

#include <ostd/user_mode.h>

enum kvm_exit_kind {
	KVM_EXIT_KIND_SYSCALL,      /* ctx->regs hold the syscall, rip after it */
	KVM_EXIT_KIND_EXCEPTION,    /* ctx->regs at the faulting insn, ctx->fault filled */
	KVM_EXIT_KIND_CR3,          /* the CR3 stub ran: enter user mode now */
	KVM_EXIT_KIND_INTERRUPTED,  /* the kick (EINTR): ctx at the point the guest reached */
	KVM_EXIT_KIND_RESUME,       /* the kick caught the stub between entry and its exit:
	                               KVM_RUN again without writing any register */
	KVM_EXIT_KIND_LOST,         /* the guest cannot go on: why[] says what happened */
};

/* run_err: 0 when KVM_RUN returned 0, else the negative errno it failed with. frame: the
 * host view of the KVM_FRAME_BYTES below the ring-0 stack top. On SYSCALL, EXCEPTION and
 * an INTERRUPTED at CPL3, ctx->regs (FS base included) are the program's at the exit; an
 * INTERRUPTED before the guest ran (KVM left the dirty registers unapplied) and the other
 * kinds leave ctx alone. */
enum kvm_exit_kind kvm_exit_decode(const struct kvm_run *run, int run_err,
				   const void *frame, struct user_context *ctx,
				   char *why, size_t why_len);

/* The guest address of the `out` of the stub entry that writes port, or 0 for a port the
 * stub never writes. An I/O exit reports rip there (KVM skips it at the next KVM_RUN when
 * rip is unchanged), or just past it (older kernels). */
uint64_t kvm_exit_stub_out(unsigned int port);

#endif
