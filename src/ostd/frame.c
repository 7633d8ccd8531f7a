/* frame.c: the frame allocator over the machine's RAM, [0, hal_ram_bytes()).
 * The lowest free frame is always handed out first. Hosted RAM is a sparse memfd where
 * untouched pages cost nothing, so RAM in use stays packed at the bottom; and frames taken
 * one after another (a fault-around block, a program's first pages) mostly come out
 * physically contiguous and ascending, which lets an engine map them as one run. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>

#include "frame_internal.h"
#include "hal.h"

static struct {
	struct frame *meta;       /* one per frame of RAM, in kernel heap memory */
	uint64_t *used;           /* one bit per frame, set while it is allocated */
	uint64_t nframes;
	uint64_t next_fresh;      /* frames below it have been used at least once */
	uint64_t lowest_free;     /* no frame below it is free */
	struct frame_stats stats;
} frames;

int frame_system_init(void)
{
	uint64_t n = hal_ram_bytes() / PAGE_SIZE;

	/* Frame numbers are 32 bits wide in the metadata; FRAME_NONE is reserved. */
	if (n >= FRAME_NONE)
		n = FRAME_NONE - 1;
	/* Not zeroed: an entry is written when its frame is first handed out, so the table
	 * costs host memory only for the RAM in use, as RAM itself does. */
	frames.meta = kmalloc((n ? n : 1) * sizeof(*frames.meta));
	if (!frames.meta)
		return -ENOMEM;
	frames.used = kzalloc((n / 64 + 1) * sizeof(*frames.used));
	if (!frames.used) {
		kfree(frames.meta);
		frames.meta = NULL;
		return -ENOMEM;
	}
	frames.nframes = n;
	frames.next_fresh = 0;
	frames.lowest_free = 0;
	frames.stats = (struct frame_stats){ .total = n, .free = n };
	return 0;
}

void frame_system_fini(void)
{
	kfree(frames.meta);
	kfree(frames.used);
	frames.meta = NULL;
	frames.used = NULL;
	frames.nframes = 0;
}

uint32_t frame_pfn(const struct frame *f)
{
	return (uint32_t)(f - frames.meta);
}

/* Invariant: a handle passed in by a caller is an allocated frame of the table. */
static void frame_check(const struct frame *f)
{
	OSTD_ASSERT(f >= frames.meta && f < frames.meta + frames.next_fresh);
	OSTD_ASSERT(f->refcount > 0);
}

void *frame_kaddr(const struct frame *f)
{
	/* SAFETY: f is a frame of the table, so its page lies inside RAM. */
	return (char *)hal_ram_base() + (uint64_t)frame_pfn(f) * PAGE_SIZE;
}

/* The lowest free frame, marked used; NULL when RAM is full. Every frame below
 * lowest_free is in use, so the scan starts there and moves it on. */
static struct frame *frame_take(void)
{
	uint64_t w, pfn, free_bits;

	for (w = frames.lowest_free / 64; w <= frames.nframes / 64; w++) {
		free_bits = ~frames.used[w];
		if (w == frames.lowest_free / 64)
			free_bits &= ~0ull << (frames.lowest_free % 64);
		if (!free_bits)
			continue;
		pfn = w * 64 + (uint64_t)__builtin_ctzll(free_bits);
		if (pfn >= frames.nframes)
			break;
		frames.used[w] |= 1ull << (pfn % 64);
		frames.lowest_free = pfn + 1;
		/* Lowest first: a fresh frame is taken only when none below it is free. */
		if (pfn == frames.next_fresh)
			frames.next_fresh++;
		return &frames.meta[pfn];
	}
	frames.lowest_free = frames.nframes;
	return NULL;
}

/* Invariant: the frame returned is zeroed and owned by the caller alone (refcount 1). */
struct frame *frame_alloc(enum frame_usage usage)
{
	struct frame *f;

	OSTD_ASSERT((unsigned int)usage < FRAME_USAGE_COUNT);
	f = frame_take();
	if (!f)
		return NULL;
	*f = (struct frame){ .refcount = 1, .usage = (uint8_t)usage, .pt_next = FRAME_NONE };
	/* Zero on every hand-out: RAM is reachable by guests, so a freed page may have been
	 * written after it was freed. */
	memset(frame_kaddr(f), 0, PAGE_SIZE);
	frames.stats.free--;
	frames.stats.in_use[usage]++;
	frames.stats.allocs++;
	return f;
}

/* Invariant: a reference is only ever added to a frame that is already allocated. */
void frame_get(struct frame *f)
{
	frame_check(f);
	OSTD_ASSERT(f->refcount < UINT32_MAX);
	f->refcount++;
}

/* Invariant: a frame returns to the free list exactly once, when its last reference goes. */
void frame_put(struct frame *f)
{
	uint32_t pfn;

	frame_check(f);
	if (--f->refcount)
		return;
	pfn = frame_pfn(f);
	frames.stats.free++;
	frames.stats.in_use[f->usage]--;
	frames.stats.frees++;
	*f = (struct frame){ .pt_next = FRAME_NONE };
	frames.used[pfn / 64] &= ~(1ull << (pfn % 64));
	if (pfn < frames.lowest_free)
		frames.lowest_free = pfn;
}

unsigned int frame_refcount(const struct frame *f)
{
	frame_check(f);
	return f->refcount;
}

paddr_t frame_paddr(const struct frame *f)
{
	frame_check(f);
	return (paddr_t)frame_pfn(f) * PAGE_SIZE;
}

struct frame *frame_from_pfn(uint64_t pfn)
{
	if (!frames.meta || pfn >= frames.next_fresh || !frames.meta[pfn].refcount)
		return NULL;
	return &frames.meta[pfn];
}

/* Invariant: only an allocated frame inside RAM is returned, whatever pa is. */
struct frame *frame_from_paddr(paddr_t pa)
{
	return frame_from_pfn(pa / PAGE_SIZE);
}

static bool frame_range_ok(size_t off, size_t n)
{
	return off <= PAGE_SIZE && n <= PAGE_SIZE - off;
}

/* Invariant: touches only bytes of f's own page. */
int frame_read(const struct frame *f, size_t off, void *buf, size_t n)
{
	frame_check(f);
	if (!frame_range_ok(off, n))
		return -EINVAL;
	memcpy(buf, (char *)frame_kaddr(f) + off, n);
	return 0;
}

/* Invariant: touches only bytes of f's own page. */
int frame_write(struct frame *f, size_t off, const void *buf, size_t n)
{
	frame_check(f);
	if (!frame_range_ok(off, n))
		return -EINVAL;
	memcpy((char *)frame_kaddr(f) + off, buf, n);
	return 0;
}

/* Invariant: touches only bytes of f's own page. */
int frame_fill(struct frame *f, size_t off, int byte, size_t n)
{
	frame_check(f);
	if (!frame_range_ok(off, n))
		return -EINVAL;
	memset((char *)frame_kaddr(f) + off, byte, n);
	return 0;
}

/* Invariant: copies exactly one page between two allocated frames. */
void frame_copy(struct frame *dst, const struct frame *src)
{
	frame_check(dst);
	frame_check(src);
	if (dst != src)
		memcpy(frame_kaddr(dst), frame_kaddr(src), PAGE_SIZE);
}

void frame_stats_get(struct frame_stats *st)
{
	*st = frames.stats;
}
