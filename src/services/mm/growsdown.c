/* mm/growsdown.c: MAP_GROWSDOWN areas, which a fault just below extends downwards. */
#include <ostd/vmspace.h>
#include <mm/mm.h>

/* Linux's stack_guard_gap: a growing area stops this far above the next area down. */
#define GROWSDOWN_GAP (256 * PAGE_SIZE)

struct mm_area *mm_grow_down(struct mm *mm, uaddr_t va)
{
	uaddr_t page = ALIGN_DOWN(va, PAGE_SIZE);
	struct mm_area *a, *below = NULL;

	for (a = mm->areas; a && a->end <= va; a = a->next)
		below = a;
	if (!a || a->start <= va || !(a->flags & AREA_GROWSDOWN) || a->file)
		return NULL;
	/* RLIMIT_STACK's default bounds how far it grows, as Linux bounds each such area. */
	if (a->end - page > MM_STACK_SIZE || page < vmspace_user_start())
		return NULL;
	if (below && page - below->end < GROWSDOWN_GAP)
		return NULL;
	a->start = page;
	return a;
}
