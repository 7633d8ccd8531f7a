/* time.h: clocks and one-shot timers. */
#ifndef OSTD_TIME_H
#define OSTD_TIME_H

#include <ostd/types.h>

#define NSEC_PER_SEC 1000000000ull

uint64_t clock_monotonic_ns(void);
/* Nanoseconds since the Unix epoch. */
uint64_t clock_realtime_ns(void);

struct timer;
typedef void (*timer_fn)(void *arg);
/* Calls fn(arg) in kernel context once the monotonic clock reaches deadline_ns.
 * Returns a handle to cancel it, or NULL on ENOMEM. */
struct timer *timer_add(uint64_t deadline_ns, timer_fn fn, void *arg);
/* Cancels a pending timer and frees it; a fired timer has already been freed. */
void timer_cancel(struct timer *t);

#endif
