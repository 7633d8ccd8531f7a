/* time/clock.h: the clock syscalls. */
#ifndef SERVICES_TIME_CLOCK_H
#define SERVICES_TIME_CLOCK_H

#include <ostd/types.h>
#include <abi/time.h>

/* Linux's timespec64_valid, then the length in ns (UINT64_MAX past 584 years): 0 or
 * -EINVAL. */
int timespec_to_ns(const struct timespec *ts, uint64_t *ns);
/* The same for a user's timespec; NULL (no timeout) gives UINT64_MAX. -EFAULT. */
int timespec_from_user_ns(const struct timespec __user *u, uint64_t *ns);
/* The same for a timeval (setitimer, SO_RCVTIMEO): 0 or -EINVAL. */
int timeval_to_ns(const struct timeval *tv, uint64_t *ns);
/* clock_t: ticks of USER_HZ per second, as Linux reports times to user space (times,
 * /proc/PID/stat). */
#define USER_HZ 100
static inline uint64_t clock_ticks_from_ns(uint64_t ns)
{
	return ns / (1000000000ull / USER_HZ);
}
/* ns as a timespec (durations, remaining times, clock readings). */
struct timespec timespec_from_ns(uint64_t ns);

/* The time of clock id in *ts: 0, or -EINVAL for an unknown clock. */
int clock_read(int id, struct timespec *ts);

long sys_clock_gettime(int id, struct timespec __user *ts);
long sys_clock_getres(int id, struct timespec __user *ts);
long sys_gettimeofday(struct timeval __user *tv, struct timezone __user *tz);
long sys_time(int64_t __user *t);
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem);
long sys_clock_nanosleep(int id, int flags, const struct timespec __user *req,
			 struct timespec __user *rem);

#endif
