/* exec/load.c: mapping a validated ELF image into a process's memory. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <exec/exec.h>
#include <mm/mm.h>

/* The frame for the image page at va: the one mapped there by an earlier segment sharing
 * the page (its protection widened to include prot), or a new zeroed one. Returns it with
 * a reference the caller drops. */
static struct frame *load_page_frame(struct mm *mm, uaddr_t va, unsigned int *vm_prot)
{
	struct vm_query q;
	struct frame *f;

	if (vmspace_query(mm->vs, va, &q) == 0) {
		*vm_prot |= q.prot;
		frame_get(q.frame);
		return q.frame;
	}
	f = frame_alloc(FRAME_USER);
	return f;
}

/* Maps the pages holding file bytes of s, copying those bytes; later pages (bss) are left
 * to demand paging, which brings zeroed frames. The tail of the last file page stays zero
 * because frames come zeroed. */
static int load_segment_pages(struct mm *mm, const struct elf_segment *s, const char *file)
{
	uaddr_t va = ALIGN_DOWN(s->vaddr, PAGE_SIZE), file_end = s->vaddr + s->filesz;
	int err;

	for (; va < file_end; va += PAGE_SIZE) {
		unsigned int vm_prot = mm_prot_to_vm(s->prot);
		uaddr_t lo = MAX(va, s->vaddr), hi = MIN(va + PAGE_SIZE, file_end);
		struct frame *f = load_page_frame(mm, va, &vm_prot);

		if (!f)
			return -ENOMEM;
		err = frame_write(f, lo - va, file + s->offset + (lo - s->vaddr), hi - lo);
		if (!err)
			err = vmspace_map(mm->vs, va, f, vm_prot);
		frame_put(f);
		if (err)
			return err;
	}
	return 0;
}

/* The area of s; a first page shared with the previous segment stays in that one's area. */
static int load_segment_area(struct mm *mm, const struct elf_segment *s)
{
	uaddr_t start = ALIGN_DOWN(s->vaddr, PAGE_SIZE);
	uaddr_t end = ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE);

	if (mm_range_is_used(mm, start, start + PAGE_SIZE))
		start += PAGE_SIZE;
	if (start >= end)
		return 0;
	return mm_area_insert(mm, start, end, s->prot, AREA_IMAGE);
}

int elf_map(struct mm *mm, const void *file, const struct elf_image *img)
{
	unsigned int k;
	int err;

	/* Nothing of the image is in mm yet: any area met now (the stack) is a collision. */
	for (k = 0; k < img->nsegs; k++) {
		const struct elf_segment *s = &img->segs[k];

		if (mm_range_is_used(mm, ALIGN_DOWN(s->vaddr, PAGE_SIZE),
				     ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE)))
			return -ENOEXEC;
	}
	for (k = 0; k < img->nsegs; k++) {
		err = load_segment_area(mm, &img->segs[k]);
		if (!err)
			err = load_segment_pages(mm, &img->segs[k], file);
		if (err)
			goto out_remove_segments;
	}
	return 0;

out_remove_segments:
	for (; (int)k >= 0; k--)
		mm_area_remove(mm, ALIGN_DOWN(img->segs[k].vaddr, PAGE_SIZE),
			       ALIGN_UP(img->segs[k].vaddr + img->segs[k].memsz, PAGE_SIZE));
	return err;
}

int elf_load(struct mm *mm, const void *file, size_t size, struct elf_image *img)
{
	int err = elf_parse(file, size, img);

	if (!err)
		err = elf_map(mm, file, img);
	if (!err)
		mm->brk_start = mm->brk = img->brk_start;
	return err;
}
