/* sync.c: wait queues, mutexes and spinlocks over the scheduler's block and wake. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/sync.h>
#include <ostd/time.h>

#include "task_internal.h"
#include "timer_internal.h"

/* One sleeping task, on its own stack while it waits. */
struct waiter {
	struct task *task;
	waitqueue_t *wq;
	struct waiter *prev, *next;
	bool woken;
};

void waitqueue_init(waitqueue_t *wq)
{
	wq->head = wq->tail = NULL;
}

bool waitqueue_is_empty(const waitqueue_t *wq)
{
	return wq->head == NULL;
}

static void wq_append(waitqueue_t *wq, struct waiter *w)
{
	w->wq = wq;
	w->next = NULL;
	w->prev = wq->tail;
	if (wq->tail)
		wq->tail->next = w;
	else
		wq->head = w;
	wq->tail = w;
}

static void wq_remove(struct waiter *w)
{
	waitqueue_t *wq = w->wq;

	if (w->prev)
		w->prev->next = w->next;
	else
		wq->head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	else
		wq->tail = w->prev;
	w->prev = w->next = NULL;
}

/* Wakes the longest waiter and returns its task, or NULL when none waits. */
static struct task *wq_wake_first(waitqueue_t *wq)
{
	struct waiter *w = wq->head;

	if (!w)
		return NULL;
	wq_remove(w);
	w->woken = true;
	sched_wake(w->task);
	return w->task;
}

void waitqueue_wait(waitqueue_t *wq)
{
	struct waiter w = { .task = task_current() };

	OSTD_ASSERT(w.task);
	wq_append(wq, &w);
	sched_block();
}

/* Invariant: a waiter already woken (and unlinked) is left alone, even when its deadline
 * passed before it got to run and stop this timer. */
static void wq_timeout(void *arg)
{
	struct waiter *w = arg;

	if (w->woken)
		return;
	wq_remove(w);
	sched_wake(w->task);
}

/* Invariant: when this returns, neither the waiter nor its timer is linked anywhere, so
 * nothing points into this stack frame any more. */
int waitqueue_wait_until(waitqueue_t *wq, uint64_t deadline_ns)
{
	struct waiter w = { .task = task_current() };
	struct timer tm = { 0 };

	OSTD_ASSERT(w.task);
	if (clock_monotonic_ns() >= deadline_ns)
		return -ETIMEDOUT;
	wq_append(wq, &w);
	timer_start(&tm, deadline_ns, wq_timeout, &w);
	sched_block();
	timer_stop(&tm);
	return w.woken ? 0 : -ETIMEDOUT;
}

int waitqueue_wake_one(waitqueue_t *wq)
{
	return wq_wake_first(wq) ? 1 : 0;
}

int waitqueue_wake_task(waitqueue_t *wq, struct task *t)
{
	struct waiter *w;

	for (w = wq->head; w; w = w->next) {
		if (w->task == t) {
			wq_remove(w);
			w->woken = true;
			sched_wake(t);
			return 1;
		}
	}
	return 0;
}

int waitqueue_wake_all(waitqueue_t *wq)
{
	int n = 0;

	while (wq_wake_first(wq))
		n++;
	return n;
}

void mutex_init(mutex_t *m)
{
	m->owner = NULL;
	waitqueue_init(&m->wq);
}

/* Invariant: the mutex passes straight to the longest waiter on unlock, so no task can
 * take it twice in a row while another waits. */
void mutex_lock(mutex_t *m)
{
	struct task *self = task_current();

	OSTD_ASSERT(self && m->owner != self);
	if (!m->owner) {
		m->owner = self;
		return;
	}
	waitqueue_wait(&m->wq);
	OSTD_ASSERT(m->owner == self);
}

void mutex_unlock(mutex_t *m)
{
	OSTD_ASSERT(m->owner == task_current());
	m->owner = wq_wake_first(&m->wq);
}

bool spin_trylock(spinlock_t *l)
{
	return __atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

void spin_lock(spinlock_t *l)
{
	while (!spin_trylock(l)) {
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
	}
}

void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}
