/* signal/sigaction.c: rt_sigaction and rt_sigprocmask. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/signal.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/policy.h>
#include <signal/signal.h>

/* The sa_flags bits Linux keeps on x86-64 (plus SA_EXPOSE_TAGBITS); unknown bits are
 * dropped so a program can tell which flags the kernel knows. */
#define SA_EXPOSE_TAGBITS 0x00000800u
#define SA_KNOWN_FLAGS \
	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | SA_NODEFER | \
	 SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

long sys_rt_sigaction(int sig, const struct sigaction __user *uact,
		      struct sigaction __user *uoact, size_t sigsetsize)
{
	struct process *p = process_current();
	struct sigaction act;

	if (sigsetsize != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > KERNEL_NSIG)
		return -EINVAL;
	if (uact && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (uact && copy_from_user(&act, uact, sizeof(act)))
		return -EFAULT;
	/* Report the old action before changing anything, so a bad oact changes nothing. */
	if (uoact && copy_to_user(uoact, &p->sigactions[sig - 1], sizeof(*uoact)))
		return -EFAULT;
	if (!uact)
		return 0;
	act.sa_mask &= ~SIG_UNBLOCKABLE;
	act.sa_flags &= SA_KNOWN_FLAGS;
	p->sigactions[sig - 1] = act;
	/* POSIX: setting a disposition that ignores sig discards its pending instances. */
	if (signal_handler_ignores(sig, act.sa_handler))
		signal_flush_process(p, SIG_BIT(sig));
	return 0;
}

long sys_rt_sigprocmask(int how, const kernel_sigset_t __user *uset,
			kernel_sigset_t __user *uoset, size_t sigsetsize)
{
	struct thread *t = thread_current();
	kernel_sigset_t set = 0, mask = t->sigmask;

	if (sigsetsize != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, uset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:   mask |= set; break;
		case SIG_UNBLOCK: mask &= ~set; break;
		case SIG_SETMASK: mask = set; break;
		default:          return -EINVAL;
		}
	}
	if (uoset && copy_to_user(uoset, &t->sigmask, sizeof(*uoset)))
		return -EFAULT;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	return 0;
}
