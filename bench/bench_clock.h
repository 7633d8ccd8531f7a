/* bench_clock.h: the monotonic clock in microseconds, shared by the bench programs. */
#ifndef BENCH_BENCH_CLOCK_H
#define BENCH_BENCH_CLOCK_H
#include <time.h>

static inline double bench_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}
#endif
