/* signal/frame.c: x86-64 handler frames on the user stack, and rt_sigreturn, which reads
 * them back. Everything read back is the program's to forge: it is checked or masked. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/user_copy.h>
#include <ostd/user_mode.h>
#include <abi/sigframe.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/frame.h>
#include <signal/internal.h>
#include <signal/restart.h>
#include <signal/signal.h>

int sigframe_place(uint64_t sp, const stack_t *alt, uint64_t sa_flags, size_t fpsize,
		   struct sigframe_place *out)
{
	bool nested = altstack_is_on(alt, sp), entering = false;
	uint64_t top = sp - SIGFRAME_RED_ZONE, need;

	if ((sa_flags & SA_ONSTACK) && alt->ss_size && !nested) {
		top = alt->ss_sp + alt->ss_size;
		entering = true;
	}
	/* The image, 64-byte aligned, then the frame, 16-byte aligned minus the 8 bytes a
	 * call would have pushed: room for both plus alignment slack. */
	need = fpsize + 64 + sizeof(struct rt_sigframe) + 16 + 8;
	if ((!entering && sp < SIGFRAME_RED_ZONE) || top < need)
		return -EFAULT;
	out->fpstate = ALIGN_DOWN(top - fpsize, 64);
	out->frame = ALIGN_DOWN(out->fpstate - sizeof(struct rt_sigframe), 16) - 8;
	/* A frame that would run off the alternate stack it is on overwrites whatever lies
	 * below: Linux refuses, and the program gets SIGSEGV. */
	if ((nested || entering) && !altstack_contains(alt, out->frame))
		return -EFAULT;
	return 0;
}

static void sigframe_fill_regs(struct sigcontext *sc, const struct user_context *ctx)
{
	const struct user_regs *r = &ctx->regs;

	sc->r8 = r->r8;   sc->r9 = r->r9;   sc->r10 = r->r10; sc->r11 = r->r11;
	sc->r12 = r->r12; sc->r13 = r->r13; sc->r14 = r->r14; sc->r15 = r->r15;
	sc->rdi = r->rdi; sc->rsi = r->rsi; sc->rbp = r->rbp; sc->rbx = r->rbx;
	sc->rdx = r->rdx; sc->rax = r->rax; sc->rcx = r->rcx; sc->rsp = r->rsp;
	sc->rip = r->rip;
	sc->eflags = r->rflags;
	sc->cs = USER_CS_SELECTOR;
	sc->ss = USER_DS_SELECTOR;
	/* Linux reports the thread's last exception here, whatever the signal. */
	sc->trapno = ctx->fault.vector;
	sc->err = ctx->fault.error_code;
	sc->cr2 = ctx->fault.addr;
}

/* Writes ctx's FP image at fpstate. */
static int sigframe_write_fpstate(struct user_context *ctx, uint64_t fpstate, size_t fpsize)
{
	void *buf;
	ssize_t n;
	int err = -EFAULT;

	if (!fpsize)
		return 0;
	buf = kmalloc(fpsize);
	if (!buf)
		return -ENOMEM;
	n = user_context_get_fpstate(ctx, buf, fpsize);
	if (n > 0 && (size_t)n <= fpsize)
		err = copy_to_user(uaddr_ptr(fpstate), buf, (size_t)n);
	kfree(buf);
	return err;
}

