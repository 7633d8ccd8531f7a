/* seccomp_engine.h: the seccomp engine's shared state: the process-wide engine, one
 * engine_space per guest address space (one stub process), one engine_thread per user
 * context (one stub thread with its control page).
 *
 * Choices and limits:
 * - Up to STUB_MAX_THREADS stub threads per space, one per user context that runs in it.
 *   Each stub process owns one block of slots (control page + FP area per thread) in the
 *   engine area for as long as it may exist, so a slot is never shared with another
 *   space's stub; the engine area bounds the number of live spaces (64 MiB: 85, less the
 *   spares and the stubs still dying).
 * - Speed of fork: a space's first stub is the stub of a process that ended cleanly, kept
 *   for reuse (recycle.h), or else a spare (spare.h), started ahead of need with its own
 *   block, which the space adopts. A stub that is not kept is sent SIGKILL and handed to
 *   the reaper (reaper.h); its block is reused only once the process is gone.
 * - A new context in a running space gets a new stub thread: a parked thread of the space
 *   clones it (STUB_OP_CLONE_THREAD, run with a SYNC). A released context's stub thread
 *   exits (STUB_OP_EXIT_THREAD) and its index is reused only once the host cleared its
 *   tid_word (CLONE_CHILD_CLEARTID / set_tid_address), i.e. it no longer touches the
 *   stub's memory; if it does not in time, the whole space is killed. The last thread's
 *   release ends the stub process (or keeps it for reuse), and a later context starts
 *   another.
 * - FP state: the guest's lives in the parked stub thread's signal frame. Reading it costs
 *   one SYNC round trip (STUB_OP_SAVE_FP), and only when asked (a fork or a self-signal's
 *   report brings it along); an image set by the kernel is checked here, kept in the VMM
 *   and loaded (STUB_OP_LOAD_FP) with the next run.
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
#include "seccomp/fpstate.h"
#include "seccomp/reaper.h"
#include "seccomp/recycle.h"
#include "seccomp/slots.h"
#include "seccomp/spare.h"
#include "seccomp/zygote.h"

#define SECCOMP_FLUSH_MAX 8

struct engine_space {
	struct vmspace *vs;
	struct engine_space *next;          /* in seccomp_engine.spaces */
	pid_t pid;                          /* the stub process, once started */
	int pidfd;
	int statfd;                         /* its /proc stat file, or -1 (recycle.h) */
	bool started;
	bool dead;                          /* the stub is gone: every run is LOST */
	int block;                          /* its stub's block of slots; -1 without a stub */
	struct engine_thread *threads[STUB_MAX_THREADS];   /* by stub thread index */
	unsigned int nthreads;
	/* OSTD's flushes not yet applied by the stub. */
	uaddr_t flush_lo[SECCOMP_FLUSH_MAX], flush_hi[SECCOMP_FLUSH_MAX];
	unsigned int nflush;
	/* Bounds of everything ever filled: flushes outside it are no-ops. */
	uaddr_t tlb_lo, tlb_hi;
	bool prefill_pending;               /* a fresh stub: map what the table has first */
	bool recycled;                      /* its stub served an earlier space (recycle.h) */
};

struct engine_thread {
	struct engine_space *space;         /* NULL: not bound to a space (yet, or any more) */
	bool lost;                          /* its space died under it: its FP state is gone */
	int index;                          /* its stub thread's index in space; -1 unbound */
	struct stub_ctl *ctl;               /* host view of the control page (guest-writable) */
	uint8_t *fp_area;                   /* host view of the FP area (guest-writable) */
	/* The FP image the context resumes with, loaded before its next run (set, reset). */
	uint8_t *fp_pending;
	bool fp_has_pending;
	/* The FP area holds the parked thread's image (saved with its report or by a SYNC);
	 * true until the next command. */
	bool fp_saved;
	unsigned int nops;                  /* ops queued in ctl; never read back from ctl */
	struct stub_op queued[STUB_MAX_OPS];   /* the VMM's own copy of those ops */
	uint64_t last_fill_va;              /* the page filled last, to stop fill loops */
	/* The page fault last handed to the services, filled before the next run. */
	bool pf_pending;
	uint64_t pf_va, pf_err;
	/* What flushes took away since rip and rsp were last filled: the next run fills
	 * them again only when they lie in it. */
	uaddr_t stale_lo, stale_hi;
	unsigned long page_faults;          /* reported by its stub thread: tests, statistics */
	unsigned int fill_repeats;
	/* Adaptive spinning: halved when a spin ends in sleep anyway (the other side did
	 * not get a CPU in time, e.g. on a loaded host), regrown when it pays. */
	uint64_t spin_ns;                   /* the VMM's current budget */
	uint32_t stub_spin_iters;           /* the stub's, told through the control page */
	unsigned int spin_probe;            /* handoffs since the last reset to full */
	bool parked;                        /* told to stop spinning (handoff_park) */
};

