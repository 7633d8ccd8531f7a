/* heap.h: the kernel heap. */
#ifndef OSTD_HEAP_H
#define OSTD_HEAP_H

#include <ostd/types.h>

void *kmalloc(size_t size);
void *kzalloc(size_t size);
/* n * size bytes, zeroed; NULL on overflow or exhaustion. */
void *kcalloc(size_t n, size_t size);
void *krealloc(void *p, size_t size);
void kfree(void *p);
char *kstrdup(const char *s);
char *kstrndup(const char *s, size_t max);

struct heap_stats {
	uint64_t live_objects;   /* allocations not yet freed */
	uint64_t live_bytes;
	uint64_t allocs, frees;  /* cumulative */
};
void heap_stats_get(struct heap_stats *st);

#endif
