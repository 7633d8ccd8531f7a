/* fake_process.c: the fake process core of fake_process.h. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <ostd/vmspace.h>
#include <signal/signal.h>

#include "fake_process.h"

static struct fake_process fakes[FAKE_PROCESS_MAX];
static int nfakes;
static struct fake_process *current;
static struct vmspace *user_vs;

uint8_t fake_fpstate[FAKE_FPSTATE_SIZE];
int fake_fpstate_resets, fake_fpstate_sets;

void fake_process_reset(void)
{
	memset(fakes, 0, sizeof(fakes));
	nfakes = 0;
	current = NULL;
	memset(fake_fpstate, 0xf0, sizeof(fake_fpstate));
	fake_fpstate_resets = fake_fpstate_sets = 0;
}

struct fake_process *fake_process_add(int pid, int pgid, int sid, unsigned int uid)
{
	struct fake_process *fp = &fakes[nfakes++];
	struct process *p = &fp->proc;

	p->pid = pid;
	p->pgid = pgid;
	p->sid = sid;
	p->state = PROCESS_ALIVE;
	p->cred.uid = p->cred.euid = p->cred.suid = p->cred.fsuid = uid;
	sigqueue_init(&p->shared_pending);
	fake_thread_add(fp, &fp->thread, pid);
	if (!current)
		fake_process_set_current(fp);
	return fp;
}

struct thread *fake_thread_add(struct fake_process *fp, struct thread *t, int tid)
{
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->proc = &fp->proc;
	sigqueue_init(&t->pending);
	t->next_in_process = fp->proc.threads;
	fp->proc.threads = t;
	fp->proc.nthreads++;
	return t;
}

void fake_process_set_current(struct fake_process *fp)
{
	current = fp;
	fp->thread.task = task_current();
}

struct process *process_current(void)
{
	return current ? &current->proc : NULL;
}

struct thread *thread_current(void)
{
	return current ? &current->thread : NULL;
}

struct process *process_find(int pid)
{
	int k;

	for (k = 0; k < nfakes; k++)
		if (fakes[k].proc.pid == pid)
			return &fakes[k].proc;
	return NULL;
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

struct thread *thread_find(int tid)
{
	struct thread *t = NULL;
	int k;

	for (k = 0; !t && k < nfakes; k++)
		t = thread_find_in(&fakes[k].proc, tid);
	return t;
}

static struct fake_process *fake_of(struct process *p)
{
	return container_of(p, struct fake_process, proc);
}

void process_exit_group(struct process *p, int code)
{
	struct fake_process *fp = fake_of(p);

	fp->exit_group_calls++;
	if (p->group_exiting)
		return;
	p->group_exiting = true;
	p->exit_code = code;
}

void process_stop(struct process *p, int sig)
{
	struct fake_process *fp = fake_of(p);

	fp->stop_calls++;
	fp->stop_sig = sig;
	p->job |= PROCESS_STOPPED | PROCESS_REPORT_STOP;
}

void process_continue(struct process *p)
{
	fake_of(p)->continue_calls++;
	p->job = (p->job & ~(PROCESS_STOPPED | PROCESS_REPORT_STOP)) | PROCESS_REPORT_CONT;
}

void thread_kick(struct thread *t)
{
	if (t->sleeping_on && t->task)
		waitqueue_wake_task(t->sleeping_on, t->task);
}

int thread_sleep(waitqueue_t *wq, uint64_t deadline_ns)
{
	struct thread *t = thread_current();
	int err = 0;

	if (signal_pending(t))
		return -EINTR;
	t->sleeping_on = wq;
	if (deadline_ns == UINT64_MAX)
		waitqueue_wait(wq);
	else
		err = waitqueue_wait_until(wq, deadline_ns);
	t->sleeping_on = NULL;
	return signal_pending(t) ? -EINTR : err;
}

void fake_user_memory(void)
{
	unsigned int k;

	user_vs = vmspace_create();
	for (k = 0; k < FAKE_USER_PAGES; k++) {
		struct frame *f = frame_alloc(FRAME_USER);

		vmspace_map(user_vs, FAKE_USER_BASE + k * PAGE_SIZE, f, VM_READ | VM_WRITE);
		frame_put(f);
	}
	task_set_vmspace(task_current(), user_vs);
}

void fake_user_memory_free(void)
{
	task_set_vmspace(task_current(), NULL);
	vmspace_destroy(user_vs);
	user_vs = NULL;
}

/* The engine's FP API, weak so that OSTD's own, once linked, takes over. */
__attribute__((weak)) size_t user_fpstate_size(void)
{
	return FAKE_FPSTATE_SIZE;
}

__attribute__((weak)) ssize_t user_context_get_fpstate(struct user_context *ctx, void *buf,
						       size_t len)
{
	(void)ctx;
	if (len < sizeof(fake_fpstate))
		return -ENOSPC;
	memcpy(buf, fake_fpstate, sizeof(fake_fpstate));
	return sizeof(fake_fpstate);
}

__attribute__((weak)) int user_context_set_fpstate(struct user_context *ctx, const void *buf,
						   size_t len)
{
	(void)ctx;
	fake_fpstate_sets++;
	/* The fake CPU refuses an image whose first byte is 0xff. */
	if (len != sizeof(fake_fpstate) || ((const uint8_t *)buf)[0] == 0xff) {
		memset(fake_fpstate, 0, sizeof(fake_fpstate));
		return -EINVAL;
	}
	memcpy(fake_fpstate, buf, len);
	return 0;
}

__attribute__((weak)) void user_context_reset_fpstate(struct user_context *ctx)
{
	(void)ctx;
	fake_fpstate_resets++;
	memset(fake_fpstate, 0, sizeof(fake_fpstate));
}
