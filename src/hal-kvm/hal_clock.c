/* hal_clock.c: the hosted HAL's clocks are the host's. */
#include <time.h>

#include "hal.h"

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t hal_clock_monotonic_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

uint64_t hal_clock_realtime_ns(void)
{
	return clock_ns(CLOCK_REALTIME);
}
