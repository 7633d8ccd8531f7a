/* abi/itimer.h: interval timers (setitimer, getitimer). */
#ifndef ABI_ITIMER_H
#define ABI_ITIMER_H

#include <abi/time.h>

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

struct itimerval {
	struct timeval it_interval;   /* reload value after each expiry (0: one shot) */
	struct timeval it_value;      /* time to the next expiry (0: disarmed) */
};

#endif
