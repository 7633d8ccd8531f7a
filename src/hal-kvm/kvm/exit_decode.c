/* exit_decode.c: decoding of KVM exits (see exit_decode.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kvm/exit_decode.h"
#include "kvm/guest_image.h"

/* Exceptions that are the program's own, passed to the services as they are; the others
 * (NMI, #DF, #MC, reserved, virtualisation) never come from user code alone. */
#define USER_VECTORS (1u << 0 | 1u << 1 | 1u << 3 | 1u << 4 | 1u << 5 | 1u << 6 | 1u << 7 | \
		      1u << 10 | 1u << 11 | 1u << 12 | 1u << 13 | 1u << 14 | 1u << 16 | \
		      1u << 17 | 1u << 19 | 1u << 21)
#define IO_OUT 1    /* KVM_EXIT_IO_OUT */

#define OUT_BYTES 2   /* `out %al, $imm8` */

uint64_t kvm_exit_stub_out(unsigned int port)
{
	uint64_t stub = kvm_kva(KVM_AREA_STUB);
	unsigned int v;

	switch (port) {
	case KVM_PORT_SYSCALL:
		return stub + KVM_STUB_SYSCALL_OFF;
	case KVM_PORT_COMPAT:
		return stub + KVM_STUB_COMPAT_OFF;
	case KVM_PORT_CR3:
		return stub + KVM_STUB_CR3_OFF + 3;     /* after `mov %rdi, %cr3` */
	}
	if (port < KVM_PORT_EXC_BASE || port >= KVM_PORT_EXC_BASE + KVM_STUB_VECTORS)
		return 0;
	v = port - KVM_PORT_EXC_BASE;
	/* after `pushq $0` (2 bytes) where the CPU pushes no error code */
	return stub + v * KVM_STUB_SLOT + (KVM_VEC_HAS_ERROR(v) ? 0 : 2);
}

static void decode_take_regs(struct user_context *ctx, const struct kvm_sync_regs *s)
{
	const struct kvm_regs *k = &s->regs;

	ctx->regs = (struct user_regs){
		.r15 = k->r15, .r14 = k->r14, .r13 = k->r13, .r12 = k->r12,
		.rbp = k->rbp, .rbx = k->rbx, .r11 = k->r11, .r10 = k->r10,
		.r9 = k->r9, .r8 = k->r8, .rax = k->rax, .rcx = k->rcx,
		.rdx = k->rdx, .rsi = k->rsi, .rdi = k->rdi,
		.rip = k->rip, .rflags = k->rflags, .rsp = k->rsp,
		.fs_base = s->sregs.fs.base,
	};
}

static uint64_t frame_word(const void *frame, unsigned int i)
{
	uint64_t v;

	memcpy(&v, (const uint8_t *)frame + i * 8, 8);
	return v;
}

/* An exception taken at CPL3: its frame is at the top of the ring-0 stack, and the stub
 * pushed nothing more. From CPL0 (the stub itself faulted) it is not the program's. */
static enum kvm_exit_kind decode_exception(const struct kvm_run *run, unsigned int v,
					   const void *frame, struct user_context *ctx,
					   char *why, size_t why_len)
{
	const struct kvm_sync_regs *s = &run->s.regs;
	uint64_t err = frame_word(frame, 0), rip = frame_word(frame, 1);
	uint64_t cs = frame_word(frame, 2), rflags = frame_word(frame, 3);
	uint64_t rsp = frame_word(frame, 4), ss = frame_word(frame, 5);

	if ((cs & 0xffff) == KVM_SEL_USER32_CS) {
		snprintf(why, why_len, "exception %u in compat-mode code (not supported)", v);
		return KVM_EXIT_KIND_LOST;
	}
	if (s->regs.rsp != kvm_kva(KVM_AREA_STACK_TOP) - KVM_FRAME_BYTES ||
	    (cs & 0xffff) != KVM_SEL_USER_CS || (ss & 0xffff) != KVM_SEL_USER_DS) {
		snprintf(why, why_len, "exception %u inside the engine's ring-0 code", v);
		return KVM_EXIT_KIND_LOST;
	}
	if (!(USER_VECTORS & (1u << v))) {
		snprintf(why, why_len, "exception %u from user mode (not a program fault)", v);
		return KVM_EXIT_KIND_LOST;
	}
	decode_take_regs(ctx, s);
	ctx->regs.rip = rip;
	ctx->regs.rsp = rsp;
	ctx->regs.rflags = rflags;
	ctx->fault = (struct user_fault){
		.vector = v, .error_code = KVM_VEC_HAS_ERROR(v) ? err : 0,
		.addr = v == TRAP_PF ? s->sregs.cr2 : 0,
	};
	return KVM_EXIT_KIND_EXCEPTION;
}

