/* misc_world.c: the stand-in process layer of misc_world.h. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/ramfs.h>
#include <abi/stat.h>
#include <signal/signal.h>
#include "misc_world.h"

#define WORLD_USER_BASE 0x40000000ull

static struct world_proc *world_procs[WORLD_MAX_PROCS];
static int world_nprocs;
static struct thread world_main_thread;
static struct process *world_kernel_proc;   /* current for tasks with no thread */

int world_last_signal;
struct thread *world_last_signal_thread;
ksiginfo_t world_last_siginfo;

struct world_spawn {
	struct thread *t;
	void (*fn)(struct thread *, void *);
	void *arg;
};

struct world_proc *world_proc_new(void)
{
	struct world_proc *wp = calloc(1, sizeof(*wp));

	ck_assert_ptr_nonnull(wp);
	ck_assert_int_lt(world_nprocs, WORLD_MAX_PROCS);
	wp->mm.vs = vmspace_create();
	ck_assert_ptr_nonnull(wp->mm.vs);
	wp->proc.pid = WORLD_PID + world_nprocs;
	wp->proc.mm = &wp->mm;
	wp->proc.fdt = kzalloc(sizeof(struct fdtable));
	ck_assert_ptr_nonnull(wp->proc.fdt);
	cred_init_root(&wp->proc.cred);
	wp->next_va = WORLD_USER_BASE;
	world_procs[world_nprocs++] = wp;
	return wp;
}

struct world_proc *world_init(void)
{
	struct world_proc *wp;

	world_nprocs = 0;
	world_last_signal = 0;
	world_last_signal_thread = NULL;
	wp = world_proc_new();
	memset(&world_main_thread, 0, sizeof(world_main_thread));
	world_main_thread.tid = wp->proc.pid;
	world_main_thread.proc = &wp->proc;
	world_main_thread.task = task_current();
	wp->proc.threads = &world_main_thread;
	wp->proc.nthreads = 1;
	world_kernel_proc = &wp->proc;
	task_set_data(task_current(), &world_main_thread);
	task_set_vmspace(task_current(), wp->mm.vs);
	return wp;
}

uaddr_t world_user_alloc(struct world_proc *wp, size_t npages)
{
	uaddr_t va = wp->next_va;
	size_t i;

	for (i = 0; i < npages; i++) {
		struct frame *f = frame_alloc(FRAME_USER);

		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(vmspace_map(wp->mm.vs, va + i * PAGE_SIZE, f, VM_READ | VM_WRITE), 0);
		frame_put(f);   /* the mapping holds its own reference */
	}
	/* A hole after each block, so running off its end faults. */
	wp->next_va += (npages + 1) * PAGE_SIZE;
	return va;
}

uaddr_t world_user_share(struct world_proc *wp, uaddr_t va, struct world_proc *other)
{
	uaddr_t at = other->next_va + 3 * PAGE_SIZE;   /* deliberately a different address */
	struct vm_query q;

	ck_assert_int_eq(vmspace_query(wp->mm.vs, va & PAGE_MASK, &q), 0);
	ck_assert_int_eq(vmspace_map(other->mm.vs, at, q.frame, VM_READ | VM_WRITE), 0);
	other->next_va = at + 2 * PAGE_SIZE;
	return at + (va & ~PAGE_MASK);
}

void world_poke(struct world_proc *wp, uaddr_t va, const void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_to(wp->mm.vs, va, buf, n), 0);
}

void world_peek(struct world_proc *wp, uaddr_t va, void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_from(wp->mm.vs, buf, va, n), 0);
}

void world_poke32(struct world_proc *wp, uaddr_t va, uint32_t v)
{
	world_poke(wp, va, &v, sizeof(v));
}

uint32_t world_peek32(struct world_proc *wp, uaddr_t va)
{
	uint32_t v;

	world_peek(wp, va, &v, sizeof(v));
	return v;
}

static void world_thread_main(void *arg)
{
	struct world_spawn *s = arg;
	struct thread *t = s->t;

	task_set_data(task_current(), t);
	task_set_vmspace(task_current(), t->proc->mm->vs);
	s->fn(t, s->arg);
}

struct thread *world_thread_spawn(struct world_proc *wp, void (*fn)(struct thread *, void *),
				  void *arg)
{
	/* Kept in a static pool: a thread may still sleep when the test's machine stops. */
	static struct world_spawn pool[64];
	static int next_tid = WORLD_PID + 1000;
	struct world_spawn *s = &pool[(next_tid - WORLD_PID - 1000) % 64];
	struct thread *t = calloc(1, sizeof(*t));

	ck_assert_ptr_nonnull(t);
	t->tid = next_tid++;
	t->proc = &wp->proc;
	t->next_in_process = wp->proc.threads;
	wp->proc.threads = t;
	wp->proc.nthreads++;
	s->t = t;
	s->fn = fn;
	s->arg = arg;
	t->task = task_spawn(world_thread_main, s);
	ck_assert_ptr_nonnull(t->task);
	return t;
}

void world_settle(void)
{
	int i;

	for (i = 0; i < 16; i++)
		task_yield();
}

void world_interrupt(struct thread *t)
{
	t->exiting = true;
	if (t->sleeping_on)
		waitqueue_wake_task(t->sleeping_on, t->task);
}

/* The process layer's functions, as the services under test call them. */

struct thread *thread_current(void)
{
	return task_data(task_current());
}

struct process *process_current(void)
{
	struct thread *t = thread_current();

	return t ? t->proc : world_kernel_proc;
}

struct process *process_find(int pid)
{
	int i;

	for (i = 0; i < world_nprocs; i++)
		if (world_procs[i]->proc.pid == pid)
			return &world_procs[i]->proc;
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
	struct thread *t = thread_find_in(process_current(), tid);
	int i;

	for (i = 0; !t && i < world_nprocs; i++)
		t = thread_find_in(&world_procs[i]->proc, tid);
	return t;
}

int process_count(void)
{
	return world_nprocs;
}

int thread_sleep(waitqueue_t *wq, uint64_t deadline_ns)
{
	struct thread *t = thread_current();
	int err;

	if (t->exiting)
		return -EINTR;
	t->sleeping_on = wq;
	if (deadline_ns == UINT64_MAX) {
		waitqueue_wait(wq);
		err = 0;
	} else {
		err = waitqueue_wait_until(wq, deadline_ns);
	}
	t->sleeping_on = NULL;
	return t->exiting ? -EINTR : err;
}

int signal_send_thread(struct thread *t, int sig, const ksiginfo_t *info)
{
	world_last_signal = sig;
	world_last_signal_thread = t;
	if (info)
		world_last_siginfo = *info;
	return 0;
}

/* fs/file.c's fdtable_create wants the console; these tests never open it. */
struct file *console_file_open(int stream)
{
	return NULL;
}

/* FIFOs hold their inode; these suites make none, so the inode layer is a no-op. */
void inode_get(struct inode *i)
{
	(void)i;
}

void inode_put(struct inode *i)
{
	(void)i;
}

void ramfs_fill_stat(const struct inode *i, struct stat *st)
{
	(void)i;
	memset(st, 0, sizeof(*st));
}

/* process/thread.c and process.c's CPU times: this world's threads never run user code,
 * so their times are what a test sets in them. */
void thread_cpu_times(const struct thread *t, uint64_t *utime, uint64_t *stime)
{
	*utime = t->utime_ns;
	*stime = 0;
}

void process_cpu_times(const struct process *p, uint64_t *utime, uint64_t *stime)
{
	*utime = p->utime_ns;
	*stime = p->stime_ns;
}
