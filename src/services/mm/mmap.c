/* mm/mmap.c: mmap, munmap and mprotect, with Linux's argument checks. */
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <fs/file.h>
#include <mm/mm.h>
#include <process/process.h>

#define PROT_KNOWN (PROT_READ | PROT_WRITE | PROT_EXEC)
/* What MAP_SHARED_VALIDATE accepts; anything else there is -EOPNOTSUPP. */
#define MAP_KNOWN (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_32BIT | MAP_GROWSDOWN | \
		   MAP_DENYWRITE | MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | \
		   MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_FIXED_NOREPLACE)

size_t mm_len_to_pages(size_t len)
{
	if (len > vmspace_user_end() || len == 0)
		return 0;
	return ALIGN_UP(len, PAGE_SIZE);
}

bool mm_range_is_user(uaddr_t addr, size_t len)
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
	if (!mm_range_is_user(addr, len))
		return -ENOMEM;
	if ((flags & MAP_FIXED_NOREPLACE) && mm_range_is_used(mm, addr, addr + len))
		return -EEXIST;
	return (long)addr;
}

/* The arguments alone, before any file or address is looked at. */
static int mmap_check_args(size_t len, unsigned long flags, uint64_t off)
{
	unsigned long type = flags & MAP_TYPE;

	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE && (flags & ~(unsigned long)MAP_KNOWN))
		return -EOPNOTSUPP;
	if (len == 0 || !IS_ALIGNED(off, PAGE_SIZE))
		return -EINVAL;
	/* The file offset of the mapping's last byte must not wrap (Linux: EOVERFLOW). */
	if (off + ALIGN_UP(len, PAGE_SIZE) < off)
		return -EOVERFLOW;
	return 0;
}

/* The address a new mapping gets, or a negative errno. */
static long mmap_place(struct mm *mm, uaddr_t addr, size_t len, unsigned long flags)
{
	uaddr_t place;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
		return mmap_fixed_place(mm, addr, len, flags);
	place = mm_find_free(mm, len, ALIGN_DOWN(addr, PAGE_SIZE));
	return place ? (long)place : -ENOMEM;
}

/* Shared anonymous memory is a file nobody names, so fork's children and the parent
 * share pages not yet touched, as Linux's shmem does. */
static long mmap_shared_anon(struct mm *mm, uaddr_t place, size_t len, unsigned long prot,
			     unsigned long flags)
{
	struct file *f = mm_anon_file_create("/dev/zero (deleted)", len);
	long ret;

	if (!f)
		return -ENOMEM;
	ret = mm_mmap_file(mm, place, len, prot, flags, f, 0);
	file_put(f);
	return ret;
}

long mm_mmap(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot, unsigned long flags,
	     int fd, uint64_t off)
{
	bool shared = (flags & MAP_TYPE) != MAP_PRIVATE;
	struct file *file = NULL;
	long place;
	int err;

	err = mmap_check_args(len, flags, off);
	if (err)
		return err;
	len = mm_len_to_pages(len);
	if (!len)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fd < 0 ? NULL : fdtable_get(process_current()->fdt, fd);
		if (!file)
			return -EBADF;
		err = mm_mmap_check_file(file, prot, flags);
		if (err)
			return err;
	}
	place = mmap_place(mm, addr, len, flags);
	if (place < 0)
		return place;
	if (flags & MAP_FIXED) {
		err = mm_area_remove(mm, (uaddr_t)place, (uaddr_t)place + len);
		if (err)
			return err;
	}
	if (file)
		return mm_mmap_file(mm, (uaddr_t)place, len, prot, flags, file, off);
	if (shared)
		return mmap_shared_anon(mm, (uaddr_t)place, len, prot, flags);
	err = mm_area_insert(mm, (uaddr_t)place, (uaddr_t)place + len, prot & PROT_KNOWN,
			     AREA_ANON | ((flags & MAP_GROWSDOWN) ? AREA_GROWSDOWN : 0));
	if (err)
		return err == -EEXIST ? -ENOMEM : err;
	return place;
}

long mm_munmap(struct mm *mm, uaddr_t addr, size_t len)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || len == 0)
		return -EINVAL;
	len = mm_len_to_pages(len);
	if (!len || !mm_range_is_user(addr, len))
		return -EINVAL;
	return mm_area_remove(mm, addr, addr + len);
}

/* A shared mapping of a file opened without write access never becomes writable. */
static bool mprotect_is_allowed(const struct mm *mm, uaddr_t start, uaddr_t end,
				unsigned long prot)
{
	const struct mm_area *a;

	if (!(prot & PROT_WRITE))
		return true;
	for (a = mm->areas; a && a->start < end; a = a->next)
		if (a->end > start && a->file && (a->flags & AREA_SHARED) &&
		    !file_is_writable(a->file))
			return false;
	return true;
}

long mm_mprotect(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || (prot & ~(unsigned long)PROT_KNOWN))
		return -EINVAL;
	if (len == 0)
		return 0;
	len = mm_len_to_pages(len);
	if (!len || !mm_range_is_user(addr, len))
		return -ENOMEM;
	if (!mm_range_is_covered(mm, addr, addr + len))
		return -ENOMEM;
	if (!mprotect_is_allowed(mm, addr, addr + len, prot))
		return -EACCES;
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
