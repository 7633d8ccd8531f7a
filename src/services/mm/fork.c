/* mm/fork.c: copying a process's memory for fork: the same areas, the pages shared
 * copy-on-write through OSTD's vmspace_copy_range. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/vmspace.h>
#include <fs/file.h>
#include <mm/mm.h>

/* The areas of src, in order, as a new list in dst; -ENOMEM leaves dst's list partial
 * (mm_put frees it). */
static int mm_fork_areas(struct mm *dst, const struct mm *src)
{
	struct mm_area **link = &dst->areas, *a, *copy;

	mm_release(dst);
	for (a = src->areas; a; a = a->next) {
		copy = kmalloc(sizeof(*copy));
		if (!copy)
			return -ENOMEM;
		*copy = *a;
		copy->next = NULL;
		if (copy->file)
			file_get(copy->file);
		*link = copy;
		link = &copy->next;
	}
	return 0;
}

struct mm *mm_fork(struct mm *src)
{
	struct mm *dst = mm_create();
	struct mm_area *a;

	if (!dst)
		return NULL;
	if (mm_fork_areas(dst, src))
		goto out_put;
	dst->brk_start = src->brk_start;
	dst->brk = src->brk;
	dst->stack_top = src->stack_top;
	dst->arg_start = src->arg_start;
	dst->arg_end = src->arg_end;
	dst->env_start = src->env_start;
	dst->env_end = src->env_end;
	dst->mmap_top = src->mmap_top;
	for (a = src->areas; a; a = a->next)
		if (vmspace_copy_range(dst->vs, src->vs, a->start, a->end - a->start,
				       !(a->flags & AREA_SHARED)))
			goto out_put;
	return dst;

out_put:
	mm_put(dst);
	return NULL;
}
