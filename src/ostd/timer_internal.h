/* timer_internal.h: OSTD's timer list, for the scheduler and for timers embedded in
 * other objects (a timed wait keeps its timer on the waiting task's stack). */
#ifndef OSTD_TIMER_INTERNAL_H
#define OSTD_TIMER_INTERNAL_H

#include <ostd/time.h>

struct timer {
	uint64_t deadline;
	timer_fn fn;
	void *arg;
	struct timer *prev, *next;
	bool pending;
	bool allocated;    /* from timer_add: freed when it fires or is cancelled */
};

/* Arms t (caller's storage) to call fn(arg) at deadline. */
void timer_start(struct timer *t, uint64_t deadline, timer_fn fn, void *arg);
/* Disarms t if it is still pending. */
void timer_stop(struct timer *t);
/* Runs every timer whose deadline has passed, in deadline order. */
void timer_run_due(void);
/* The earliest pending deadline, or UINT64_MAX. */
uint64_t timer_next_deadline(void);

#endif
