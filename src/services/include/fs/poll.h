/* fs/poll.h: readiness of open files (the poll operation of struct file_ops) and the
 * syscalls that wait for it: poll, ppoll, select, pselect6.
 *
 * A waiting task sleeps on exactly one OSTD wait queue, so a poll call cannot sleep on the
 * queues of all the files it watches. Instead each pollable object that services own (a
 * pipe) keeps a poll_head: a list of entries, one per poll call watching it, and wakes that
 * list whenever its state changes; the wake marks the call triggered and wakes its task on
 * the one queue it sleeps on. An object whose events come from OSTD (the console's input)
 * hands its OSTD queue to poll_wait_queue instead, and the call sleeps on that queue. The
 * helpers are inline because pipe.c is also built into test libraries without poll.c. */
#ifndef SERVICES_FS_POLL_H
#define SERVICES_FS_POLL_H

#include <abi/poll.h>

#include <ostd/heap.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <ostd/types.h>
#include <abi/signal.h>
#include <fs/file.h>

struct file;
struct timespec;
struct timeval;

/* select's fd_set: 1024 bits in longs, as glibc and the kernel lay it out. */
#define POLL_FD_SETSIZE 1024

struct poll_table;

/* One poll call watching one object; lives from registration to the end of the call. */
struct poll_entry {
	struct poll_entry *next, *prev;   /* in the object's poll_head */
	struct poll_head *head;
	struct poll_entry *next_in_table; /* the call's own list, for removal */
	struct poll_table *pt;
	struct file *file;                /* referenced: keeps the object alive */
};

/* The poll calls watching an object. */
struct poll_head {
	struct poll_entry *first;
};

/* One poll call. The task sleeps on sleep_wq: own_wq (only poll_head wakes reach it)
 * or an OSTD queue a file handed over through poll_wait_queue. */
struct poll_table {
	struct task *task;
	waitqueue_t own_wq;
	waitqueue_t *sleep_wq;
	struct poll_entry *entries;
	bool registering;      /* false after the first pass: entries are already in place */
	bool triggered;        /* a watched object changed since the last scan */
	bool lost;             /* a registration failed: poll again after a short nap */
	/* Set by a lasting watcher (an epoll entry) that is told of changes itself instead
	 * of having a task woken; NULL for poll calls. */
	void (*wake)(struct poll_table *pt);
};

/* Takes e out of its object's list: no wake of the object reaches it after this. */
void poll_entry_unhook(struct poll_entry *e);

static inline void poll_head_init(struct poll_head *h)
{
	h->first = NULL;
}

/* Tells every poll call watching h that its object changed. */
static inline void poll_head_wake(struct poll_head *h)
{
	struct poll_entry *e;

	for (e = h->first; e; e = e->next) {
		e->pt->triggered = true;
		if (e->pt->wake)
			e->pt->wake(e->pt);
		else
			waitqueue_wake_task(e->pt->sleep_wq, e->pt->task);
	}
}

/* From a file's poll operation: watch h (the object behind f, which gets a reference)
 * for the rest of the call. pt may be NULL: the caller only asks for the state. */
static inline void poll_wait_head(struct poll_table *pt, struct file *f,
				  struct poll_head *h)
{
	struct poll_entry *e;

	if (!pt || !pt->registering)
		return;
	e = kzalloc(sizeof(*e));
	if (!e) {
		pt->lost = true;
		return;
	}
	e->pt = pt;
	e->file = f;
	file_get(f);
	e->head = h;
	e->next = h->first;
	if (h->first)
		h->first->prev = e;
	h->first = e;
	e->next_in_table = pt->entries;
	pt->entries = e;
}

/* From a file's poll operation: the object's events wake wq, an OSTD queue, so the call
 * sleeps there. Only one such queue fits; a second makes the call poll on a short
 * timer instead (no two exist today: the console's input is the only one). */
static inline void poll_wait_queue(struct poll_table *pt, waitqueue_t *wq)
{
	if (!pt || !pt->registering || pt->sleep_wq == wq)
		return;
	if (pt->sleep_wq == &pt->own_wq)
		pt->sleep_wq = wq;
	else
		pt->lost = true;
}

/* The poll operation of files that never block (regular files, directories, most
 * devices). */
static inline unsigned int poll_always_ready(struct file *f, struct poll_table *pt)
{
	return POLL_DEFAULT_MASK;
}

long sys_poll(struct pollfd __user *fds, unsigned int nfds, int timeout_ms);
long sys_ppoll(struct pollfd __user *fds, unsigned int nfds,
	       const struct timespec __user *tsp, const kernel_sigset_t __user *sigmask,
	       size_t sigsetsize);
long sys_select(int n, uint64_t __user *inp, uint64_t __user *outp, uint64_t __user *exp,
		struct timeval __user *tvp);
/* sig points to { const kernel_sigset_t *ss; size_t ss_len; }, as Linux's pselect6 takes. */
long sys_pselect6(int n, uint64_t __user *inp, uint64_t __user *outp, uint64_t __user *exp,
		  struct timespec __user *tsp, const void __user *sig);

#endif