static enum kvm_exit_kind decode_io(const struct kvm_run *run, const void *frame,
				    struct user_context *ctx, char *why, size_t why_len)
{
	const struct kvm_sync_regs *s = &run->s.regs;
	unsigned int port = run->io.port;
	uint64_t out = kvm_exit_stub_out(port);

	if (run->io.direction != IO_OUT || run->io.size != 1 || run->io.count != 1 || !out ||
	    (s->regs.rip != out && s->regs.rip != out + OUT_BYTES) ||
	    s->sregs.cs.selector != KVM_SEL_KERNEL_CS) {
		snprintf(why, why_len, "I/O exit not from the engine's stub (port 0x%x, rip 0x%llx)",
			 port, (unsigned long long)s->regs.rip);
		return KVM_EXIT_KIND_LOST;
	}
	switch (port) {
	case KVM_PORT_SYSCALL:
		/* The CPU left the user rip in rcx and rflags in r11, as Linux shows them. */
		decode_take_regs(ctx, s);
		ctx->regs.rip = s->regs.rcx;
		ctx->regs.rflags = s->regs.r11;
		return KVM_EXIT_KIND_SYSCALL;
	case KVM_PORT_COMPAT:
		/* No IA32 emulation: what a CPU without compat syscall gives, #UD. */
		decode_take_regs(ctx, s);
		ctx->regs.rip = s->regs.rcx;
		ctx->regs.rflags = s->regs.r11;
		ctx->fault = (struct user_fault){ .vector = TRAP_UD };
		return KVM_EXIT_KIND_EXCEPTION;
	case KVM_PORT_CR3:
		return KVM_EXIT_KIND_CR3;
	default:
		return decode_exception(run, port - KVM_PORT_EXC_BASE, frame, ctx, why, why_len);
	}
}

/* The kick can stop the guest anywhere: before it ran at all, in user code, or in the stub
 * between an exception's delivery and its `out` (the host took an exit meanwhile). */
static enum kvm_exit_kind decode_interrupted(const struct kvm_run *run,
					     struct user_context *ctx, char *why,
					     size_t why_len)
{
	const struct kvm_sync_regs *s = &run->s.regs;

	/* KVM applies the dirty registers first; left dirty, nothing ran. */
	if (run->kvm_dirty_regs & (KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS))
		return KVM_EXIT_KIND_INTERRUPTED;
	if (s->sregs.cs.selector == KVM_SEL_USER_CS) {
		decode_take_regs(ctx, s);
		return KVM_EXIT_KIND_INTERRUPTED;
	}
	if (s->sregs.cs.selector == KVM_SEL_KERNEL_CS)
		return KVM_EXIT_KIND_RESUME;
	snprintf(why, why_len, "interrupted with an unknown code segment 0x%x",
		 s->sregs.cs.selector);
	return KVM_EXIT_KIND_LOST;
}

enum kvm_exit_kind kvm_exit_decode(const struct kvm_run *run, int run_err,
				   const void *frame, struct user_context *ctx,
				   char *why, size_t why_len)
{
	if (run_err == -EINTR || (run_err == 0 && run->exit_reason == KVM_EXIT_INTR))
		return decode_interrupted(run, ctx, why, why_len);
	if (run_err) {
		snprintf(why, why_len, "KVM_RUN failed: %s", strerror(-run_err));
		return KVM_EXIT_KIND_LOST;
	}
	switch (run->exit_reason) {
	case KVM_EXIT_IO:
		return decode_io(run, frame, ctx, why, why_len);
	case KVM_EXIT_SHUTDOWN:
		snprintf(why, why_len, "guest shutdown (triple fault) at rip 0x%llx",
			 (unsigned long long)run->s.regs.regs.rip);
		return KVM_EXIT_KIND_LOST;
	case KVM_EXIT_INTERNAL_ERROR:
		snprintf(why, why_len, "KVM internal error, suberror %u", run->internal.suberror);
		return KVM_EXIT_KIND_LOST;
	case KVM_EXIT_FAIL_ENTRY:
		snprintf(why, why_len, "VM entry failed, hardware reason 0x%llx",
			 (unsigned long long)run->fail_entry.hardware_entry_failure_reason);
		return KVM_EXIT_KIND_LOST;
	case KVM_EXIT_HLT:
		snprintf(why, why_len, "the engine's stub was resumed past its exit (hlt)");
		return KVM_EXIT_KIND_LOST;
	case KVM_EXIT_MMIO:
		snprintf(why, why_len, "guest access outside its memory (gpa 0x%llx)",
			 (unsigned long long)run->mmio.phys_addr);
		return KVM_EXIT_KIND_LOST;
	default:
		snprintf(why, why_len, "unexpected KVM exit %u", run->exit_reason);
		return KVM_EXIT_KIND_LOST;
	}
}
