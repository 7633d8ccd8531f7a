/* time/sleep.c: nanosleep and clock_nanosleep. */
#include <ostd/errno.h>
#include <ostd/sync.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <process/thread.h>
#include <signal/restart.h>
#include <signal/signal.h>
#include <time/clock.h>

static long sleep_resume(const struct restart_block *rb);

/* Nothing wakes this queue: the sleep ends at the deadline or when a signal interrupts
 * it (-EINTR). */
static int sleep_until_monotonic(uint64_t deadline)
{
	waitqueue_t wq = WAITQUEUE_INIT;

	while (clock_monotonic_ns() < deadline)
		if (thread_sleep(&wq, deadline) == -EINTR)
			return -EINTR;
	return 0;
}

/* An interrupted relative sleep tells how much was left; a handler then sees EINTR, and
 * without one (a stop and continue) restart_syscall goes on until the same deadline. */
static long sleep_interrupted(uint64_t deadline, struct timespec __user *rem)
{
	uint64_t now = clock_monotonic_ns(), left = deadline > now ? deadline - now : 0;
	struct timespec ts = timespec_from_ns(left);
	struct restart_block rb = { .fn = sleep_resume, .deadline_ns = deadline,
				    .uaddr = uptr_addr(rem) };

	if (rem && copy_to_user(rem, &ts, sizeof(ts)))
		return -EFAULT;
	return restart_block_set(&rb);
}

/* restart_syscall after an interrupted relative sleep. */
static long sleep_resume(const struct restart_block *rb)
{
	if (sleep_until_monotonic(rb->deadline_ns))
		return sleep_interrupted(rb->deadline_ns, uaddr_ptr(rb->uaddr));
	return 0;
}

static uint64_t deadline_after(uint64_t ns)
{
	uint64_t now = clock_monotonic_ns();

	return ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
}

long sys_clock_nanosleep(int id, int flags, const struct timespec __user *ureq,
			 struct timespec __user *rem)
{
	uint64_t ns, now_real, deadline;
	int err;

	if (flags & ~TIMER_ABSTIME)
		return -EINVAL;
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		return -EINVAL;
	default:
		return -EOPNOTSUPP;
	}
	/* A NULL request is a fault here, not "no timeout". */
	err = ureq ? timespec_from_user_ns(ureq, &ns) : -EFAULT;
	if (err)
		return err;
	if (!(flags & TIMER_ABSTIME)) {
		deadline = deadline_after(ns);
		if (sleep_until_monotonic(deadline))
			return sleep_interrupted(deadline, rem);
		return 0;
	}
	if (id == CLOCK_REALTIME || id == CLOCK_TAI) {
		now_real = clock_realtime_ns();
		ns = deadline_after(ns > now_real ? ns - now_real : 0);
	}
	/* Absolute sleeps restart with the same deadline and leave rem alone. */
	return sleep_until_monotonic(ns) ? -ERESTARTNOHAND : 0;
}

long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}
