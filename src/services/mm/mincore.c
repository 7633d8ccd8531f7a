/* mm/mincore.c: mincore: which pages of a range are resident. A page is when this
 * address space maps it, or when its file has it cached. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <fs/file.h>
#include <mm/mm.h>
#include <mm/pagecache.h>
#include <process/process.h>

#define MINCORE_CHUNK 256

static unsigned char page_is_resident(struct mm *mm, uaddr_t va)
{
	const struct mm_area *a;
	struct vm_query q;

	if (vmspace_query(mm->vs, va, &q) == 0)
		return 1;
	a = mm_area_find(mm, va);
	if (!a || !a->file)
		return 0;
	return pagecache_has_page(a->file->inode, (a->off + (va - a->start)) >> PAGE_SHIFT);
}

long mm_mincore(struct mm *mm, uaddr_t addr, size_t len, unsigned char __user *vec)
{
	unsigned char buf[MINCORE_CHUNK];
	size_t rounded = ALIGN_UP(len, PAGE_SIZE), pages, done = 0, k;

	if (!IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	if (rounded < len || (rounded && !mm_range_is_user(addr, rounded)))
		return -ENOMEM;
	if (!mm_range_is_covered(mm, addr, addr + rounded))
		return -ENOMEM;
	pages = rounded >> PAGE_SHIFT;
	while (done < pages) {
		size_t n = MIN(pages - done, (size_t)MINCORE_CHUNK);

		for (k = 0; k < n; k++)
			buf[k] = page_is_resident(mm, addr + ((done + k) << PAGE_SHIFT));
		if (copy_to_user(vec + done, buf, n))
			return -EFAULT;
		done += n;
	}
	return 0;
}

long sys_mincore(unsigned long addr, size_t len, unsigned char __user *vec)
{
	return mm_mincore(process_current()->mm, addr, len, vec);
}
