/* misc_world.h: a small stand-in for the process layer, so the futex, pipe and credential
 * tests run against those services alone: one process with its own address space, threads
 * that are plain kernel tasks, and the process functions those services call
 * (thread_current, thread_sleep, process_current, process_find, process_count,
 * signal_send_thread) implemented in misc_world.c over that state. */
#ifndef TESTS_UNIT_SERVICES_FUTEX_MISC_WORLD_H
#define TESTS_UNIT_SERVICES_FUTEX_MISC_WORLD_H

#include <ostd/types.h>
#include <abi/siginfo.h>
#include <mm/mm.h>
#include <process/process.h>
#include <process/thread.h>

#define WORLD_PID 100
#define WORLD_MAX_PROCS 4

struct world_proc {
	struct process proc;
	struct mm mm;
	uaddr_t next_va;         /* where world_user_alloc maps next */
};

/* The process of the booted test's first task (pid WORLD_PID, root, an empty fd table),
 * made current for that task. */
struct world_proc *world_init(void);
/* Another process (pid WORLD_PID + n) with its own address space; its threads come from
 * world_thread_spawn. */
struct world_proc *world_proc_new(void);
/* npages fresh zeroed read-write pages of wp's memory: their address. */
uaddr_t world_user_alloc(struct world_proc *wp, size_t npages);
/* Maps the frame behind wp's page at va into other's memory too: other's address. */
uaddr_t world_user_share(struct world_proc *wp, uaddr_t va, struct world_proc *other);
void world_poke32(struct world_proc *wp, uaddr_t va, uint32_t v);
uint32_t world_peek32(struct world_proc *wp, uaddr_t va);
void world_poke(struct world_proc *wp, uaddr_t va, const void *buf, size_t n);
void world_peek(struct world_proc *wp, uaddr_t va, void *buf, size_t n);

/* A new thread of wp running fn(t, arg) as a kernel task, with wp's address space. */
struct thread *world_thread_spawn(struct world_proc *wp, void (*fn)(struct thread *, void *),
				  void *arg);
/* Lets every other runnable task run until it blocks (a few rounds of yields). */
void world_settle(void);
/* Makes t's current and later sleeps end with -EINTR, as a pending signal would. */
void world_interrupt(struct thread *t);

/* The last signal signal_send_thread was asked for (0: none) and its thread and info. */
extern int world_last_signal;
extern struct thread *world_last_signal_thread;
extern ksiginfo_t world_last_siginfo;

#endif
