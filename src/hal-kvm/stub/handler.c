/* handler.c: the stub's signal handler, where every guest syscall, fault and kick lands:
 * report to the VMM through the control page, wait for its command, apply the queued
 * address-space operations, load the guest's registers and return into the guest.
 * Compiled with -mgeneral-regs-only: the guest's FP/SIMD state sits in the signal frame
 * and must come back untouched. */
#include <asm/unistd.h>
#include <linux/futex.h>

#include "stub.h"

#define ARCH_SET_FS 0x1002

uint8_t stub_altstacks[STUB_MAX_THREADS][STUB_ALTSTACK_BYTES] __attribute__((aligned(64)));

/* Per stub thread: whether READY was sent, and the FS base we last set. */
uint8_t stub_announced[STUB_MAX_THREADS];
uint64_t stub_fs_base[STUB_MAX_THREADS];
/* Operations that failed while entering the guest, told with the next report. */
uint32_t stub_op_errors[STUB_MAX_THREADS];

/* Which stub thread runs this handler: the alternate stack it is on tells, without %fs. */
static unsigned int stub_thread_index(void)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	uintptr_t base = (uintptr_t)stub_altstacks;
	uintptr_t i = (sp - base) / STUB_ALTSTACK_BYTES;

	if (sp < base || i >= STUB_MAX_THREADS)
		stub_exit(130);
	return (unsigned int)i;
}

static long stub_futex(uint32_t *word, int op, uint32_t val)
{
	return stub_syscall6(__NR_futex, (long)word, op, val, 0, 0, 0);
}

static void stub_save_regs(struct stub_regs *r, const struct stub_sigcontext *sc, uint64_t fs)
{
	r->r15 = sc->r15; r->r14 = sc->r14; r->r13 = sc->r13; r->r12 = sc->r12;
	r->rbp = sc->rbp; r->rbx = sc->rbx; r->r11 = sc->r11; r->r10 = sc->r10;
	r->r9 = sc->r9; r->r8 = sc->r8; r->rax = sc->rax; r->rcx = sc->rcx;
	r->rdx = sc->rdx; r->rsi = sc->rsi; r->rdi = sc->rdi;
	r->rip = sc->rip; r->rflags = sc->eflags; r->rsp = sc->rsp;
	r->fs_base = fs;
}

static void stub_load_regs(struct stub_sigcontext *sc, const struct stub_regs *r)
{
	sc->r15 = r->r15; sc->r14 = r->r14; sc->r13 = r->r13; sc->r12 = r->r12;
	sc->rbp = r->rbp; sc->rbx = r->rbx; sc->r11 = r->r11; sc->r10 = r->r10;
	sc->r9 = r->r9; sc->r8 = r->r8; sc->rax = r->rax; sc->rcx = r->rcx;
	sc->rdx = r->rdx; sc->rsi = r->rsi; sc->rdi = r->rdi;
	sc->rip = r->rip; sc->eflags = r->rflags; sc->rsp = r->rsp;
}

/* Hands the report over: TRAPPED, and a wake only when the VMM said it sleeps.
 * Both sides store their flag, then read the other's (seq_cst), so no wake is lost. */
static void stub_publish(struct stub_ctl *ctl)
{
	__atomic_store_n(&ctl->state, STUB_ST_TRAPPED, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&ctl->vmm_waiting, __ATOMIC_SEQ_CST))
		stub_futex(&ctl->state, FUTEX_WAKE, 1);
}

static int stub_is_command(uint32_t s)
{
	return s == STUB_ST_RUN || s == STUB_ST_SYNC;
}

/* Spins a bounded time (the VMM usually answers within microseconds), then sleeps. The
 * budget is read on every turn: the VMM zeroes it to send a thread it will not resume
 * soon to sleep at once, so its spin does not hold a CPU another stub needs. */
static uint32_t stub_wait_command(struct stub_ctl *ctl)
{
	uint32_t i, s;

	for (i = 0; i < __atomic_load_n(&ctl->spin_iters, __ATOMIC_RELAXED); i++) {
		s = __atomic_load_n(&ctl->state, __ATOMIC_ACQUIRE);
		if (stub_is_command(s))
			return s;
		__asm__ volatile("pause");
	}
	for (;;) {
		__atomic_store_n(&ctl->stub_waiting, 1, __ATOMIC_SEQ_CST);
		s = __atomic_load_n(&ctl->state, __ATOMIC_SEQ_CST);
		if (stub_is_command(s))
			break;
		stub_futex(&ctl->state, FUTEX_WAIT, s);
	}
	__atomic_store_n(&ctl->stub_waiting, 0, __ATOMIC_RELAXED);
	return s;
}

