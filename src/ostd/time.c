/* time.c: clocks, and one-shot timers kept in a list sorted by deadline; due timers run
 * from the scheduler between tasks and after each return from user mode. */
#include <ostd/heap.h>
#include <ostd/log.h>

#include "boot_internal.h"
#include "hal.h"
#include "timer_internal.h"

static struct timer *timer_head;

uint64_t clock_monotonic_ns(void)
{
	return hal_clock_monotonic_ns();
}

uint64_t clock_realtime_ns(void)
{
	return hal_clock_realtime_ns();
}

/* Invariant: the list stays sorted by deadline, equal deadlines in arming order. */
void timer_start(struct timer *t, uint64_t deadline, timer_fn fn, void *arg)
{
	struct timer **link = &timer_head, *prev = NULL;

	t->deadline = deadline;
	t->fn = fn;
	t->arg = arg;
	while (*link && (*link)->deadline <= deadline) {
		prev = *link;
		link = &(*link)->next;
	}
	t->prev = prev;
	t->next = *link;
	if (t->next)
		t->next->prev = t;
	*link = t;
	t->pending = true;
}

void timer_stop(struct timer *t)
{
	if (!t->pending)
		return;
	if (t->prev)
		t->prev->next = t->next;
	else
		timer_head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	t->prev = t->next = NULL;
	t->pending = false;
}

struct timer *timer_add(uint64_t deadline_ns, timer_fn fn, void *arg)
{
	struct timer *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->allocated = true;
	timer_start(t, deadline_ns, fn, arg);
	return t;
}

void timer_cancel(struct timer *t)
{
	if (!t)
		return;
	timer_stop(t);
	if (t->allocated)
		kfree(t);
}

uint64_t timer_next_deadline(void)
{
	return timer_head ? timer_head->deadline : UINT64_MAX;
}

void timer_run_due(void)
{
	uint64_t now = clock_monotonic_ns();
	struct timer *t;
	timer_fn fn;
	void *arg;

	while ((t = timer_head) && t->deadline <= now) {
		timer_stop(t);
		fn = t->fn;
		arg = t->arg;
		/* Freed before the call: the callback may well arm a new timer. */
		if (t->allocated)
			kfree(t);
		fn(arg);
	}
}

void timer_system_init(void)
{
	timer_head = NULL;
}

/* Invariant: frees every timer still pending from timer_add; embedded ones belong to
 * their owners. */
void timer_system_fini(void)
{
	struct timer *t;

	while ((t = timer_head)) {
		timer_stop(t);
		if (t->allocated)
			kfree(t);
	}
}
