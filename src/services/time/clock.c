/* time/clock.c: clock_gettime, clock_getres, gettimeofday and time. */
#include <ostd/errno.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <process/process.h>
#include <process/thread.h>
#include <time/clock.h>

/* The CPU-time clocks read the scheduler's count of the process's (or thread's) time on
 * the CPU, user and system. */
int clock_read(int id, struct timespec *ts)
{
	uint64_t u, s;

	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
	case CLOCK_REALTIME_ALARM:
		*ts = timespec_from_ns(clock_realtime_ns());
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_BOOTTIME_ALARM:
		*ts = timespec_from_ns(clock_monotonic_ns());
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		process_cpu_times(process_current(), &u, &s);
		*ts = timespec_from_ns(u + s);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		thread_cpu_times(thread_current(), &u, &s);
		*ts = timespec_from_ns(u + s);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(int id, struct timespec __user *uts)
{
	struct timespec ts;
	int err = clock_read(id, &ts);

	if (err)
		return err;
	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_getres(int id, struct timespec __user *uts)
{
	struct timespec ts;
	int err = clock_read(id, &ts);

	if (err)
		return err;
	/* Coarse clocks tick with the scheduler (100 Hz); the others count nanoseconds. */
	ts.tv_sec = 0;
	ts.tv_nsec = (id == CLOCK_REALTIME_COARSE || id == CLOCK_MONOTONIC_COARSE) ? 10000000 : 1;
	if (!uts)
		return 0;
	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_gettimeofday(struct timeval __user *utv, struct timezone __user *utz)
{
	uint64_t ns = clock_realtime_ns();
	struct timeval tv = { (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC / 1000) };
	struct timezone tz = { 0, 0 };

	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && copy_to_user(utz, &tz, sizeof(tz)))
		return -EFAULT;
	return 0;
}

long sys_time(int64_t __user *ut)
{
	int64_t now = (int64_t)(clock_realtime_ns() / NSEC_PER_SEC);

	if (ut && copy_to_user(ut, &now, sizeof(now)))
		return -EFAULT;
	return now;
}
