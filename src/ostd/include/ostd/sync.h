/* sync.h: spinlocks, mutexes and wait queues. */
#ifndef OSTD_SYNC_H
#define OSTD_SYNC_H

#include <ostd/types.h>

typedef struct { volatile int locked; } spinlock_t;
#define SPINLOCK_INIT { 0 }
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
bool spin_trylock(spinlock_t *l);

struct task;
struct waiter;

/* Tasks waiting for a condition; wake-ups are never lost between the check and the sleep
 * because OSTD's scheduler only switches tasks at these calls. */
typedef struct waitqueue {
	struct waiter *head, *tail;
} waitqueue_t;
#define WAITQUEUE_INIT { NULL, NULL }
void waitqueue_init(waitqueue_t *wq);
/* Sleeps until woken. */
void waitqueue_wait(waitqueue_t *wq);
/* Sleeps until woken or until the monotonic clock passes deadline_ns;
 * returns 0 when woken, -ETIMEDOUT otherwise. */
int waitqueue_wait_until(waitqueue_t *wq, uint64_t deadline_ns);
/* Wakes one (the longest waiting) / all waiters; returns how many. */
int waitqueue_wake_one(waitqueue_t *wq);
int waitqueue_wake_all(waitqueue_t *wq);
/* Wakes t if it waits on wq: 1 when it did, else 0. */
int waitqueue_wake_task(waitqueue_t *wq, struct task *t);
bool waitqueue_is_empty(const waitqueue_t *wq);

typedef struct {
	struct task *owner;
	waitqueue_t wq;
} mutex_t;
#define MUTEX_INIT { NULL, WAITQUEUE_INIT }
void mutex_init(mutex_t *m);
void mutex_lock(mutex_t *m);
void mutex_unlock(mutex_t *m);

#endif
