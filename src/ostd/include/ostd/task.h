/* task.h: kernel tasks with their own stacks, scheduled by OSTD's own scheduler. */
#ifndef OSTD_TASK_H
#define OSTD_TASK_H

#include <ostd/types.h>

struct task;
struct vmspace;

typedef void (*task_fn)(void *arg);

/* Creates a runnable task that calls fn(arg) on its own kernel stack; NULL on ENOMEM.
 * The task ends when fn returns or calls task_exit(). */
struct task *task_spawn(task_fn fn, void *arg);
struct task *task_current(void);
/* Lets other runnable tasks run; returns when this one is chosen again. */
void task_yield(void);
__noreturn void task_exit(void);
/* The services' data attached to a task (the thread it runs), and the address space its
 * user copies use. */
void task_set_data(struct task *t, void *data);
void *task_data(const struct task *t);
void task_set_vmspace(struct task *t, struct vmspace *vs);
struct vmspace *task_vmspace(const struct task *t);
/* How long t has run on the CPU, in ns (the scheduler's count: sleeping, waiting and
 * other tasks' turns excluded). */
uint64_t task_cpu_ns(const struct task *t);
/* True when a timer tick asked the current task to give up the CPU. */
bool task_need_resched(void);

#endif
