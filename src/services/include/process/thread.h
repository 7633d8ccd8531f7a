/* process/thread.h: threads: one OSTD task and one user context each, the unit that runs,
 * sleeps, and receives thread-directed signals. */
#ifndef SERVICES_PROCESS_THREAD_H
#define SERVICES_PROCESS_THREAD_H

#include <ostd/types.h>
#include <ostd/sync.h>
#include <ostd/user_mode.h>
#include <abi/signal.h>
#include <signal/restart.h>
#include <signal/sigqueue.h>

struct inode;
struct process;
struct task;

struct thread {
	int tid;
	struct process *proc;
	struct task *task;
	struct user_context ctx;
	struct thread *next_in_process;
	bool linked;                         /* in proc->threads */

	kernel_sigset_t sigmask;
	kernel_sigset_t saved_sigmask;       /* restored after a sigsuspend/ppoll handler */
	bool restore_sigmask;
	struct sigqueue pending;             /* thread-directed signals */
	stack_t altstack;

	uaddr_t clear_child_tid;             /* CLONE_CHILD_CLEARTID / set_tid_address */
	uaddr_t robust_list;
	size_t robust_len;

	waitqueue_t *sleeping_on;            /* the queue of an interruptible sleep, or NULL */
	bool exiting;                        /* leaves at its next return towards user mode */
	bool stopped;                        /* parked by job control */
	waitqueue_t stop_wait;               /* where a stopped thread parks */
	int exit_code;                       /* exit(): (status & 0xff) << 8 */
	struct inode *fs_transient;          /* inodes its syscall borrows (fs/inode.h) */
	uint64_t utime_ns;                   /* time in user mode; the rest of its task's is
	                                        system time (thread_cpu_times) */
	struct restart_block restart;        /* how restart_syscall goes on (signal/restart.h) */
};

/* The thread the current task runs; NULL on a kernel-only task. */
struct thread *thread_current(void);

/* A new thread of p (not yet linked nor running): tid allocated, empty signal state.
 * NULL on ENOMEM/EAGAIN. */
struct thread *thread_alloc(struct process *p, int tid);
/* Adds t to / removes it from its process's threads (unlink: true when it was the last). */
void thread_link(struct thread *t);
bool thread_unlink(struct thread *t);
/* Links t into its process (if not yet) and starts its task, which runs it in user mode from t->ctx.
 * -ENOMEM leaves t unlinked for thread_free. */
int thread_start(struct thread *t);
void thread_free(struct thread *t);

/* Makes the current thread leave: exit(code) for the thread alone. */
void thread_exit(struct thread *t, int code);
/* Interrupts t's interruptible sleep (if any) so it notices a signal or an exit. */
void thread_kick(struct thread *t);

/* Sleeps on wq until woken, deadline_ns passes (UINT64_MAX: never) or a signal is pending
 * for the current thread (or it is exiting). 0 when woken, -ETIMEDOUT, or -EINTR.
 * Wake-ups may be spurious: callers re-check their condition in a loop. */
int thread_sleep(waitqueue_t *wq, uint64_t deadline_ns);

/* The thread tid of p / of any process (the caller's own first), or NULL. */
struct thread *thread_find_in(struct process *p, int tid);
struct thread *thread_find(int tid);

/* Makes the current task act for t (syscalls and user copies see t's process) without
 * starting a task of its own: boot's set-up and unit tests. */
void thread_attach_current(struct thread *t);

/* The user-mode loop of t: runs until t has exited. Used by thread_start's task. */
void thread_run(struct thread *t);

#endif
