/* task.c: kernel tasks: creation on their own kernel stack, exit, and attached data. */
#include <ostd/heap.h>
#include <ostd/log.h>

#include "arch_context.h"
#include "task_internal.h"

static void task_trampoline(void *arg)
{
	struct task *t = arg;

	ctx_arrived(NULL);
	t->fn(t->arg);
	task_exit();
}

/* Invariant: the new task runs only on its own stack, which stays allocated until the
 * scheduler reaps it after it exited. */
struct task *task_spawn(task_fn fn, void *arg)
{
	struct task *t;

	OSTD_ASSERT(sched_is_running());
	t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->stack = kmalloc(TASK_STACK_SIZE);
	if (!t->stack)
		goto out_free_task;
	t->fn = fn;
	t->arg = arg;
	t->ctx.sp = arch_context_init(t->stack, TASK_STACK_SIZE, task_trampoline, t);
	t->ctx.stack_bottom = t->stack;
	t->ctx.stack_size = TASK_STACK_SIZE;
	sched_task_add(t);
	return t;

out_free_task:
	kfree(t);
	return NULL;
}

__noreturn void task_exit(void)
{
	sched_task_exit();
}

void task_set_data(struct task *t, void *data)
{
	t->data = data;
}

void *task_data(const struct task *t)
{
	return t->data;
}

void task_set_vmspace(struct task *t, struct vmspace *vs)
{
	t->vs = vs;
}

struct vmspace *task_vmspace(const struct task *t)
{
	return t->vs;
}
