/* exec/layout.c: address space layout randomization for exec. Every random offset is a
 * whole number of pages drawn from OSTD's random source. */
#include <ostd/boot.h>
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <abi/personality.h>
#include <exec/exec.h>
#include <exec/layout.h>
#include <mm/mm.h>
#include <process/process.h>

/* A random multiple of PAGE_SIZE below range, range first capped to a sixteenth of the
 * machine's user range so the layout still fits on small ones. */
static uint64_t layout_random_offset(uint64_t range)
{
	uint64_t pages, r;

	range = MIN(range, (vmspace_user_end() - vmspace_user_start()) / 16);
	pages = range / PAGE_SIZE;
	if (pages == 0)
		return 0;
	ostd_random_bytes(&r, sizeof(r));
	return (r % pages) * PAGE_SIZE;
}

/* --no-aslr for the whole machine, or personality(ADDR_NO_RANDOMIZE) (`setarch -R`) for a
 * process and what it execs. */
bool exec_layout_is_randomized(const struct process *p)
{
	return !ostd_boot_info()->no_aslr && !(p->personality & ADDR_NO_RANDOMIZE);
}

int exec_layout_randomize(struct mm *mm)
{
	uint64_t stack_shift = layout_random_offset(LAYOUT_STACK_RND);
	uint64_t mmap_shift = layout_random_offset(LAYOUT_MMAP_RND);
	uaddr_t top = mm->stack_top;
	int err;

	err = mm_area_remove(mm, top - MM_STACK_SIZE, top);
	if (err)
		return err;
	mm->stack_top = top - stack_shift;
	mm->mmap_top -= stack_shift + mmap_shift;
	return mm_area_insert(mm, mm->stack_top - MM_STACK_SIZE, mm->stack_top,
			      PROT_READ | PROT_WRITE, AREA_STACK);
}

uaddr_t exec_layout_exe_base(const struct mm *mm, const struct elf_image *img, bool randomize)
{
	uaddr_t base = ELF_PIE_BASE;

	/* Machines with a smaller user range get Linux's rule instead: two thirds up. */
	if (base >= mm->mmap_top)
		base = ALIGN_DOWN(mm->mmap_top / 3 * 2, PAGE_SIZE);
	if (randomize)
		base += layout_random_offset(LAYOUT_MMAP_RND);
	base = ALIGN_UP(base, img->align);
	if (base > mm->mmap_top || img->span > mm->mmap_top - base)
		return 0;
	return base;
}

uaddr_t exec_layout_mmap_base(const struct mm *mm, uint64_t span, uint64_t align)
{
	uaddr_t at;

	span = ALIGN_UP(span, PAGE_SIZE);
	if (span == 0 || align > ELF_ALIGN_MAX || span > UINT64_MAX - align)
		return 0;
	/* Room for any alignment of the start, then the highest aligned base inside it. */
	at = mm_find_free(mm, span + align - PAGE_SIZE, 0);
	if (!at)
		return 0;
	return ALIGN_DOWN(at + align - PAGE_SIZE, align);
}

uaddr_t exec_layout_brk_start(const struct mm *mm, const struct elf_image *img, bool randomize)
{
	uaddr_t start = img->brk_start;

	if (randomize)
		start += layout_random_offset(LAYOUT_BRK_RND);
	/* The heap must not start inside something mapped after the image. */
	if (mm_range_is_used(mm, img->brk_start, start))
		start = img->brk_start;
	return start;
}
