/* frame.h: reference-counted page frames of the machine's RAM, and their usage counters. */
#ifndef OSTD_FRAME_H
#define OSTD_FRAME_H

#include <ostd/types.h>

struct frame;   /* opaque handle: one per page of RAM */

/* What a frame is used for; counted apart so leaks and copy-on-write can be measured. */
enum frame_usage {
	FRAME_USER,       /* data mapped (or mappable) into user space */
	FRAME_PAGETABLE,  /* a page-table page */
	FRAME_KERNEL,     /* kernel data kept in RAM (page cache, engine areas) */
	FRAME_USAGE_COUNT,
};

/* Returns a zeroed frame holding one reference, or NULL when RAM is exhausted. */
struct frame *frame_alloc(enum frame_usage usage);
/* Takes one more reference on f. */
void frame_get(struct frame *f);
/* Drops one reference; the last one frees the frame. */
void frame_put(struct frame *f);
unsigned int frame_refcount(const struct frame *f);
paddr_t frame_paddr(const struct frame *f);
/* The frame at pa, or NULL when pa is not an allocated frame of RAM. No reference is taken. */
struct frame *frame_from_paddr(paddr_t pa);

/* Bounds-checked access to a frame's bytes: -EINVAL when off + n passes the page end. */
int frame_read(const struct frame *f, size_t off, void *buf, size_t n);
int frame_write(struct frame *f, size_t off, const void *buf, size_t n);
int frame_fill(struct frame *f, size_t off, int byte, size_t n);
void frame_copy(struct frame *dst, const struct frame *src);

struct frame_stats {
	uint64_t total;                        /* frames of RAM */
	uint64_t free;
	uint64_t in_use[FRAME_USAGE_COUNT];    /* allocated frames by usage */
	uint64_t allocs, frees;                /* cumulative */
};
void frame_stats_get(struct frame_stats *st);

#endif
