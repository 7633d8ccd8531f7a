/* mm/fork.c: copying a process's memory for fork: the same areas, the pages shared
 * copy-on-write through OSTD's vmspace_copy_range. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
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

void mm_fork_unshare(struct mm *child, struct mm *parent, uaddr_t va)
{
	uaddr_t page = ALIGN_DOWN(va, PAGE_SIZE);
	const struct mm_area *a = mm_area_find(parent, page);
	struct vm_query q;
	struct frame *copy;

	if (!a || (a->flags & AREA_SHARED) || !(a->prot & PROT_WRITE))
		return;
	/* Only a page this fork alone shares: the parent may then write it again. */
	if (vmspace_query(parent->vs, page, &q) || frame_refcount(q.frame) != 2)
		return;
	copy = frame_alloc(FRAME_USER);
	if (!copy)
		return;       /* the child takes the fault later, as without this */
	frame_copy(copy, q.frame);
	if (vmspace_map(child->vs, page, copy, mm_prot_to_vm(a->prot)) == 0)
		vmspace_protect(parent->vs, page, PAGE_SIZE, mm_prot_to_vm(a->prot));
	frame_put(copy);
}