/* Applies the queued operations; each is also checked by the filter, so a bad one
 * kills this stub (SIGSYS is blocked here), never anything else. */
static uint32_t stub_apply_ops(struct stub_ctl *ctl, unsigned int t, struct stub_ucontext *uc)
{
	uint32_t n = ctl->nops, i, errors = 0;
	long r;

	if (n > STUB_MAX_OPS)
		n = STUB_MAX_OPS;
	for (i = 0; i < n; i++) {
		const struct stub_op *op = &ctl->ops[i];

		switch (op->kind) {
		case STUB_OP_CLONE_THREAD:
			r = stub_thread_clone(op->addr);
			break;
		case STUB_OP_EXIT_THREAD:
			stub_thread_exit(t);
			break;
		case STUB_OP_SAVE_FP:
			r = stub_fp_save(ctl, t, uc);
			break;
		case STUB_OP_LOAD_FP:
			r = stub_fp_load(ctl, t, uc, op->len);
			break;
		case STUB_OP_MMAP:
			r = stub_syscall6(__NR_mmap, (long)op->addr, (long)op->len, op->prot,
					  0x11 /* MAP_SHARED|MAP_FIXED */, STUB_FD_MEMFD,
					  (long)op->offset);
			break;
		case STUB_OP_MUNMAP:
			r = stub_syscall6(__NR_munmap, (long)op->addr, (long)op->len, 0, 0, 0, 0);
			break;
		case STUB_OP_MPROTECT:
			r = stub_syscall6(__NR_mprotect, (long)op->addr, (long)op->len, op->prot,
					  0, 0, 0);
			break;
		default:
			r = -22;
		}
		if (r < 0 && r > -4096)
			errors++;
	}
	ctl->nops = 0;
	return errors;
}

static void stub_report(struct stub_ctl *ctl, unsigned int t, int sig,
			const struct stub_siginfo *si, const struct stub_ucontext *uc)
{
	struct stub_report *out = &ctl->out;

	out->event = stub_announced[t] ? STUB_EV_SIGNAL : STUB_EV_READY;
	stub_announced[t] = 1;
	out->signo = sig;
	out->code = si->si_code;
	out->syscall_nr = sig == 31 ? si->u.sys.syscall_nr : -1;
	out->arch = sig == 31 ? si->u.sys.arch : 0;
	out->fault_addr = si->u.addr;
	out->trapno = uc->uc_mcontext.trapno;
	out->err = uc->uc_mcontext.err;
	out->cr2 = uc->uc_mcontext.cr2;
	out->op_errors = stub_op_errors[t];
	out->fp_bytes = stub_fp_frame_bytes(t, uc);
	out->fp_saved = 0;
	if (sig == 31 && STUB_SYSCALL_SAVES_FP(out->syscall_nr))
		out->fp_saved = stub_fp_save(ctl, t, uc) == 0;
	stub_op_errors[t] = 0;
	stub_save_regs(&out->regs, &uc->uc_mcontext, stub_fs_base[t]);
}

/* The FS base is not in the signal frame: set it only when the VMM changed it, or asked
 * (a recycled stub: the guest before may have changed it behind the stub's back). */
static void stub_load_fs(struct stub_ctl *ctl, unsigned int t, uint64_t fs)
{
	if (__atomic_exchange_n(&ctl->reload_fs, 0, __ATOMIC_RELAXED))
		stub_fs_base[t] = ~fs;
	if (fs == stub_fs_base[t])
		return;
	if (stub_syscall6(__NR_arch_prctl, ARCH_SET_FS, (long)fs, 0, 0, 0, 0) == 0)
		stub_fs_base[t] = fs;
}

void stub_handle_signal(int sig, struct stub_siginfo *si, struct stub_ucontext *uc)
{
	unsigned int t = stub_thread_index();
	struct stub_ctl *ctl = stub_ctl_of(t);
	uint32_t cmd, errors;

	stub_report(ctl, t, sig, si, uc);
	stub_publish(ctl);
	for (;;) {
		cmd = stub_wait_command(ctl);
		errors = stub_apply_ops(ctl, t, uc);
		if (cmd == STUB_ST_RUN) {
			stub_op_errors[t] += errors;
			break;
		}
		ctl->out.event = STUB_EV_SYNCED;
		ctl->out.op_errors = errors;
		stub_publish(ctl);
	}
	stub_load_regs(&uc->uc_mcontext, &ctl->in);
	stub_load_fs(ctl, t, ctl->in.fs_base);
	__atomic_store_n(&ctl->state, STUB_ST_RUNNING, __ATOMIC_RELEASE);
}
