/* time/posix_timer.h: POSIX per-process timers (timer_create and its family): their
 * syscalls, their end with the process, and the pure expiry arithmetic they share. */
#ifndef SERVICES_TIME_POSIX_TIMER_H
#define SERVICES_TIME_POSIX_TIMER_H

#include <ostd/types.h>

struct process;
struct sigevent;
/* The ABI (abi/timerfd.h) is not included, so that hosted tests can take struct
 * itimerspec from the host's headers. */
struct itimerspec;

/* At most this many timers per process: timer_create fails -EAGAIN past it. */
#define POSIX_TIMER_MAX 1024

/* Counts the expiries of a timer due at *next (monotonic ns; 0: disarmed) with period
 * interval (0: one-shot) that have happened by now, and moves *next past now (0 once a
 * one-shot is spent). Pure. */
uint64_t posix_timer_expire(uint64_t *next, uint64_t interval, uint64_t now);
/* An overrun count as the program sees it: capped at DELAYTIMER_MAX. Pure. */
int posix_timer_overrun_cap(uint64_t overrun);

/* Deletes every timer of p (exec, exit, and freeing a process that never ran). Signals
 * they queued stay queued but are dropped when dequeued, as Linux does. */
void posix_timer_release(struct process *p);

long sys_timer_create(int clockid, const struct sigevent __user *sevp, int __user *timerid);
long sys_timer_settime(int timerid, int flags, const struct itimerspec __user *new_value,
		       struct itimerspec __user *old_value);
long sys_timer_gettime(int timerid, struct itimerspec __user *cur_value);
long sys_timer_getoverrun(int timerid);
long sys_timer_delete(int timerid);

#endif
