/* heap.c: the kernel heap over the HAL's allocator, with exact live counters. */
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>

#include "hal.h"

/* Kept before each block so kfree can hand the size back to the HAL and the counters stay
 * exact; 16 bytes keep the block as aligned as the HAL's own. */
struct heap_header {
	uint64_t size;
	uint64_t magic;
};

#define HEAP_MAGIC 0x6b65656c68656170ull   /* "keelheap" */

static struct heap_stats heap_stats;

/* Invariant: every block returned carries a header whose size is the caller's size. */
void *kmalloc(size_t size)
{
	struct heap_header *h;

	if (size > SIZE_MAX - sizeof(*h))
		return NULL;
	h = hal_heap_alloc(sizeof(*h) + size);
	if (!h)
		return NULL;
	h->size = size;
	h->magic = HEAP_MAGIC;
	heap_stats.live_objects++;
	heap_stats.live_bytes += size;
	heap_stats.allocs++;
	return h + 1;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void *kcalloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kzalloc(n * size);
}

static struct heap_header *heap_header_of(void *p)
{
	struct heap_header *h = (struct heap_header *)p - 1;

	/* A bad pointer here is a kernel bug: stop before the HAL frees garbage. */
	OSTD_ASSERT(h->magic == HEAP_MAGIC);
	return h;
}

/* Invariant: the counters drop by exactly what kmalloc added for p. */
void kfree(void *p)
{
	struct heap_header *h;

	if (!p)
		return;
	h = heap_header_of(p);
	heap_stats.live_objects--;
	heap_stats.live_bytes -= h->size;
	heap_stats.frees++;
	h->magic = 0;
	hal_heap_free(h, sizeof(*h) + h->size);
}

/* Returns p resized (contents kept up to the smaller size), or NULL with p untouched;
 * size 0 frees p and returns NULL. */
void *krealloc(void *p, size_t size)
{
	void *q;
	size_t old;

	if (!p)
		return kmalloc(size);
	if (!size) {
		kfree(p);
		return NULL;
	}
	old = heap_header_of(p)->size;
	q = kmalloc(size);
	if (!q)
		return NULL;
	memcpy(q, p, old < size ? old : size);
	kfree(p);
	return q;
}

static char *heap_dup(const char *s, size_t n)
{
	char *d = kmalloc(n + 1);

	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *kstrndup(const char *s, size_t max)
{
	return heap_dup(s, strnlen(s, max));
}

char *kstrdup(const char *s)
{
	return heap_dup(s, strlen(s));
}

void heap_stats_get(struct heap_stats *st)
{
	*st = heap_stats;
}
