/* mm/pagecache.h: the frames a ramfs file's mappings share, kept coherent with its bytes. */
#ifndef SERVICES_MM_PAGECACHE_H
#define SERVICES_MM_PAGECACHE_H

#include <ostd/types.h>

struct frame;
struct inode;

/* A file's cached pages, indexed by page number; NULL slots are not cached. A ramfs file
 * gets one on its first mapping fault. For a cached page the frame is authoritative (a
 * shared mapping writes it behind the kernel's back); inode->data holds the rest. */
struct page_cache {
	struct frame **pages;
	size_t slots;
};

/* The frame holding page index of i, filled from i->data when first cached; no reference
 * is given (the cache keeps one). -ENOMEM. The caller has checked index against i->size. */
int pagecache_get_page(struct inode *i, uint64_t index, struct frame **out);
/* Whether page index of i is cached (resident, as mincore reports it). */
bool pagecache_has_page(const struct inode *i, uint64_t index);
/* Before the kernel reads i->data[off, off + n): copies cached pages' bytes there. */
void pagecache_sync_to_data(struct inode *i, uint64_t off, uint64_t n);
/* After the kernel wrote i->data[off, off + n): copies those bytes into cached pages. */
void pagecache_write_through(struct inode *i, uint64_t off, uint64_t n);
/* The file's size changed from old_size to new_size (data already resized): drops pages
 * wholly past the end and zeroes the partial last page past it, as Linux's truncate. */
void pagecache_resize(struct inode *i, uint64_t old_size, uint64_t new_size);
/* The inode is going: drops every cached page. */
void pagecache_free(struct inode *i);

#endif
