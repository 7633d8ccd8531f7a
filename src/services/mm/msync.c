/* mm/msync.c: msync: every mapping is of memory-backed files, so there is nothing to
 * write back; only Linux's argument checks remain. */
#include <ostd/errno.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>

long mm_msync(struct mm *mm, uaddr_t addr, size_t len, int flags)
{
	size_t rounded = ALIGN_UP(len, PAGE_SIZE);

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (!IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	if (rounded < len || (rounded && !mm_range_is_user(addr, rounded)))
		return -ENOMEM;
	if (rounded == 0)
		return 0;
	return mm_range_is_covered(mm, addr, addr + rounded) ? 0 : -ENOMEM;
}

long sys_msync(unsigned long addr, size_t len, int flags)
{
	return mm_msync(process_current()->mm, addr, len, flags);
}
