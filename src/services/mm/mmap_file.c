/* mm/mmap_file.c: mappings of ramfs files through the page cache: the checks at mmap,
 * and the fault that maps a file's page (shared, or private until first written). */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/vmspace.h>
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/ramfs.h>
#include <mm/mm.h>
#include <mm/pagecache.h>

/* How many pages a read fault maps at once: faults are dear under the seccomp engine, and
 * a program reading a file mapping usually reads on (Linux's fault-around is 16 too). */
#define FAULT_AROUND_PAGES 16

int mm_mmap_check_file(const struct file *file, unsigned long prot, unsigned long flags)
{
	const struct inode *i = file->inode;

	/* Only ramfs regular files have bytes to map: pipes, the console, procfs, devices
	 * and directories do not. */
	if (!i || i->ops || !ramfs_is_regular(i))
		return -ENODEV;
	if (!file_is_readable(file))
		return -EACCES;
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (prot & PROT_WRITE) &&
	    (!file_is_writable(file) || (file->flags & O_APPEND)))
		return -EACCES;
	return 0;
}

long mm_mmap_file(struct mm *mm, uaddr_t place, size_t len, unsigned long prot,
		  unsigned long flags, struct file *file, uint64_t off)
{
	unsigned int aflags = (flags & MAP_TYPE) != MAP_PRIVATE ? AREA_SHARED : 0;
	int err;

	err = mm_area_insert_file(mm, place, place + len,
				  prot & (PROT_READ | PROT_WRITE | PROT_EXEC), aflags, file, off);
	if (err)
		return err == -EEXIST ? -ENOMEM : err;
	return (long)place;
}

/* Maps the file's page for page of a; private pages are read-only until written. */
static int fault_map_page(struct mm *mm, const struct mm_area *a, uaddr_t page,
			  unsigned int access)
{
	struct inode *i = a->file->inode;
	uint64_t off = a->off + (page - a->start);
	unsigned int prot = mm_prot_to_vm(a->prot);
	struct frame *f, *copy;
	int err;

	if (off >= ALIGN_UP(i->size, PAGE_SIZE))
		return -EIO;
	err = pagecache_get_page(i, off >> PAGE_SHIFT, &f);
	if (err)
		return err;
	if (a->flags & AREA_SHARED)
		return vmspace_map(mm->vs, page, f, prot);
	if (!(access & VM_WRITE))
		return vmspace_map(mm->vs, page, f, prot & ~VM_WRITE);
	/* A private write gets its own copy now: the cache keeps the file's bytes. */
	copy = frame_alloc(FRAME_USER);
	if (!copy)
		return -ENOMEM;
	frame_copy(copy, f);
	err = vmspace_map(mm->vs, page, copy, prot);
	frame_put(copy);
	return err;
}

/* After a read fault: the rest of the aligned window around it, where not mapped yet.
 * Best effort: a failure here only means a later fault. */
static void fault_around(struct mm *mm, const struct mm_area *a, uaddr_t page)
{
	uaddr_t win = FAULT_AROUND_PAGES * PAGE_SIZE;
	uaddr_t lo = MAX(a->start, ALIGN_DOWN(page, win));
	uaddr_t hi = MIN(a->end, ALIGN_DOWN(page, win) + win), at;
	struct vm_query q;

	for (at = lo; at < hi; at += PAGE_SIZE) {
		if (at == page || vmspace_query(mm->vs, at, &q) == 0)
			continue;
		if (fault_map_page(mm, a, at, VM_READ))
			return;
	}
}

int mm_fault_file(struct mm *mm, const struct mm_area *a, uaddr_t page, unsigned int access)
{
	int err = fault_map_page(mm, a, page, access);

	if (!err && !(access & VM_WRITE))
		fault_around(mm, a, page);
	return err;
}