struct seccomp_engine {
	bool up;
	struct engine_config cfg;
	int stub_fd;                        /* the sealed memfd holding the stub image */
	struct zygote zygote;
	pthread_mutex_t lock;               /* slots, zygote, spares, reaper, the space list */
	struct slot_map slots;              /* blocks of STUB_BLOCK_BYTES in the engine area */
	struct spare_queue spares;
	struct recycle_pool recycled;       /* stubs of ended processes, kept for reuse */
	struct reaper reaper;
	struct fp_layout fp;                /* the host's signal-frame FP image */
	struct engine_space *spaces;
	uint64_t spin_ns;                   /* how long the VMM spins before sleeping */
	uint32_t stub_spin_iters;
	/* The context that ran last on the (one) CPU: parked when another one runs. */
	struct engine_thread *last_run;
};

extern struct seccomp_engine seccomp_engine;

/* space.c */
int seccomp_space_create(struct vmspace *vs, struct engine_space **out);
void seccomp_space_destroy(struct engine_space *s);
void seccomp_space_flush(struct engine_space *s, uaddr_t va, size_t len);
/* Sends s's stub (if any) SIGKILL: every later run of s is LOST. s keeps its block. */
void seccomp_space_kill(struct engine_space *s);
/* Kills s's stub (if any) and hands it, with its block, to the reaper; s has none then. */
void seccomp_space_bury(struct engine_space *s);
/* After its stub ended with no thread left: s may start a fresh stub later. */
void seccomp_space_reset(struct engine_space *s);
/* Gives s (not started) a stub process, with its block, whose first thread is to be
 * placed at index 0: a recycled stub (s->recycled: that thread is parked already), or a
 * spare (it reports READY). 0 or a negative errno. */
int seccomp_space_start_stub(struct engine_space *s);
/* Keeps s's stub for reuse instead of killing it, when t (index 0) is its only thread,
 * parked, and the host agrees; s then has no stub. Whether it did. */
bool seccomp_space_recycle(struct engine_space *s, struct engine_thread *t);
/* Host view of slot index of s's block. */
struct stub_ctl *seccomp_space_ctl(struct engine_space *s, unsigned int index);
/* Turns the pending flushes into munmap operations for t's stub. 0 or -ESRCH. */
int seccomp_space_apply_flushes(struct engine_space *s, struct engine_thread *t);

/* thread.c */
/* The context's engine state, allocated unbound when it has none; NULL on ENOMEM. */
struct engine_thread *seccomp_thread_get(struct user_context *ctx);
/* The context's stub thread in s, started on first use (a context bound to another space
 * leaves it); NULL when it cannot be had. */
struct engine_thread *seccomp_thread_bind(struct engine_space *s, struct user_context *ctx);
/* Ends t's stub thread (when it has one) and frees t. */
void seccomp_thread_release(struct engine_thread *t);
/* Ends t's stub thread and leaves its space; t keeps its pending FP image. */
void seccomp_thread_detach(struct engine_thread *t);

/* fp.c: the engine's FP operations (engine.h). */
size_t seccomp_fpstate_size(void);
ssize_t seccomp_fpstate_get(struct user_context *ctx, void *buf, size_t len);
int seccomp_fpstate_set(struct user_context *ctx, const void *buf, size_t len);
void seccomp_fpstate_reset(struct user_context *ctx);
/* Queues the pending FP image of t (bound, started) for loading. 0 or -ESRCH. */
int seccomp_fp_apply_pending(struct engine_thread *t);
/* Makes the initial image t's pending one unless it has one: a recycled stub's frame
 * holds an earlier process's state. */
void seccomp_fp_pending_default(struct engine_thread *t);

/* tlb.c: fills the stub's mapping of fault address va from OSTD's page table, queuing
 * mmap operations; 0 when filled, -EFAULT when the services must see the fault. */
int seccomp_tlb_fill(struct engine_thread *t, uint64_t va, uint64_t err);
/* Makes the stub's mappings of [lo, hi) match the page table (see tlb.c). 0 or -ESRCH. */
int seccomp_tlb_resync(struct engine_thread *t, uaddr_t lo, uaddr_t hi, bool unmap_gaps);
/* Queues munmaps of [va, end) in chunks the filter accepts. 0 or -ESRCH. */
int seccomp_space_unmap(struct engine_thread *t, uaddr_t va, uaddr_t end);

/* run.c */
enum user_return seccomp_run(struct engine_space *s, struct user_context *ctx,
			     uint64_t deadline_ns);

#endif
