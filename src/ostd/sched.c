/* sched.c: OSTD's scheduler: a FIFO run queue and a scheduler loop on its own stack that
 * runs due timers, frees dead tasks and idles in the HAL between tasks. Tasks switch only
 * at their own calls (yield, block, exit), so no wake-up is lost between check and sleep. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/time.h>

#include "arch_context.h"
#include "hal.h"
#include "task_internal.h"
#include "timer_internal.h"

static struct {
	bool running;
	struct task *current;
	struct task *rq_head, *rq_tail;
	struct task *all;          /* every task not yet freed */
	struct task *dead;         /* exited, stacks not yet freed */
	struct sched_ctx boot;     /* ostd_run's caller */
	struct sched_ctx loop;     /* the scheduler loop */
	void *loop_stack;
} sched;

static void rq_push(struct task *t)
{
	t->rq_next = NULL;
	if (sched.rq_tail)
		sched.rq_tail->rq_next = t;
	else
		sched.rq_head = t;
	sched.rq_tail = t;
}

static struct task *rq_pop(void)
{
	struct task *t = sched.rq_head;

	if (t) {
		sched.rq_head = t->rq_next;
		if (!sched.rq_head)
			sched.rq_tail = NULL;
		t->rq_next = NULL;
	}
	return t;
}

bool sched_is_running(void)
{
	return sched.running;
}

struct task *task_current(void)
{
	return sched.current;
}

bool sched_has_runnable(void)
{
	return sched.rq_head != NULL;
}

uint64_t sched_slice_end(void)
{
	if (!sched.current)
		return UINT64_MAX;
	return sched.current->slice_start + TASK_TIMESLICE_NS;
}

uint64_t task_cpu_ns(const struct task *t)
{
	uint64_t ns = t->cpu_ns;

	if (t == sched.current)
		ns += clock_monotonic_ns() - t->slice_start;
	return ns;
}

bool task_need_resched(void)
{
	return sched.current && sched_has_runnable() &&
	       clock_monotonic_ns() >= sched_slice_end();
}

void sched_task_add(struct task *t)
{
	t->all_next = sched.all;
	t->all_prev = NULL;
	if (sched.all)
		sched.all->all_prev = t;
	sched.all = t;
	t->state = TASK_READY;
	rq_push(t);
}

void sched_free_task(struct task *t)
{
	if (t->all_prev)
		t->all_prev->all_next = t->all_next;
	else
		sched.all = t->all_next;
	if (t->all_next)
		t->all_next->all_prev = t->all_prev;
	kfree(t->stack);
	kfree(t);
}

/* Invariant: a dead task's stack is freed here, on the scheduler's stack, never its own. */
static void sched_reap(void)
{
	struct task *t;

	while ((t = sched.dead)) {
		sched.dead = t->rq_next;
		sched_free_task(t);
	}
}

/* Leaves the current task for the scheduler loop. */
static void sched_leave(bool dies)
{
	struct task *t = sched.current;

	OSTD_ASSERT(t);
	ctx_switch(&t->ctx, &sched.loop, dies);
}

/* Invariant: the yielding task is queued behind every task already runnable (FIFO). */
void task_yield(void)
{
	struct task *t = sched.current;

	OSTD_ASSERT(t);
	t->state = TASK_READY;
	rq_push(t);
	sched_leave(false);
}

void sched_block(void)
{
	OSTD_ASSERT(sched.current);
	sched.current->state = TASK_BLOCKED;
	sched_leave(false);
}

/* Invariant: a task sits in the run queue at most once (only a blocked task is added). */
void sched_wake(struct task *t)
{
	if (t->state != TASK_BLOCKED)
		return;
	t->state = TASK_READY;
	rq_push(t);
}

__noreturn void sched_task_exit(void)
{
	struct task *t = sched.current;

	OSTD_ASSERT(t);
	t->state = TASK_DEAD;
	t->rq_next = sched.dead;
	sched.dead = t;
	sched_leave(true);
	ostd_panic("a dead task was scheduled again");
}

static void sched_run_task(struct task *t)
{
	sched.current = t;
	t->state = TASK_RUNNING;
	t->slice_start = clock_monotonic_ns();
	ctx_switch(&sched.loop, &t->ctx, false);
	/* Still allocated if it died: the loop reaps dead tasks before the next pick. */
	t->cpu_ns += clock_monotonic_ns() - t->slice_start;
	sched.current = NULL;
}

static void sched_loop(void *unused)
{
	struct task *t;

	ctx_arrived(NULL);
	for (;;) {
		timer_run_due();
		sched_reap();
		t = rq_pop();
		if (t)
			sched_run_task(t);
		else
			hal_idle(timer_next_deadline());
	}
}

/* Invariant: returns only after ostd_shutdown switched back to this (boot) stack. */
int sched_start(task_fn first)
{
	sched.loop_stack = kmalloc(TASK_STACK_SIZE);
	if (!sched.loop_stack)
		return -ENOMEM;
	sched.loop = (struct sched_ctx){
		.sp = arch_context_init(sched.loop_stack, TASK_STACK_SIZE, sched_loop, NULL),
		.stack_bottom = sched.loop_stack,
		.stack_size = TASK_STACK_SIZE,
	};
	sched.boot = (struct sched_ctx){ .sp = NULL };
	sched.running = true;
	if (!task_spawn(first, NULL)) {
		sched.running = false;
		kfree(sched.loop_stack);
		return -ENOMEM;
	}
	ctx_switch(&sched.boot, &sched.loop, false);
	sched.running = false;
	sched.current = NULL;
	return 0;
}

/* Invariant: frees every task and stack; nothing runs on them any more (we are back on
 * the boot stack), and the timers that pointed into them are gone already. */
void sched_fini(void)
{
	struct task *t;

	sched.rq_head = sched.rq_tail = NULL;
	sched_reap();
	while ((t = sched.all))
		sched_free_task(t);
	kfree(sched.loop_stack);
	sched.loop_stack = NULL;
}

/* Invariant: the context calling this never runs again (its stack is freed by
 * sched_fini on the boot stack). */
__noreturn void sched_stop(void)
{
	struct sched_ctx *from = sched.current ? &sched.current->ctx : &sched.loop;

	ctx_switch(from, &sched.boot, true);
	ostd_panic("the machine ran on after shutdown");
}
