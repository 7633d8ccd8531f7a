/* kvm_engine.h: the KVM engine's shared state: one VM with one vCPU (OSTD has one
 * virtual CPU, and one user context runs at a time), run on the CPU thread.
 *
 * Choices and limits:
 * - The guest's page tables ARE OSTD's (x86-64 tables in RAM, paddr == GPA); every root
 *   gets the engine's kernel half in PML4 slot 511 (supervisor-only: GDT, IDT, TSS, stub,
 *   ring-0 stack). Nothing is filled or mirrored: a #PF goes to the services as it is.
 * - CR3 is loaded by the guest itself (the stub's CR3 entry, one extra exit) whenever the
 *   space changes or OSTD flushed the current one: a real CR3 write flushes the TLB
 *   whatever the host's MMU does for KVM_SET_SREGS. No PCID, no global pages (yet).
 * - A syscall costs one KVM_RUN: registers go both ways through KVM_CAP_SYNC_REGS (regs
 *   and sregs, as the return to user sets CS/SS; sysretq is never executed).
 * - FP state: the vCPU holds the state of the context that ran last; another context's
 *   run saves it (KVM_GET_XSAVE) and loads its own (KVM_SET_XSAVE). Never per syscall.
 * - The kick: a POSIX timer on the CPU thread at the run's deadline whose signal handler
 *   sets kvm_run.immediate_exit; KVM_RUN then ends with EINTR (a spurious INTERRUPTED
 *   when the signal lands just after a normal exit). */
#ifndef HAL_KVM_KVM_KVM_ENGINE_H
#define HAL_KVM_KVM_KVM_ENGINE_H

#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "engine.h"
#include "kvm/kvm_vm.h"
#include "seccomp/fpstate.h"

#define KVM_USER_START 0x10000ull
#define KVM_USER_END   0x7ffffffff000ull

struct engine_space {
	struct vmspace *vs;
	uint64_t root;              /* its PML4's paddr: CR3 */
};

struct engine_thread {
	struct kvm_xsave *xsave;    /* its FP state while another context holds the vCPU's */
};

struct kvm_engine {
	bool up;
	struct engine_config cfg;
	struct kvm_vm vm;
	struct fp_layout fp;        /* the signal-frame image; size 0 without XSAVE */
	struct engine_thread *fp_owner;   /* whose FP state the vCPU holds; NULL: nobody's */
	struct engine_space *cr3_space;   /* whose root CR3 holds, TLB clean; NULL: none */
	pthread_t cpu_thread;       /* the thread that set up the timer: runs happen there */
	timer_t timer;
	bool timer_up;
	uint64_t armed_ns;          /* the deadline the timer is set to (0: none) */
};

extern struct kvm_engine kvm_engine;
extern const struct engine_ops kvm_engine_ops;

/* kvm_space.c */
int kvm_space_create(struct vmspace *vs, struct engine_space **out);
void kvm_space_destroy(struct engine_space *s);
void kvm_space_flush(struct engine_space *s, uaddr_t va, size_t len);

/* kvm_run.c */
enum user_return kvm_run(struct engine_space *s, struct user_context *ctx,
			 uint64_t deadline_ns);

/* kvm_kick.c: the timer that preempts a running guest. 0 or a negative errno. */
int kvm_kick_init(char *why, size_t why_len);
void kvm_kick_fini(void);
/* Makes the timer fire at deadline_ns (UINT64_MAX: never); no syscall when unchanged. */
void kvm_kick_arm(uint64_t deadline_ns);

/* kvm_fp.c */
int kvm_fp_init(char *why, size_t why_len);
/* The context's engine state, made with the initial FP image when it has none. */
struct engine_thread *kvm_thread_get(struct user_context *ctx);
void kvm_thread_release(struct engine_thread *t);
/* Makes the vCPU hold t's FP state. 0, or -EIO. */
int kvm_fp_switch(struct engine_thread *t);
size_t kvm_fpstate_size(void);
ssize_t kvm_fpstate_get(struct user_context *ctx, void *buf, size_t len);
int kvm_fpstate_set(struct user_context *ctx, const void *buf, size_t len);
void kvm_fpstate_reset(struct user_context *ctx);
/* Pure conversions between the signal-frame image (layout l) and KVM's XSAVE area. */
void kvm_fp_to_frame(const struct fp_layout *l, const struct kvm_xsave *x, void *img);
void kvm_fp_from_frame(const struct fp_layout *l, const void *img, struct kvm_xsave *x);

/* The vCPU's fd while the engine is up, else -1: the sandbox allows its ioctls. */
int kvm_engine_vcpu_fd(void);

#endif
