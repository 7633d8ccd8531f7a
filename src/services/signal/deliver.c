/* signal/deliver.c: on the way back to user mode, pending signals become handler frames
 * or default actions, and interrupted syscalls restart or fail with EINTR. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <abi/resource.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/frame.h>
#include <signal/internal.h>
#include <signal/policy.h>
#include <signal/signal.h>

/* A frame that fails turns into a SIGSEGV, whose own frame may fail and turn into the
 * default action; past three failures the process dies of SIGSEGV outright. */
#define SIGNAL_FRAME_FAILURES_MAX 3
/* Like Linux, every deliverable signal gets its frame before the return to user mode
 * (each on top of the last, so the newest handler runs first). Each frame blocks its
 * signal unless SA_NODEFER, so queue depth bounds the count; this is a backstop. */
#define SIGNAL_FRAMES_MAX (2 * SIGQUEUE_RT_DEPTH + KERNEL_NSIG)

/* The wait status of a death by sig. Keel writes no core file; like Linux, it reports a
 * dump (0x80) only where one would be written: RLIMIT_CORE above 0. */
static int signal_exit_status(const struct process *p, int sig)
{
	int status = signal_death_status(sig);

	if (p->rlimits[RLIMIT_CORE].rlim_cur == 0)
		status &= ~0x80;
	return status;
}

/* Takes pending signals until one has a handler to run (its number, *info and the action
 * as it was, *ka), applying default actions on the way. 0 when none is left, or when the
 * thread stopped or is leaving. */
static int signal_get(struct thread *t, ksiginfo_t *info, struct sigaction *ka)
{
	struct process *p = t->proc;
	struct sigaction *act;
	int sig;

	while (!t->exiting && !p->group_exiting) {
		sig = signal_dequeue(t, ~t->sigmask, info);
		if (!sig)
			return 0;
		act = &p->sigactions[sig - 1];
		if (act->sa_handler == SIG_IGN)
			continue;
		if (act->sa_handler != SIG_DFL) {
			*ka = *act;
			if (act->sa_flags & SA_RESETHAND)
				act->sa_handler = SIG_DFL;
			return sig;
		}
		switch (signal_default_action(sig)) {
		case SIGNAL_DEFAULT_IGNORE:
		case SIGNAL_DEFAULT_CONTINUE:
			continue;
		case SIGNAL_DEFAULT_STOP:
			process_stop(p, sig);
			return 0;
		case SIGNAL_DEFAULT_TERMINATE:
		case SIGNAL_DEFAULT_CORE:
		default:
			if (signal_name(sig))
				log_info("pid %d killed by %s", p->pid, signal_name(sig));
			else
				log_info("pid %d killed by signal %d", p->pid, sig);
			process_exit_group(p, signal_exit_status(p, sig));
			return 0;
		}
	}
	return 0;
}

/* Rewrites t's syscall return (already in rax) for a restart code. */
static void signal_restart_syscall(struct thread *t, uint64_t nr, bool handler,
				   uint64_t sa_flags)
{
	struct user_regs *r = &t->ctx.regs;

	switch (signal_restart_decide((long)r->rax, handler, sa_flags)) {
	case SIGNAL_RESTART_EINTR:
		r->rax = (uint64_t)-EINTR;
		break;
	case SIGNAL_RESTART_AGAIN:
		/* The syscall instruction is 2 bytes: executing it again repeats the call. */
		r->rax = nr;
		r->rip -= 2;
		break;
	case SIGNAL_RESTART_BLOCK:
		r->rax = SIGNAL_NR_RESTART_SYSCALL;
		r->rip -= 2;
		break;
	case SIGNAL_RESTART_NONE:
		break;
	}
}

/* Runs the handler of sig: builds its frame and blocks what the action asks. */
static int signal_handle(struct thread *t, int sig, const ksiginfo_t *info,
			 const struct sigaction *ka)
{
	/* After sigsuspend the handler returns to the mask from before it. */
	kernel_sigset_t oldmask = t->restore_sigmask ? t->saved_sigmask : t->sigmask;
	int err;

	err = signal_frame_setup(t, sig, info, ka, oldmask);
	if (err)
		return err;
	t->restore_sigmask = false;
	t->sigmask |= ka->sa_mask;
	if (!(ka->sa_flags & SA_NODEFER))
		t->sigmask |= SIG_BIT(sig);
	t->sigmask &= ~SIG_UNBLOCKABLE;
	return 0;
}

/* Delivers pending signals to t; from_syscall: t is leaving syscall nr, whose return is
 * in rax and may be a restart code. */
static void signal_do(struct thread *t, bool from_syscall, uint64_t nr)
{
	struct sigaction ka;
	ksiginfo_t info;
	int frames = 0, failures = 0, sig;

	while (frames < SIGNAL_FRAMES_MAX && failures < SIGNAL_FRAME_FAILURES_MAX) {
		sig = signal_get(t, &info, &ka);
		if (!sig)
			break;
		/* Only the first handler sees the syscall's result; the others interrupt
		 * that handler's first instruction. */
		if (from_syscall)
			signal_restart_syscall(t, nr, true, ka.sa_flags);
		from_syscall = false;
		if (signal_handle(t, sig, &info, &ka) == 0) {
			frames++;
			continue;
		}
		signal_force_sigsegv(t, sig);
		/* Never back to user mode with a SIGSEGV whose frames keep failing. */
		if (++failures == SIGNAL_FRAME_FAILURES_MAX)
			process_exit_group(t->proc, signal_exit_status(t->proc, SIGSEGV));
	}
	if (from_syscall)
		signal_restart_syscall(t, nr, false, 0);
	/* No handler ran (a handler's frame took it over): sigsuspend's temporary mask
	 * ends here. */
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		t->sigmask = t->saved_sigmask;
	}
}

void signal_syscall_exit(struct thread *t, uint64_t nr, long ret)
{
	t->ctx.regs.rax = (uint64_t)ret;
	/* rt_sigreturn's value is the interrupted code's rax, never a restart request. */
	signal_do(t, nr != SIGNAL_NR_RT_SIGRETURN, nr);
}

void signal_deliver(struct thread *t)
{
	signal_do(t, false, 0);
}

void signal_exec_reset(struct thread *t)
{
	struct process *p = t->proc;
	unsigned int k;

	for (k = 0; k < KERNEL_NSIG; k++) {
		struct sigaction *act = &p->sigactions[k];
		uint64_t handler = act->sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL;

		*act = (struct sigaction){ .sa_handler = handler };
	}
	t->altstack = (stack_t){ .ss_flags = SS_DISABLE };
}

void signal_fork_copy(struct process *child, const struct process *parent)
{
	memcpy(child->sigactions, parent->sigactions, sizeof(child->sigactions));
	sigqueue_init(&child->shared_pending);
	/* Interval timers belong to the process that set them (fork does not inherit them). */
	child->alarm_ns = 0;
	child->alarm_interval_ns = 0;
}

void signal_process_exit(struct process *p)
{
	sigqueue_clear(&p->shared_pending);
	itimer_release(p);
}
