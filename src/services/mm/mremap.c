/* mm/mremap.c: mremap: shrink, grow in place when the space above is free, or move the
 * pages (their frames, not copies) to a new place. */
#include <ostd/errno.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <mm/mm.h>
#include <process/process.h>

#define MREMAP_KNOWN (MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)

/* Maps at dst each page mapped at src, for len bytes, keeping its protection (so
 * copy-on-write state survives the move), then unmaps src. -ENOMEM leaves src alone. */
static int mremap_move_pages(struct mm *mm, uaddr_t src, uaddr_t dst, size_t len)
{
	struct vm_query q;
	size_t at;
	int err;

	for (at = 0; at < len; at += PAGE_SIZE) {
		if (vmspace_query(mm->vs, src + at, &q))
			continue;
		err = vmspace_map(mm->vs, dst + at, q.frame, q.prot);
		if (err)
			return err;
	}
	return vmspace_unmap(mm->vs, src, len);
}

/* Moves [old, old + old_len) of area a to a new area of new_len bytes at dst (free). */
static long mremap_move(struct mm *mm, const struct mm_area *a, uaddr_t old, size_t old_len,
			size_t new_len, uaddr_t dst, unsigned long flags)
{
	int err;

	err = mm_area_insert_file(mm, dst, dst + new_len, a->prot, a->flags, a->file,
				  a->off + (old - a->start));
	if (err)
		return err == -EEXIST ? -ENOMEM : err;
	/* a stays valid: inserting never frees or moves an area record. */
	err = mremap_move_pages(mm, old, dst, MIN(old_len, new_len));
	if (err) {
		mm_area_remove(mm, dst, dst + new_len);
		return err;
	}
	/* DONTUNMAP leaves the old range mapped but empty: it reads back as zeroes. */
	if (flags & MREMAP_DONTUNMAP)
		return (long)dst;
	err = mm_area_remove(mm, old, old + old_len);
	return err ? err : (long)dst;
}

/* The checks that need no area: flags, alignment and lengths. */
static int mremap_check_args(uaddr_t old, size_t old_len, size_t new_len,
			     unsigned long flags, uaddr_t new_addr)
{
	if (flags & ~(unsigned long)MREMAP_KNOWN)
		return -EINVAL;
	if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (!IS_ALIGNED(old, PAGE_SIZE) || !new_len || !old_len)
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
		return -EINVAL;
	if (!(flags & MREMAP_FIXED))
		return 0;
	if (!IS_ALIGNED(new_addr, PAGE_SIZE) || !mm_range_is_user(new_addr, new_len))
		return -EINVAL;
	/* The two ranges may not overlap. */
	if (new_addr < old + old_len && old < new_addr + new_len)
		return -EINVAL;
	return 0;
}

/* Shrinks, grows in place, or says it cannot (-ENOMEM) without MAYMOVE. */
static long mremap_in_place(struct mm *mm, struct mm_area *a, uaddr_t old, size_t old_len,
			    size_t new_len)
{
	int err;

	if (new_len <= old_len) {
		if (new_len < old_len) {
			err = mm_area_remove(mm, old + new_len, old + old_len);
			if (err)
				return err;
		}
		return (long)old;
	}
	if (old + old_len != a->end || !mm_range_is_user(old, new_len) ||
	    old + new_len > mm->mmap_top || mm_range_is_used(mm, a->end, old + new_len))
		return -ENOMEM;
	a->end = old + new_len;
	return (long)old;
}

long mm_mremap(struct mm *mm, uaddr_t old, size_t old_len, size_t new_len,
	       unsigned long flags, uaddr_t new_addr)
{
	struct mm_area *a;
	uaddr_t dst;
	long ret;
	int err;

	/* old_len 0 (a second mapping of shared memory) is not supported: Linux refuses
	 * it for private mappings alike. */
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = mm_len_to_pages(new_len);
	err = mremap_check_args(old, old_len, new_len, flags, new_addr);
	if (err)
		return err;
	if (!mm_range_is_user(old, old_len))
		return -EFAULT;
	a = mm_area_find(mm, old);
	if (!a || old + old_len > a->end)
		return -EFAULT;
	if ((flags & MREMAP_DONTUNMAP) && (a->file || (a->flags & AREA_SHARED)))
		return -EINVAL;
	if (flags & MREMAP_FIXED) {
		err = mm_area_remove(mm, new_addr, new_addr + new_len);
		if (err)
			return err;
		/* The removal may have split a's record: find old's again. */
		return mremap_move(mm, mm_area_find(mm, old), old, old_len, new_len, new_addr,
				   flags);
	}
	if (!(flags & MREMAP_DONTUNMAP)) {
		ret = mremap_in_place(mm, a, old, old_len, new_len);
		if (ret != -ENOMEM || !(flags & MREMAP_MAYMOVE))
			return ret;
	}
	dst = mm_find_free(mm, new_len, 0);
	if (!dst)
		return -ENOMEM;
	return mremap_move(mm, a, old, old_len, new_len, dst, flags);
}

long sys_mremap(unsigned long old, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	return mm_mremap(process_current()->mm, old, old_len, new_len, flags, new_addr);
}
