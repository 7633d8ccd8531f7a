/* abi/sigevent.h: Linux's struct sigevent for x86-64 (64 bytes) and its SIGEV_* values,
 * which say how a POSIX timer announces its expiry. */
#ifndef ABI_SIGEVENT_H
#define ABI_SIGEVENT_H

#include <stdint.h>

#define SIGEV_SIGNAL    0   /* a process-directed signal */
#define SIGEV_NONE      1   /* nothing: the program polls timer_gettime */
#define SIGEV_THREAD    2   /* libc's; the kernel treats it as SIGEV_SIGNAL */
#define SIGEV_THREAD_ID 4   /* a signal directed at sigev_notify_thread_id */

/* The largest overrun count a timer reports (Linux's DELAYTIMER_MAX, INT_MAX). */
#define DELAYTIMER_MAX  0x7fffffff

struct sigevent {
	uint64_t sigev_value;            /* union sigval: int or pointer */
	int32_t sigev_signo;
	int32_t sigev_notify;
	union {
		int32_t tid;             /* SIGEV_THREAD_ID */
		uint8_t __pad[48];
	} u;
};

_Static_assert(sizeof(struct sigevent) == 64, "sigevent_t is 64 bytes");

#endif
