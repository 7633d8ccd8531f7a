/* mm/mmap.c: mmap (anonymous), munmap, mprotect and madvise, with Linux's argument checks. */
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>

#define PROT_KNOWN (PROT_READ | PROT_WRITE | PROT_EXEC)

/* Rounds len up to pages; 0 when that overflows or passes the user range's size. */
static size_t len_to_pages(size_t len)
{
	if (len > vmspace_user_end() || len == 0)
		return 0;
	return ALIGN_UP(len, PAGE_SIZE);
}

static bool range_is_user(uaddr_t addr, size_t len)
{
	return addr >= vmspace_user_start() && addr <= vmspace_user_end() &&
	       len <= vmspace_user_end() - addr;
}

/* Where a MAP_FIXED(_NOREPLACE) mapping goes: validated address, or a negative errno. */
static long mmap_fixed_place(struct mm *mm, uaddr_t addr, size_t len, unsigned long flags)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	if (addr < vmspace_user_start())
		return -EPERM;
	if (!range_is_user(addr, len))
		return -ENOMEM;
	if ((flags & MAP_FIXED_NOREPLACE) && mm_range_is_used(mm, addr, addr + len))
		return -EEXIST;
	return (long)addr;
}

long mm_mmap(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot, unsigned long flags,
	     int fd, uint64_t off)
{
	unsigned long type = flags & MAP_TYPE;
	long place;
	int err;

	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (len == 0 || !IS_ALIGNED(off, PAGE_SIZE))
		return -EINVAL;
	len = len_to_pages(len);
	if (!len)
		return -ENOMEM;
	/* File mappings need a page cache; until then only anonymous memory exists. */
	if (!(flags & MAP_ANONYMOUS))
		return fd < 0 ? -EBADF : -ENODEV;
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		place = mmap_fixed_place(mm, addr, len, flags);
		if (place < 0)
			return place;
	} else {
		place = (long)mm_find_free(mm, len, ALIGN_DOWN(addr, PAGE_SIZE));
		if (!place)
			return -ENOMEM;
	}
	if (flags & MAP_FIXED) {
		err = mm_area_remove(mm, (uaddr_t)place, (uaddr_t)place + len);
		if (err)
			return err;
	}
	err = mm_area_insert(mm, (uaddr_t)place, (uaddr_t)place + len, prot & PROT_KNOWN,
			     AREA_ANON | (type == MAP_PRIVATE ? 0 : AREA_SHARED));
	if (err)
		return err == -EEXIST ? -ENOMEM : err;
	return place;
}

long mm_munmap(struct mm *mm, uaddr_t addr, size_t len)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || len == 0)
		return -EINVAL;
	len = len_to_pages(len);
	if (!len || !range_is_user(addr, len))
		return -EINVAL;
	return mm_area_remove(mm, addr, addr + len);
}

long mm_mprotect(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || (prot & ~(unsigned long)PROT_KNOWN))
		return -EINVAL;
	if (len == 0)
		return 0;
	len = len_to_pages(len);
	if (!len || !range_is_user(addr, len))
		return -ENOMEM;
	return mm_area_protect(mm, addr, addr + len, (unsigned int)prot);
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off)
{
	return mm_mmap(process_current()->mm, addr, len, prot, flags, (int)fd, off);
}

long sys_munmap(unsigned long addr, size_t len)
{
	return mm_munmap(process_current()->mm, addr, len);
}

long sys_mprotect(unsigned long addr, size_t len, unsigned long prot)
{
	return mm_mprotect(process_current()->mm, addr, len, prot);
}

/* MADV_DONTNEED must make anonymous pages read back as zero: drop them and let demand
 * paging bring zeroed ones. Image pages are not demand paged, so they stay. */
static void mm_drop_anon_pages(struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct mm_area *a;

	for (a = mm->areas; a && a->start < end; a = a->next) {
		uaddr_t lo = MAX(a->start, start), hi = MIN(a->end, end);

		if (lo < hi && !(a->flags & AREA_IMAGE))
			vmspace_unmap(mm->vs, lo, hi - lo);
	}
}

/* Other advice changes nothing we must honour. */
long sys_madvise(unsigned long addr, size_t len, int advice)
{
	struct mm *mm = process_current()->mm;

	if (!IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len && !range_is_user(addr, len))
		return -EINVAL;
	if (advice == MADV_DONTNEED && len)
		mm_drop_anon_pages(mm, addr, addr + len);
	return 0;
}
