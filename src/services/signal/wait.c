/* signal/wait.c: waiting for signals: pause, rt_sigsuspend, rt_sigtimedwait, and
 * rt_sigpending, which shows what waits. */
#include <ostd/errno.h>
#include <ostd/sync.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/signal.h>
#include <time/clock.h>

/* Sleeps until a signal t does not block is pending (or t is leaving). Nothing wakes wq
 * but thread_kick, which signal sending calls. */
static void signal_wait_any(struct thread *t)
{
	waitqueue_t wq = WAITQUEUE_INIT;

	while (!signal_pending(t))
		thread_sleep(&wq, UINT64_MAX);
}

long sys_pause(void)
{
	signal_wait_any(thread_current());
	return -ERESTARTNOHAND;
}

int signal_set_call_mask(const kernel_sigset_t __user *umask, size_t size)
{
	struct thread *t = thread_current();
	kernel_sigset_t mask;

	if (!umask)
		return 0;
	if (size != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	if (!t)
		return 0;
	t->saved_sigmask = t->sigmask;
	t->restore_sigmask = true;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	return 0;
}

void signal_end_call_mask(bool handler_next)
{
	struct thread *t = thread_current();

	if (t && t->restore_sigmask && !handler_next) {
		t->restore_sigmask = false;
		t->sigmask = t->saved_sigmask;
	}
}

long sys_rt_sigsuspend(const kernel_sigset_t __user *umask, size_t sigsetsize)
{
	struct thread *t = thread_current();
	kernel_sigset_t mask;

	if (sigsetsize != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	t->saved_sigmask = t->sigmask;
	t->restore_sigmask = true;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	signal_wait_any(t);
	/* Delivery runs the handler with the old mask in its frame, or restores it. */
	return -ERESTARTNOHAND;
}

long sys_rt_sigpending(kernel_sigset_t __user *uset, size_t sigsetsize)
{
	struct thread *t = thread_current();
	kernel_sigset_t set = (t->pending.set | t->proc->shared_pending.set) & t->sigmask;

	if (sigsetsize > sizeof(set))
		return -EINVAL;
	if (copy_to_user(uset, &set, sigsetsize))
		return -EFAULT;
	return 0;
}

/* The absolute deadline of a relative timeout (NULL: UINT64_MAX, never). */
static int sigwait_deadline(const struct timespec __user *uts, uint64_t *deadline)
{
	uint64_t ns, now;
	int err = timespec_from_user_ns(uts, &ns);

	*deadline = UINT64_MAX;
	if (err || ns == UINT64_MAX)
		return err;
	now = clock_monotonic_ns();
	*deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	return 0;
}

/* Hands a dequeued signal to the program: its number, and its siginfo when asked. */
static long sigwait_return(int sig, const ksiginfo_t *info, ksiginfo_t __user *uinfo)
{
	if (uinfo && copy_to_user(uinfo, info, sizeof(*info)))
		return -EFAULT;
	return sig;
}

long sys_rt_sigtimedwait(const kernel_sigset_t __user *uset, ksiginfo_t __user *uinfo,
			 const void __user *timeout, size_t sigsetsize)
{
	struct thread *t = thread_current();
	waitqueue_t wq = WAITQUEUE_INIT;
	kernel_sigset_t set, saved;
	uint64_t deadline;
	ksiginfo_t info;
	int sig, err;

	if (sigsetsize != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~SIG_UNBLOCKABLE;
	err = sigwait_deadline(timeout, &deadline);
	if (err)
		return err;
	sig = signal_dequeue(t, set, &info);
	if (sig)
		return sigwait_return(sig, &info, uinfo);
	/* While waiting, the awaited signals are unblocked so that sending picks and wakes
	 * this thread; the mask is back before anything returns. */
	saved = t->sigmask;
	t->sigmask &= ~set;
	err = 0;
	while (!signal_pending(t) && err != -ETIMEDOUT)
		err = thread_sleep(&wq, deadline);
	t->sigmask = saved;
	sig = signal_dequeue(t, set, &info);
	if (sig)
		return sigwait_return(sig, &info, uinfo);
	return err == -ETIMEDOUT ? -EAGAIN : -EINTR;
}
