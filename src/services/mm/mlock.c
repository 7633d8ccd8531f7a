/* mm/mlock.c: the mlock family. Guest memory is never swapped, so locking only checks
 * the range and brings its pages in, as Linux's mlock populates them. */
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>

/* The page-aligned range around [addr, addr + len): 0 and the bounds, or -ENOMEM when
 * part of it is not mapped. */
static int mlock_range(struct mm *mm, uaddr_t addr, size_t len, uaddr_t *start, uaddr_t *end)
{
	*start = ALIGN_DOWN(addr, PAGE_SIZE);
	*end = ALIGN_UP(addr + len, PAGE_SIZE);
	if (addr + len < addr || *end < *start)
		return -ENOMEM;
	if (*end == *start)
		return 0;
	if (!mm_range_is_user(*start, *end - *start) || !mm_range_is_covered(mm, *start, *end))
		return -ENOMEM;
	return 0;
}

/* Faults in every page of [start, end) whose area can be read. */
static int mlock_populate(struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct vm_query q;
	uaddr_t va;

	for (va = start; va < end; va += PAGE_SIZE) {
		const struct mm_area *a = mm_area_find(mm, va);

		if (!a || !(a->prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) ||
		    vmspace_query(mm->vs, va, &q) == 0)
			continue;
		/* A file page past the end stays out, as on Linux. */
		if (mm_fault(mm, va, VM_READ) == -ENOMEM)
			return -ENOMEM;
	}
	return 0;
}

long mm_mlock(struct mm *mm, uaddr_t addr, size_t len, unsigned int flags)
{
	uaddr_t start, end;
	int err;

	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	err = mlock_range(mm, addr, len, &start, &end);
	if (err || (flags & MLOCK_ONFAULT))
		return err;
	return mlock_populate(mm, start, end);
}

long sys_mlock(unsigned long addr, size_t len)
{
	return mm_mlock(process_current()->mm, addr, len, 0);
}

long sys_mlock2(unsigned long addr, size_t len, unsigned int flags)
{
	return mm_mlock(process_current()->mm, addr, len, flags);
}

long sys_munlock(unsigned long addr, size_t len)
{
	uaddr_t start, end;

	return mlock_range(process_current()->mm, addr, len, &start, &end);
}

long sys_mlockall(int flags)
{
	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
		return -EINVAL;
	return 0;
}

long sys_munlockall(void)
{
	return 0;
}
