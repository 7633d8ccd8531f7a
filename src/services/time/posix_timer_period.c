/* time/posix_timer_period.c: the arithmetic of periodic expiries and overrun counts,
 * kept pure so it is unit-tested without a clock. */
#include <ostd/types.h>
#include <abi/sigevent.h>
#include <time/posix_timer.h>

uint64_t posix_timer_expire(uint64_t *next, uint64_t interval, uint64_t now)
{
	uint64_t n;

	if (!*next || now < *next)
		return 0;
	if (!interval) {
		*next = 0;
		return 1;
	}
	/* Counted by division, not one period at a time: a 1 ns period left alone for an
	 * hour is one step. Callers keep next and interval below 2^62, so no sum wraps. */
	n = (now - *next) / interval + 1;
	*next += n * interval;
	return n;
}

int posix_timer_overrun_cap(uint64_t overrun)
{
	return overrun > DELAYTIMER_MAX ? DELAYTIMER_MAX : (int)overrun;
}
