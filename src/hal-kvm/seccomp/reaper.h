/* reaper.h: killed stubs on their way out. A stub is sent SIGKILL and forgotten at once,
 * so destroying an address space does not wait for its exit; its block of slots returns
 * to the pool only once its pidfd says the whole process is gone (until then it still
 * maps the block and could write it). Callers hold seccomp_engine.lock. */
#ifndef HAL_KVM_SECCOMP_REAPER_H
#define HAL_KVM_SECCOMP_REAPER_H

#include <stdbool.h>

#include "seccomp/slots.h"

struct reaper_entry {
	int pidfd;
	int block;              /* -1: none */
};

struct reaper {
	struct reaper_entry e[SLOT_MAX];    /* each holds a distinct block: never more */
	unsigned int n;
};

/* Kills the stub behind pidfd and takes over pidfd and block (may be -1). */
void reaper_add(struct reaper *r, struct slot_map *slots, int pidfd, int block);
/* Frees what belongs to stubs that are gone, without waiting. */
void reaper_collect(struct reaper *r, struct slot_map *slots);
/* Waits up to timeout_ms for one of the stubs to go, then collects; true when something
 * was freed. */
bool reaper_wait_one(struct reaper *r, struct slot_map *slots, int timeout_ms);
/* Waits up to timeout_ms for every stub to go. What is left then is closed, and its
 * blocks stay out of use for good. */
void reaper_wait_all(struct reaper *r, struct slot_map *slots, int timeout_ms);

#endif
