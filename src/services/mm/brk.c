/* mm/brk.c: the program break, growing and shrinking the heap area after the image. */
#include <ostd/errno.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>

/* Linux's brk never fails loudly: on any refusal it returns the unchanged break. */
long mm_brk(struct mm *mm, uaddr_t addr)
{
	uaddr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE), new_end;

	/* No image loaded yet means no heap to move. */
	if (!mm->brk_start || addr < mm->brk_start || addr - mm->brk_start > MM_HEAP_MAX)
		return (long)mm->brk;
	new_end = ALIGN_UP(addr, PAGE_SIZE);
	if (new_end > old_end) {
		struct mm_area *below = mm_area_find(mm, old_end - 1);

		if (mm_range_is_used(mm, old_end, new_end))
			return (long)mm->brk;
		/* Grow the heap area in place when it exists, else start it. */
		if (below && (below->flags & AREA_HEAP) && below->end == old_end)
			below->end = new_end;
		else if (mm_area_insert(mm, old_end, new_end, PROT_READ | PROT_WRITE, AREA_HEAP))
			return (long)mm->brk;
	} else if (new_end < old_end) {
		if (mm_area_remove(mm, new_end, old_end))
			return (long)mm->brk;
	}
	mm->brk = addr;
	return (long)addr;
}

long sys_brk(unsigned long addr)
{
	return mm_brk(process_current()->mm, addr);
}
