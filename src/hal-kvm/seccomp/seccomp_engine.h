/* seccomp_engine.h: the seccomp engine's shared state: the process-wide engine, one
 * engine_space per guest address space (one stub process), one engine_thread per user
 * context (one stub thread with its control page).
 *
 * Choices and limits (v0):
 * - One stub thread per space: a second context running in a space that already has one
 *   gets USER_RETURN_LOST. The control-page layout (STUB_CTL_BASE + i * page, one
 *   alternate stack per thread) is ready for more.
 * - W+X pages are never W+X on the host: see tlb.c.
 * - The guest can reach the stub's syscall instruction and its control page. The filter
 *   keeps the host safe; the VMM copies each report once and validates it; the worst a
 *   guest gets is LOST (its stub killed), or a spurious INTERRUPTED when a kick races a
 *   trap. It can map any RAM page (and up to 4 GiB past RAM's end) through the stub: the
 *   isolation limit between guest processes that DESIGN.md states.
 * - The stub sets the FS base with arch_prctl only when the kernel changed it; a guest
 *   that writes it itself (wrfsbase) is not noticed. */
#ifndef HAL_KVM_SECCOMP_ENGINE_H
#define HAL_KVM_SECCOMP_ENGINE_H

#include <pthread.h>
#include <sys/types.h>

#include "engine.h"
#include "stub/stub_abi.h"
#include "seccomp/slots.h"
#include "seccomp/zygote.h"

#define SECCOMP_FLUSH_MAX 8

struct engine_space {
	struct vmspace *vs;
	struct engine_space *next;          /* in seccomp_engine.spaces */
	pid_t pid;                          /* the stub process, once started */
	int pidfd;
	bool started;
	bool dead;                          /* the stub is gone: every run is LOST */
	struct engine_thread *thread;       /* v0: one stub thread per process */
	/* OSTD's flushes not yet applied by the stub. */
	uaddr_t flush_lo[SECCOMP_FLUSH_MAX], flush_hi[SECCOMP_FLUSH_MAX];
	unsigned int nflush;
	/* Bounds of everything ever filled: flushes outside it are no-ops. */
	uaddr_t tlb_lo, tlb_hi;
};

struct engine_thread {
	struct engine_space *space;         /* NULL once the space is gone */
	int slot;
	struct stub_ctl *ctl;               /* host view of the control page (guest-writable) */
	unsigned int nops;                  /* ops queued in ctl; never read back from ctl */
	uint64_t last_fill_va;              /* the page filled last, to stop fill loops */
	unsigned int fill_repeats;
	/* Adaptive spinning: halved when a spin ends in sleep anyway (the other side did
	 * not get a CPU in time, e.g. on a loaded host), regrown when it pays. */
	uint64_t spin_ns;                   /* the VMM's current budget */
	uint32_t stub_spin_iters;           /* the stub's, told through the control page */
	unsigned int spin_probe;            /* handoffs since the last reset to full */
};

struct seccomp_engine {
	bool up;
	struct engine_config cfg;
	int stub_fd;                        /* the sealed memfd holding the stub image */
	struct zygote zygote;
	pthread_mutex_t lock;               /* slots, zygote requests, the space list */
	struct slot_map slots;
	struct engine_space *spaces;
	uint64_t spin_ns;                   /* how long the VMM spins before sleeping */
	uint32_t stub_spin_iters;
};

extern struct seccomp_engine seccomp_engine;

/* space.c */
int seccomp_space_create(struct vmspace *vs, struct engine_space **out);
void seccomp_space_destroy(struct engine_space *s);
void seccomp_space_flush(struct engine_space *s, uaddr_t va, size_t len);
void seccomp_thread_release(struct engine_thread *t);
/* The context's stub thread in s, started on first use; NULL when it cannot be had. */
struct engine_thread *seccomp_thread_bind(struct engine_space *s, struct user_context *ctx);
/* Kills s's stub (if any) and waits until it is gone. */
void seccomp_space_kill(struct engine_space *s);
/* Turns the pending flushes into munmap operations for t's stub. 0 or -ESRCH. */
int seccomp_space_apply_flushes(struct engine_space *s, struct engine_thread *t);

/* tlb.c: fills the stub's mapping of fault address va from OSTD's page table, queuing
 * mmap operations; 0 when filled, -EFAULT when the services must see the fault. */
int seccomp_tlb_fill(struct engine_thread *t, uint64_t va, uint64_t err);

/* run.c */
enum user_return seccomp_run(struct engine_space *s, struct user_context *ctx,
			     uint64_t deadline_ns);

#endif
