/* ram.h: guest RAM as a memfd shared by the VMM and the engine. */
#ifndef HAL_KVM_RAM_H
#define HAL_KVM_RAM_H

#include <stdint.h>

struct ram {
	int fd;
	void *ram;            /* host mapping: paddr 0 */
	uint64_t ram_bytes;
	void *area;           /* the engine's area, right after RAM in the memfd */
	uint64_t area_bytes;
};

int ram_create(uint64_t ram_bytes, uint64_t area_bytes, struct ram *out);
void ram_destroy(struct ram *r);

#endif
