/* mm/madvise.c: madvise: DONTNEED and FREE drop pages; the other advice is accepted. */
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>


/* Linux's advice numbers: 0-4 and 8 up to MADV_POPULATE_WRITE (23). */
static bool advice_is_known(int advice)
{
	return (advice >= MADV_NORMAL && advice <= MADV_DONTNEED) ||
	       (advice >= MADV_FREE && advice <= 23);
}

/* MADV_DONTNEED must make anonymous pages read back as zero: drop them and let demand
 * paging bring zeroed ones (file pages come back from the page cache). Image pages are
 * not demand paged, so they stay. */
static void mm_drop_pages(struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct mm_area *a;

	for (a = mm->areas; a && a->start < end; a = a->next) {
		uaddr_t lo = MAX(a->start, start), hi = MIN(a->end, end);

		if (lo < hi && !(a->flags & AREA_IMAGE))
			vmspace_unmap(mm->vs, lo, hi - lo);
	}
}

/* MADV_FREE is for private anonymous memory only. */
static bool range_is_private_anon(const struct mm *mm, uaddr_t start, uaddr_t end)
{
	const struct mm_area *a;

	for (a = mm->areas; a && a->start < end; a = a->next)
		if (a->end > start && (a->file || (a->flags & AREA_SHARED)))
			return false;
	return true;
}

long mm_madvise(struct mm *mm, uaddr_t addr, size_t len, int advice)
{
	size_t rounded = ALIGN_UP(len, PAGE_SIZE);

	if (!IS_ALIGNED(addr, PAGE_SIZE) || !advice_is_known(advice) || rounded < len)
		return -EINVAL;
	if (rounded == 0)
		return 0;
	if (!mm_range_is_user(addr, rounded))
		return -ENOMEM;
	if (advice == MADV_FREE && !range_is_private_anon(mm, addr, addr + rounded))
		return -EINVAL;
	if (advice == MADV_DONTNEED || advice == MADV_FREE)
		mm_drop_pages(mm, addr, addr + rounded);
	/* Linux applies the advice where there are areas, then reports the holes. */
	return mm_range_is_covered(mm, addr, addr + rounded) ? 0 : -ENOMEM;
}

long sys_madvise(unsigned long addr, size_t len, int advice)
{
	return mm_madvise(process_current()->mm, addr, len, advice);
}
