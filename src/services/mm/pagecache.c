/* mm/pagecache.c: the frames that file mappings share, filled from and kept coherent with
 * a ramfs file's bytes. Files never mapped have no cache and pay nothing. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <fs/inode.h>
#include <mm/mm.h>
#include <mm/pagecache.h>

/* Makes room for slot index; grows geometrically so a file mapped page by page is not
 * quadratic. */
static int pagecache_reserve(struct page_cache *pc, uint64_t index)
{
	size_t slots;
	struct frame **pages;

	if (index < pc->slots)
		return 0;
	slots = MAX((size_t)index + 1, MAX(pc->slots * 2, (size_t)16));
	pages = krealloc(pc->pages, slots * sizeof(*pages));
	if (!pages)
		return -ENOMEM;
	memset(pages + pc->slots, 0, (slots - pc->slots) * sizeof(*pages));
	pc->pages = pages;
	pc->slots = slots;
	return 0;
}

static struct frame *pagecache_lookup(const struct inode *i, uint64_t index)
{
	const struct page_cache *pc = i->cache;

	return pc && index < pc->slots ? pc->pages[index] : NULL;
}

bool pagecache_has_page(const struct inode *i, uint64_t index)
{
	return pagecache_lookup(i, index) != NULL;
}

int pagecache_get_page(struct inode *i, uint64_t index, struct frame **out)
{
	uint64_t off = index << PAGE_SHIFT;
	struct frame *f = pagecache_lookup(i, index);
	int err;

	if (f) {
		*out = f;
		return 0;
	}
	if (!i->cache) {
		i->cache = kzalloc(sizeof(*i->cache));
		if (!i->cache)
			return -ENOMEM;
	}
	err = pagecache_reserve(i->cache, index);
	if (err)
		return err;
	f = frame_alloc(FRAME_USER);
	if (!f)
		return -ENOMEM;
	/* Past the end the frame stays zero, as Linux's last partial page reads. */
	if (off < i->size)
		frame_write(f, 0, i->data + off, (size_t)MIN(i->size - off, (uint64_t)PAGE_SIZE));
	i->cache->pages[index] = f;
	*out = f;
	return 0;
}

/* Calls fn on each cached page meeting [off, off + n) with the part inside it. */
static void pagecache_each(struct inode *i, uint64_t off, uint64_t n,
			   void (*fn)(struct inode *i, struct frame *f, uint64_t off, size_t k))
{
	uint64_t end = off + n, at;

	if (!i->cache || n == 0 || end < off)
		return;
	for (at = off; at < end; at = ALIGN_DOWN(at, PAGE_SIZE) + PAGE_SIZE) {
		struct frame *f = pagecache_lookup(i, at >> PAGE_SHIFT);
		uint64_t stop = MIN(end, ALIGN_DOWN(at, PAGE_SIZE) + PAGE_SIZE);

		if (f)
			fn(i, f, at, (size_t)(stop - at));
	}
}

static void page_to_data(struct inode *i, struct frame *f, uint64_t off, size_t k)
{
	frame_read(f, off & (PAGE_SIZE - 1), i->data + off, k);
}

static void data_to_page(struct inode *i, struct frame *f, uint64_t off, size_t k)
{
	frame_write(f, off & (PAGE_SIZE - 1), i->data + off, k);
}

void pagecache_sync_to_data(struct inode *i, uint64_t off, uint64_t n)
{
	if (off < i->size)
		pagecache_each(i, off, MIN(n, i->size - off), page_to_data);
}

void pagecache_write_through(struct inode *i, uint64_t off, uint64_t n)
{
	if (off < i->size)
		pagecache_each(i, off, MIN(n, i->size - off), data_to_page);
}

void pagecache_resize(struct inode *i, uint64_t old_size, uint64_t new_size)
{
	struct page_cache *pc = i->cache;
	uint64_t keep = ALIGN_UP(new_size, PAGE_SIZE) >> PAGE_SHIFT, k;
	struct frame *last;

	if (!pc)
		return;
	/* Pages mapped past the new end go from every mapping first (their next touch is
	 * SIGBUS); a page dropped here then lives only as long as a private copy of it. */
	if (new_size < old_size)
		mm_file_truncated(i, new_size);
	for (k = keep; k < pc->slots; k++) {
		if (pc->pages[k])
			frame_put(pc->pages[k]);
		pc->pages[k] = NULL;
	}
	/* Bytes a mapping wrote past the old end must not show through the new size. */
	last = pagecache_lookup(i, new_size >> PAGE_SHIFT);
	if (last && (new_size & (PAGE_SIZE - 1)) && new_size <= old_size)
		frame_fill(last, new_size & (PAGE_SIZE - 1), 0, PAGE_SIZE - (new_size & (PAGE_SIZE - 1)));
	if (new_size > old_size)
		pagecache_write_through(i, old_size, new_size - old_size);
}

void pagecache_free(struct inode *i)
{
	struct page_cache *pc = i->cache;
	size_t k;

	if (!pc)
		return;
	for (k = 0; k < pc->slots; k++)
		if (pc->pages[k])
			frame_put(pc->pages[k]);
	kfree(pc->pages);
	kfree(pc);
	i->cache = NULL;
}
