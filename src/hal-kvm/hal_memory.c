/* hal_memory.c: the hosted HAL's RAM and heap: a memfd, and the host's malloc. */
#include <stdlib.h>

#include "hal.h"
#include "vmm.h"

void *hal_ram_base(void)
{
	return vmm.ram.ram;
}

uint64_t hal_ram_bytes(void)
{
	return vmm.ram.ram_bytes;
}

/* The host allocator keeps the kernel heap visible to ASan and valgrind. */
void *hal_heap_alloc(size_t size)
{
	return malloc(size);
}

void hal_heap_free(void *p, size_t size)
{
	(void)size;
	free(p);
}
