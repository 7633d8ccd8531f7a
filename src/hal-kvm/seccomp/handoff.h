/* handoff.h: the VMM's side of the control-page protocol with a stub thread: queue
 * address-space operations, hand the CPU over, wait (spin, then futex) for its report. */
#ifndef HAL_KVM_SECCOMP_HANDOFF_H
#define HAL_KVM_SECCOMP_HANDOFF_H

#include "seccomp/seccomp_engine.h"

/* How long a stub gets to answer a command that should be instant (start-up, SYNC, a
 * kick) before it is declared lost and killed. */
#define HANDOFF_GRACE_NS (2000ull * 1000 * 1000)

/* Queues one operation; applies the queue first (SYNC) when it is full. 0 or -ESRCH. */
int handoff_push_op(struct engine_thread *t, uint32_t kind, uint64_t addr, uint64_t len,
		    uint32_t prot, uint64_t offset);
/* Whether the queued operations already map page to pa with host prot (a resync, the
 * fault just handled and the rip/rsp refill often name the same page). */
bool handoff_queued_map(const struct engine_thread *t, uint64_t page, uint64_t pa,
			uint32_t prot);
/* Applies the queued operations now, without entering the guest. 0 or -ESRCH. */
int handoff_sync(struct engine_thread *t);
/* The same, with the stub's SYNCED report in *rep (read once). 0 or -ESRCH. */
int handoff_sync_report(struct engine_thread *t, struct stub_report *rep);
/* The same in two halves: the stub applies the queue while the VMM goes on, and the
 * report is collected later (the caller must not send t another command before). */
void handoff_sync_post(struct engine_thread *t);
int handoff_sync_collect(struct engine_thread *t, struct stub_report *rep);
/* Makes t's parked stub thread exit and waits until the host says it is gone. 0, or
 * -ESRCH when it was not in time (the whole stub is then killed). */
int handoff_exit_thread(struct engine_thread *t);
/* Tells t's stub thread, waiting for a command, to sleep now instead of spinning: the
 * CPU is about to run another context, whose stub needs a host CPU more. */
void handoff_park(struct engine_thread *t);
/* Loads regs and enters the guest (the queued operations first). */
void handoff_enter(struct engine_thread *t, const struct stub_regs *regs);
/* Waits for the stub's next report and copies it to *out (read once, never again).
 * Past deadline_ns it kicks the stub when kick is set, else gives up. 0, or -ESRCH when
 * the stub died or was killed for not answering. */
int handoff_wait(struct engine_thread *t, uint64_t deadline_ns, bool kick,
		 struct stub_report *out);
/* Whether the stub process has exited. */
bool handoff_stub_is_dead(struct engine_space *s);
uint64_t handoff_now_ns(void);

#endif
