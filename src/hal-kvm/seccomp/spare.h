/* spare.h: stubs started ahead of need. Exec and start-up of a stub take a millisecond or
 * more; a new address space (a guest fork or exec) takes a stub that has already started
 * and posted READY on slot 0 of its own block, and the next one starts meanwhile.
 * Callers hold seccomp_engine.lock. */
#ifndef HAL_KVM_SECCOMP_SPARE_H
#define HAL_KVM_SECCOMP_SPARE_H

#include <stdbool.h>
#include <sys/types.h>

#define SPARE_MAX 2

struct spare {
	int block;              /* its block of slots, slot 0 prepared for its first thread */
	bool collected;         /* the zygote's reply was read: pid and pidfd are valid */
	pid_t pid;
	int pidfd;
	int statfd;             /* its /proc stat file, or -1 (recycle.h) */
};

/* Requested spares, oldest first (the zygote answers in that order). */
struct spare_queue {
	struct spare q[SPARE_MAX];
	unsigned int head, n;
};

/* Requests spares until SPARE_MAX are on their way; failures are left for spare_take. */
void spare_fill(struct spare_queue *sq);
/* The oldest spare (requested now if there is none), once the zygote has started it;
 * its READY may still be on its way. The queue is filled again before returning.
 * 0, -ENOSPC (no free block) or -ESRCH (no zygote). */
int spare_take(struct spare_queue *sq, struct spare *out);
/* Kills every spare and hands it to the reaper. */
void spare_drain(struct spare_queue *sq);

#endif
