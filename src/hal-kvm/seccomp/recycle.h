/* recycle.h: stubs kept for the next address space. Starting a stub (the zygote's clone
 * and exec, the loader, the filter's JIT) and tearing one down cost about 2 ms of host CPU
 * each on our 2-core hosts, more than everything else in a guest fork. So when a process
 * ends cleanly, its stub is kept with its block: one stub thread, parked in its handler,
 * which the host confirms is the stub's only thread (a guest that jumped to the stub's
 * clone instruction made more, and such a stub is killed as before). The process's pages
 * are unmapped from it at once, in the background; the next space takes it and collects
 * that report before its first command. The guest processes a stub serves one after
 * another could already reach each other's RAM (DESIGN.md's isolation limit); nothing of
 * the host is shared more than before. Callers hold seccomp_engine.lock. */
#ifndef HAL_KVM_SECCOMP_RECYCLE_H
#define HAL_KVM_SECCOMP_RECYCLE_H

#include <stdbool.h>

#include "seccomp/spare.h"

#define RECYCLE_MAX 2

/* Kept stubs are spares whose thread 0 is parked in the handler (not waiting to post
 * READY). */
struct recycle_pool {
	struct spare q[RECYCLE_MAX];
	unsigned int n;
};

/* The number of threads statfd's process has (its /proc stat file), or -1. */
int recycle_host_threads(int statfd);
/* Keeps st when the pool has room; false leaves it to the caller. */
bool recycle_put(struct recycle_pool *p, const struct spare *st);
/* The stub kept last, if any. */
bool recycle_take(struct recycle_pool *p, struct spare *out);
/* Kills every kept stub and hands it to the reaper. */
void recycle_drain(struct recycle_pool *p);

#endif
