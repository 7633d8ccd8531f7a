/* mm/truncate.c: a mapped file shrank: every mapping drops its pages past the new end,
 * so the next touch there raises SIGBUS as on Linux. */
#include <ostd/vmspace.h>
#include <fs/file.h>
#include <mm/mm.h>
#include <process/process.h>

struct truncate_walk {
	const struct inode *inode;
	uint64_t size;
};

static int mm_unmap_past(struct process *p, void *arg)
{
	const struct truncate_walk *w = arg;
	uint64_t keep = ALIGN_UP(w->size, PAGE_SIZE);
	struct mm_area *a;

	/* Processes sharing one mm unmap twice: harmless. */
	for (a = p->mm ? p->mm->areas : NULL; a; a = a->next) {
		uaddr_t from;

		if (!a->file || a->file->inode != w->inode || a->off + (a->end - a->start) <= keep)
			continue;
		from = a->off >= keep ? a->start : a->start + (keep - a->off);
		vmspace_unmap(p->mm->vs, from, a->end - from);
	}
	return 0;
}

void mm_file_truncated(const struct inode *i, uint64_t size)
{
	struct truncate_walk w = { i, size };

	process_for_each(mm_unmap_past, &w);
}
