/* abi/timerfd.h: timerfd's flags and struct itimerspec. */
#ifndef ABI_TIMERFD_H
#define ABI_TIMERFD_H

#include <abi/time.h>

#define TFD_TIMER_ABSTIME       1
#define TFD_TIMER_CANCEL_ON_SET 2
#define TFD_NONBLOCK            04000       /* O_NONBLOCK */
#define TFD_CLOEXEC             02000000    /* O_CLOEXEC */

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

#endif
