/* signal/sigaction.c: rt_sigaction, rt_sigprocmask and sigaltstack (recorded, validated). */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/signal.h>
#include <process/process.h>
#include <signal/signal.h>

#define SIG_BIT(sig) (1ull << ((sig) - 1))
/* SIGKILL and SIGSTOP can be neither caught nor blocked. */
#define SIG_UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))

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
	if (uact) {
		act.sa_mask &= ~SIG_UNBLOCKABLE;
		p->sigactions[sig - 1] = act;
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const kernel_sigset_t __user *uset,
			kernel_sigset_t __user *uoset, size_t sigsetsize)
{
	struct process *p = process_current();
	kernel_sigset_t set = 0, mask = p->sigmask;

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
	if (uoset && copy_to_user(uoset, &p->sigmask, sizeof(*uoset)))
		return -EFAULT;
	p->sigmask = mask & ~SIG_UNBLOCKABLE;
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uold)
{
	struct process *p = process_current();
	stack_t ss, old = p->altstack;
	int mode = 0;

	if (old.ss_size == 0)
		old.ss_flags = SS_DISABLE;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		mode = ss.ss_flags & ~(int32_t)SS_AUTODISARM;
		if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
			return -EINVAL;
		if (mode != SS_DISABLE && ss.ss_size < MINSIGSTKSZ)
			return -ENOMEM;
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	if (uss) {
		if (mode == SS_DISABLE)
			ss.ss_sp = ss.ss_size = 0;
		ss.ss_flags &= (int32_t)SS_AUTODISARM;
		p->altstack = ss;
	}
	return 0;
}