int signal_frame_setup(struct thread *t, int sig, const ksiginfo_t *info,
		       const struct sigaction *ka, kernel_sigset_t oldmask)
{
	struct user_regs *r = &t->ctx.regs;
	size_t fpsize = user_fpstate_size();
	struct sigframe_place at;
	struct rt_sigframe f = { 0 };

	/* x86-64 handlers return through sa_restorer only; without one Linux fails the
	 * frame, and the program gets SIGSEGV. */
	if (!(ka->sa_flags & SA_RESTORER))
		return -EFAULT;
	if (sigframe_place(r->rsp, &t->altstack, ka->sa_flags, fpsize, &at))
		return -EFAULT;
	f.pretcode = ka->sa_restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	/* An engine without FP state to save gives a frame without one, as a CPU without
	 * XSAVE would. */
	if (fpsize)
		f.uc.uc_flags |= UC_FP_XSTATE;
	f.uc.uc_stack = t->altstack;
	if (t->altstack.ss_size == 0)
		f.uc.uc_stack.ss_flags |= SS_DISABLE;
	sigframe_fill_regs(&f.uc.uc_mcontext, &t->ctx);
	f.uc.uc_mcontext.fpstate = fpsize ? at.fpstate : 0;
	f.uc.uc_mcontext.oldmask = oldmask;
	f.uc.uc_sigmask = oldmask;
	f.info = *info;
	if (sigframe_write_fpstate(&t->ctx, at.fpstate, fpsize) ||
	    copy_to_user(uaddr_ptr(at.frame), &f, sizeof(f)))
		return -EFAULT;

	r->rip = ka->sa_handler;
	r->rsp = at.frame;
	r->rdi = (uint64_t)sig;
	r->rsi = at.frame + __builtin_offsetof(struct rt_sigframe, info);
	r->rdx = at.frame + __builtin_offsetof(struct rt_sigframe, uc);
	r->rax = 0;
	r->rflags &= ~(RFLAGS_DF | RFLAGS_RF | RFLAGS_TF);
	user_context_reset_fpstate(&t->ctx);
	if ((uint32_t)t->altstack.ss_flags & SS_AUTODISARM)
		t->altstack = (stack_t){ .ss_flags = SS_DISABLE };
	return 0;
}

static void sigreturn_restore_regs(struct user_regs *r, const struct sigcontext *sc)
{
	r->r8 = sc->r8;   r->r9 = sc->r9;   r->r10 = sc->r10; r->r11 = sc->r11;
	r->r12 = sc->r12; r->r13 = sc->r13; r->r14 = sc->r14; r->r15 = sc->r15;
	r->rdi = sc->rdi; r->rsi = sc->rsi; r->rbp = sc->rbp; r->rbx = sc->rbx;
	r->rdx = sc->rdx; r->rax = sc->rax; r->rcx = sc->rcx; r->rsp = sc->rsp;
	r->rip = sc->rip;
	/* Only the arithmetic and user-controlled flags come back; IF, IOPL and the rest
	 * stay the kernel's. cs and ss are ignored: user mode has one of each. */
	r->rflags = (r->rflags & ~RFLAGS_USER_CHANGEABLE) |
		    (sc->eflags & RFLAGS_USER_CHANGEABLE);
}

/* Reads the FP image a frame points at into a new buffer (*out, fpsize bytes). */
static int sigreturn_read_fpstate(uint64_t fpstate, size_t fpsize, void **out)
{
	void *buf = kmalloc(fpsize);

	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, uaddr_ptr(fpstate), fpsize)) {
		kfree(buf);
		return -EFAULT;
	}
	*out = buf;
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct thread *t = thread_current();
	struct user_regs *r = &t->ctx.regs;
	uint64_t uc_addr = r->rsp - 8 + __builtin_offsetof(struct rt_sigframe, uc);
	size_t fpsize = user_fpstate_size();
	struct ucontext uc;
	void *fp = NULL;
	int err;

	/* Everything is read before anything changes, so a bad frame leaves the thread as
	 * it was, apart from the SIGSEGV it gets. */
	if (copy_from_user(&uc, uaddr_ptr(uc_addr), sizeof(uc)))
		goto out_badframe;
	if (uc.uc_mcontext.fpstate && fpsize &&
	    sigreturn_read_fpstate(uc.uc_mcontext.fpstate, fpsize, &fp))
		goto out_badframe;
	if (fp) {
		err = user_context_set_fpstate(&t->ctx, fp, fpsize);
		kfree(fp);
		/* A state the CPU would refuse: Linux's XRSTOR faults and it sends SIGSEGV. */
		if (err)
			goto out_badframe;
	} else {
		user_context_reset_fpstate(&t->ctx);
	}
	t->sigmask = uc.uc_sigmask & ~SIG_UNBLOCKABLE;
	/* The interrupted sleep's handler ran: it is not resumed (Linux does the same). */
	restart_block_clear();
	/* As Linux, the settings come back unless the handler's stack is the alternate
	 * stack now in force (-EPERM), and a refusal is silent. */
	(void)altstack_change(&t->altstack, &uc.uc_stack, r->rsp);
	sigreturn_restore_regs(r, &uc.uc_mcontext);
	/* The dispatcher stores this into rax: the value the frame restored. */
	return (long)r->rax;

out_badframe:
	signal_force_sigsegv(t, 0);
	return 0;
}
