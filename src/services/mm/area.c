/* mm/area.c: the sorted list of memory areas: insert, split, remove, protect, find. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <fs/file.h>
#include <mm/mm.h>

unsigned int mm_prot_to_vm(unsigned int prot)
{
	unsigned int vm = 0;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	return vm;
}

struct mm_area *mm_area_find(const struct mm *mm, uaddr_t addr)
{
	struct mm_area *a;

	for (a = mm->areas; a && a->start <= addr; a = a->next)
		if (addr < a->end)
			return a;
	return NULL;
}

bool mm_range_is_used(const struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct mm_area *a;

	for (a = mm->areas; a && a->start < end; a = a->next)
		if (a->end > start)
			return true;
	return false;
}

static struct mm_area *area_new(uaddr_t start, uaddr_t end, unsigned int prot,
				unsigned int flags, struct file *file, uint64_t off)
{
	struct mm_area *a = kzalloc(sizeof(*a));

	if (!a)
		return NULL;
	a->start = start;
	a->end = end;
	a->prot = prot;
	a->flags = flags;
	a->file = file;
	a->off = off;
	if (file)
		file_get(file);
	return a;
}

void mm_area_free(struct mm_area *a)
{
	if (a->file)
		file_put(a->file);
	kfree(a);
}

int mm_area_insert(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot,
		   unsigned int flags)
{
	return mm_area_insert_file(mm, start, end, prot, flags, NULL, 0);
}

int mm_area_insert_file(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot,
			unsigned int flags, struct file *file, uint64_t off)
{
	struct mm_area **link = &mm->areas;
	struct mm_area *a;

	if (start >= end || !IS_ALIGNED(start, PAGE_SIZE) || !IS_ALIGNED(end, PAGE_SIZE))
		return -EINVAL;
	if (mm_range_is_used(mm, start, end))
		return -EEXIST;
	a = area_new(start, end, prot, flags, file, off);
	if (!a)
		return -ENOMEM;
	while (*link && (*link)->start < start)
		link = &(*link)->next;
	a->next = *link;
	*link = a;
	return 0;
}

/* Cuts a in two at addr (strictly inside it); the upper half follows a. */
static int area_split(struct mm_area *a, uaddr_t addr)
{
	struct mm_area *hi = area_new(addr, a->end, a->prot, a->flags, a->file,
				      a->off + (addr - a->start));

	if (!hi)
		return -ENOMEM;
	hi->next = a->next;
	a->next = hi;
	a->end = addr;
	return 0;
}

/* Makes start and end area boundaries, so whole areas cover [start, end) where used.
 * A failed second split leaves a harmless extra boundary behind. */
static int areas_split_at(struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct mm_area *a;
	int err;

	a = mm_area_find(mm, start);
	if (a && a->start < start) {
		err = area_split(a, start);
		if (err)
			return err;
	}
	a = mm_area_find(mm, end);
	if (a && a->start < end)
		return area_split(a, end);
	return 0;
}

int mm_area_remove(struct mm *mm, uaddr_t start, uaddr_t end)
{
	struct mm_area **link = &mm->areas;
	int err;

	err = areas_split_at(mm, start, end);
	if (err)
		return err;
	while (*link) {
		struct mm_area *a = *link;

		if (a->start >= start && a->end <= end) {
			*link = a->next;
			mm_area_free(a);
			continue;
		}
		link = &a->next;
	}
	vmspace_unmap(mm->vs, start, end - start);
	return 0;
}

bool mm_range_is_covered(const struct mm *mm, uaddr_t start, uaddr_t end)
{
	uaddr_t at = start;
	struct mm_area *a;

	for (a = mm->areas; a && at < end; a = a->next) {
		if (a->end <= at)
			continue;
		if (a->start > at)
			return false;
		at = a->end;
	}
	return at >= end;
}

int mm_area_protect(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot)
{
	struct mm_area *a;
	int err;

	if (!mm_range_is_covered(mm, start, end))
		return -ENOMEM;
	err = areas_split_at(mm, start, end);
	if (err)
		return err;
	for (a = mm->areas; a && a->start < end; a = a->next)
		if (a->start >= start)
			a->prot = prot;
	vmspace_protect(mm->vs, start, end - start, mm_prot_to_vm(prot));
	return 0;
}

uaddr_t mm_find_free(const struct mm *mm, size_t len, uaddr_t hint)
{
	uaddr_t lo = vmspace_user_start(), top = mm->mmap_top, cand;
	const struct mm_area *a;

	if (len == 0 || len > top - lo)
		return 0;
	if (hint && IS_ALIGNED(hint, PAGE_SIZE) && hint >= lo && hint <= top - len &&
	    !mm_range_is_used(mm, hint, hint + len))
		return hint;
	/* Top-down: try just below each area, from the highest gap under mmap_top. */
	cand = top - len;
	for (;;) {
		const struct mm_area *block = NULL;

		for (a = mm->areas; a && a->start < cand + len; a = a->next)
			if (a->end > cand)
				block = a;
		if (!block)
			return cand;
		if (block->start - lo < len)
			return 0;
		cand = block->start - len;
	}
}

void mm_release(struct mm *mm)
{
	struct mm_area *a = mm->areas, *next;

	for (; a; a = next) {
		next = a->next;
		mm_area_free(a);
	}
	mm->areas = NULL;
}
