/* task_internal.h: OSTD's private view of tasks, contexts and the scheduler. */
#ifndef OSTD_TASK_INTERNAL_H
#define OSTD_TASK_INTERNAL_H

#include <ostd/task.h>

#define TASK_STACK_SIZE (64u << 10)
/* A task that ran this long yields to others at its next resched check. */
#define TASK_TIMESLICE_NS 10000000ull

/* A saved kernel context: its stack pointer, and its stack's bounds for ASan. */
struct sched_ctx {
	void *sp;
	const void *stack_bottom;
	size_t stack_size;
	void *asan_fake_stack;
};

enum task_state { TASK_READY, TASK_RUNNING, TASK_BLOCKED, TASK_DEAD };

struct task {
	struct sched_ctx ctx;
	void *stack;
	task_fn fn;
	void *arg;
	enum task_state state;
	struct task *rq_next;            /* run queue, or the dead list */
	struct task *all_prev, *all_next; /* every live task, for shutdown */
	void *data;
	struct vmspace *vs;
	uint64_t slice_start;
	uint64_t cpu_ns;                 /* time on the CPU, up to its last switch out */
};

/* Switches from the running context to another; from_dies when from never runs again. */
void ctx_switch(struct sched_ctx *from, struct sched_ctx *to, bool from_dies);
/* Called first thing in a fresh context (after its first switch). */
void ctx_arrived(void *asan_fake_stack);

/* Per-boot scheduler: sched_start runs first(NULL) in a task and schedules until
 * ostd_shutdown switches back (sched_stop); sched_fini then frees every task, after the
 * timers (which may point into their stacks) are gone. */
int sched_start(task_fn first);
void sched_fini(void);
__noreturn void sched_stop(void);
bool sched_is_running(void);

/* Task lifecycle, for task.c. */
void sched_task_add(struct task *t);      /* new task: runnable */
__noreturn void sched_task_exit(void);    /* current task is over */
void sched_free_task(struct task *t);

/* The current task sleeps until sched_wake(); the caller has queued it somewhere. */
void sched_block(void);
/* Makes a blocked task runnable; no effect on a task that is not blocked. */
void sched_wake(struct task *t);
/* True when a task other than the current one is ready to run. */
bool sched_has_runnable(void);
/* When the current task's timeslice ends (UINT64_MAX outside a task). */
uint64_t sched_slice_end(void);

#endif
