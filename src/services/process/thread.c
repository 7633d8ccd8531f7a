/* process/thread.c: threads: creating and starting them, their OSTD task, interruptible
 * sleep, and the end of a thread (and with the last one, of its process). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/task.h>
#include <boot/boot.h>
#include <fs/inode.h>
#include <futex/futex.h>
#include <mm/mm.h>
#include <process/process.h>
#include <signal/signal.h>

struct thread *thread_current(void)
{
	struct task *task = task_current();

	return task ? task_data(task) : NULL;
}

struct thread *thread_alloc(struct process *p, int tid)
{
	struct thread *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->tid = tid;
	t->proc = p;
	t->altstack.ss_flags = SS_DISABLE;
	sigqueue_init(&t->pending);
	waitqueue_init(&t->stop_wait);
	return t;
}

void thread_free(struct thread *t)
{
	sigqueue_clear(&t->pending);
	inode_end_syscall(t);
	user_context_release(&t->ctx);
	kfree(t);
}

void thread_link(struct thread *t)
{
	struct process *p = t->proc;

	if (t->linked)
		return;
	t->next_in_process = p->threads;
	p->threads = t;
	p->nthreads++;
	t->linked = true;
}

bool thread_unlink(struct thread *t)
{
	struct process *p = t->proc;
	struct thread **pp;

	if (!t->linked)
		return p->nthreads == 0;
	for (pp = &p->threads; *pp; pp = &(*pp)->next_in_process) {
		if (*pp == t) {
			*pp = t->next_in_process;
			break;
		}
	}
	t->linked = false;
	return --p->nthreads == 0;
}

/* The end of a thread, on its own task: Linux's exit duties towards user space (robust
 * futexes, clear_child_tid) while the memory is still there, then the process's end when
 * this was its last thread. */
static void thread_finish(struct thread *t)
{
	struct process *p = t->proc;
	uint64_t u, s;
	bool last;

	if (p->mm)
		futex_thread_exit(t);
	thread_cpu_times(t, &u, &s);
	p->utime_ns += u;
	p->stime_ns += s;
	last = thread_unlink(t);
	/* A thread that leaves alone (exit) does not decide the process's status. */
	if (last && !p->group_exiting) {
		p->group_exiting = true;
		p->exit_code = t->exit_code;
	}
	if (t->tid != p->pid)
		pid_free(t->tid);
	thread_attach_current(NULL);
	thread_free(t);
	if (last)
		process_finish(p);
	if (last && !p->parent)
		boot_machine_end(p);
}

void thread_cpu_times(const struct thread *t, uint64_t *utime, uint64_t *stime)
{
	uint64_t all = t->task ? task_cpu_ns(t->task) : 0;

	*utime = MIN(t->utime_ns, all);
	*stime = all - *utime;
}

void thread_attach_current(struct thread *t)
{
	task_set_data(task_current(), t);
	task_set_vmspace(task_current(), t ? t->proc->mm->vs : NULL);
	/* thread_kick wakes t through its task, whichever task adopted it. */
	if (t)
		t->task = task_current();
}

static void thread_task_main(void *arg)
{
	struct thread *t = arg;

	thread_attach_current(t);
	thread_run(t);
	thread_finish(t);
}

int thread_start(struct thread *t)
{
	struct process *p = t->proc;

	t->task = task_spawn(thread_task_main, t);
	if (!t->task)
		return -ENOMEM;
	thread_link(t);
	/* A thread born into a dying process dies with it. */
	if (p->group_exiting)
		t->exiting = true;
	return 0;
}

void thread_exit(struct thread *t, int code)
{
	t->exit_code = code;
	t->exiting = true;
}

void thread_kick(struct thread *t)
{
	if (t->sleeping_on)
		waitqueue_wake_task(t->sleeping_on, t->task);
	if (t->stopped || t->exiting)
		waitqueue_wake_all(&t->stop_wait);
}

int thread_sleep(waitqueue_t *wq, uint64_t deadline_ns)
{
	struct thread *t = thread_current();
	int r = 0;

	if (signal_pending(t))
		return -EINTR;
	t->sleeping_on = wq;
	if (deadline_ns == UINT64_MAX)
		waitqueue_wait(wq);
	else
		r = waitqueue_wait_until(wq, deadline_ns);
	t->sleeping_on = NULL;
	if (r == 0 && signal_pending(t))
		return -EINTR;
	return r;
}

struct thread *thread_find_in(struct process *p, int tid)
{
	struct thread *t;

	if (!p)
		return NULL;
	for (t = p->threads; t; t = t->next_in_process)
		if (t->tid == tid)
			return t;
	return NULL;
}

struct thread_search {
	int tid;
	struct thread *found;
};

static int thread_search_one(struct process *p, void *arg)
{
	struct thread_search *s = arg;

	s->found = thread_find_in(p, s->tid);
	return s->found != NULL;
}

struct thread *thread_find(int tid)
{
	struct thread_search s = { .tid = tid };
	struct thread *t = thread_find_in(process_current(), tid);

	if (!t)
		t = thread_find_in(process_find(tid), tid);
	if (!t && process_for_each(thread_search_one, &s))
		t = s.found;
	return t;
}
