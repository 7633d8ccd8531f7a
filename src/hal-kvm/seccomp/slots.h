/* slots.h: control-page slots in the engine area of the memfd, one per stub thread. */
#ifndef HAL_KVM_SECCOMP_SLOTS_H
#define HAL_KVM_SECCOMP_SLOTS_H

#include <stdint.h>

#define SLOT_MAX 4096

struct slot_map {
	unsigned int count;
	uint64_t used[SLOT_MAX / 64];
};

/* Sets up count slots (clamped to SLOT_MAX), all free. */
void slots_init(struct slot_map *m, unsigned int count);
/* A free slot's index, or -ENOSPC. */
int slots_alloc(struct slot_map *m);
void slots_free(struct slot_map *m, int slot);

#endif
