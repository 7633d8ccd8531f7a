/* exec/elf.c: validating ELF64 x86-64 executables and interpreters, and placing them. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/vmspace.h>
#include <abi/elf.h>
#include <abi/mman.h>
#include <exec/exec.h>
#include <mm/mm.h>

static int elf_check_header(const Elf64_Ehdr *eh, size_t size)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != EM_X86_64 || eh->e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	/* phnum * 56 cannot overflow; the offset can be anything. */
	if (eh->e_phoff > size || (size_t)eh->e_phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff)
		return -ENOEXEC;
	return 0;
}

static unsigned int elf_prot(uint32_t flags)
{
	return ((flags & PF_R) ? PROT_READ : 0) | ((flags & PF_W) ? PROT_WRITE : 0) |
	       ((flags & PF_X) ? PROT_EXEC : 0);
}

/* Checks one PT_LOAD against the file, and records it at its file address (bias 0). */
static int elf_add_segment(struct elf_image *img, const Elf64_Phdr *ph, size_t size)
{
	struct elf_segment *s;

	if (ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return -ENOEXEC;
	if (ph->p_vaddr % PAGE_SIZE != ph->p_offset % PAGE_SIZE)
		return -ENOEXEC;
	if (ph->p_memsz == 0)
		return 0;
	/* End and its page round-up must not wrap, wherever the image is put later. */
	if (ph->p_vaddr > UINT64_MAX - PAGE_SIZE || ph->p_memsz > UINT64_MAX - PAGE_SIZE - ph->p_vaddr)
		return -ENOEXEC;
	if (img->nsegs == ELF_MAX_LOADS)
		return -ENOEXEC;
	/* Only sane alignments (powers of two, at most ELF_ALIGN_MAX) move the base. */
	if (ph->p_align > img->align && ph->p_align <= ELF_ALIGN_MAX &&
	    (ph->p_align & (ph->p_align - 1)) == 0)
		img->align = ph->p_align;
	s = &img->segs[img->nsegs++];
	s->vaddr = ph->p_vaddr;
	s->offset = ph->p_offset;
	s->filesz = ph->p_filesz;
	s->memsz = ph->p_memsz;
	s->prot = elf_prot(ph->p_flags);
	return 0;
}

/* PT_INTERP: a path of 2..ELF_INTERP_MAX bytes inside the file, ending in its NUL (as
 * Linux's binfmt_elf demands). Only the first one counts, as in Linux. */
static int elf_add_interp(struct elf_image *img, const Elf64_Phdr *ph, const void *file,
			  size_t size)
{
	if (img->interp_len)
		return 0;
	if (ph->p_filesz < 2 || ph->p_filesz > ELF_INTERP_MAX)
		return -ENOEXEC;
	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return -ENOEXEC;
	if (((const char *)file)[ph->p_offset + ph->p_filesz - 1] != '\0')
		return -ENOEXEC;
	img->interp_off = ph->p_offset;
	img->interp_len = ph->p_filesz;
	return 0;
}

const char *elf_interp_path(const void *file, const struct elf_image *img)
{
	return img->interp_len ? (const char *)file + img->interp_off : NULL;
}

static bool elf_segments_overlap(const struct elf_image *img)
{
	unsigned int a, b;

	for (a = 0; a < img->nsegs; a++)
		for (b = a + 1; b < img->nsegs; b++)
			if (img->segs[a].vaddr < img->segs[b].vaddr + img->segs[b].memsz &&
			    img->segs[b].vaddr < img->segs[a].vaddr + img->segs[a].memsz)
				return true;
	return false;
}

/* Program header k, copied out: the file buffer promises no alignment. */
static void elf_phdr_at(const void *file, const Elf64_Ehdr *eh, unsigned int k,
			Elf64_Phdr *ph)
{
	memcpy(ph, (const char *)file + eh->e_phoff + (size_t)k * sizeof(*ph), sizeof(*ph));
}

/* Where the program headers are in memory: PT_PHDR, or the PT_LOAD holding them; else
 * where Linux would compute them (first segment's address for offset 0, plus e_phoff). */
static uaddr_t elf_find_phdr(const struct elf_image *img, const Elf64_Ehdr *eh,
			     const void *file)
{
	uint64_t end = eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr);
	Elf64_Phdr ph;
	unsigned int k;

	for (k = 0; k < eh->e_phnum; k++) {
		elf_phdr_at(file, eh, k, &ph);
		if (ph.p_type == PT_PHDR)
			return ph.p_vaddr + img->bias;
	}
	for (k = 0; k < img->nsegs; k++) {
		const struct elf_segment *s = &img->segs[k];

		if (eh->e_phoff >= s->offset && end <= s->offset + s->filesz)
			return s->vaddr + (eh->e_phoff - s->offset);
	}
	return img->segs[0].vaddr - img->segs[0].offset + eh->e_phoff;
}

static bool elf_entry_ok(const struct elf_image *img)
{
	unsigned int k;

	for (k = 0; k < img->nsegs; k++) {
		const struct elf_segment *s = &img->segs[k];

		if ((s->prot & PROT_EXEC) && img->entry >= s->vaddr &&
		    img->entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

static int elf_scan_phdrs(struct elf_image *img, const Elf64_Ehdr *eh, const void *file,
			  size_t size)
{
	Elf64_Phdr ph;
	unsigned int k;
	int err;

	for (k = 0; k < eh->e_phnum; k++) {
		elf_phdr_at(file, eh, k, &ph);
		if (ph.p_type == PT_INTERP)
			err = elf_add_interp(img, &ph, file, size);
		else if (ph.p_type == PT_LOAD)
			err = elf_add_segment(img, &ph, size);
		else
			continue;
		if (err)
			return err;
	}
	return 0;
}

/* Whether every segment, moved by shift, lies in the user range. */
static bool elf_fits_user_range(const struct elf_image *img, uaddr_t shift)
{
	uaddr_t lo = vmspace_user_start(), hi = vmspace_user_end();
	unsigned int k;

	for (k = 0; k < img->nsegs; k++) {
		const struct elf_segment *s = &img->segs[k];
		/* Unsigned wrap-around is the point: shift may move the image down. */
		uaddr_t va = s->vaddr + shift;

		if (va < lo || va > hi || s->memsz > hi - va ||
		    ALIGN_UP(va + s->memsz, PAGE_SIZE) > hi)
			return false;
	}
	return true;
}

/* The lowest segment's page, where the image's base is. */
static uaddr_t elf_lowest_page(const struct elf_image *img)
{
	uaddr_t low = UINT64_MAX;
	unsigned int k;

	for (k = 0; k < img->nsegs; k++)
		low = MIN(low, img->segs[k].vaddr);
	return ALIGN_DOWN(low, PAGE_SIZE);
}

int elf_rebase(struct elf_image *img, uaddr_t base)
{
	uaddr_t shift;
	unsigned int k;

	if (!img->dyn)
		return elf_fits_user_range(img, 0) ? 0 : -ENOEXEC;
	if (base % img->align)
		return -ENOEXEC;
	shift = base - elf_lowest_page(img);
	if (!elf_fits_user_range(img, shift))
		return -ENOEXEC;
	for (k = 0; k < img->nsegs; k++)
		img->segs[k].vaddr += shift;
	img->entry += shift;
	img->phdr += shift;
	img->brk_start += shift;
	img->bias += shift;
	return 0;
}

int elf_parse(const void *file, size_t size, struct elf_image *img)
{
	Elf64_Ehdr ehdr, *eh = &ehdr;
	uaddr_t top = 0;
	unsigned int k;
	int err;

	memset(img, 0, sizeof(*img));
	img->align = PAGE_SIZE;
	if (size < sizeof(*eh))
		return -ENOEXEC;
	memcpy(eh, file, sizeof(*eh));
	err = elf_check_header(eh, size);
	if (err)
		return err;
	img->dyn = eh->e_type == ET_DYN;
	err = elf_scan_phdrs(img, eh, file, size);
	if (err)
		return err;
	if (img->nsegs == 0 || elf_segments_overlap(img))
		return -ENOEXEC;
	img->entry = eh->e_entry;
	if (!elf_entry_ok(img))
		return -ENOEXEC;
	img->phdr = elf_find_phdr(img, eh, file);
	img->phnum = eh->e_phnum;
	img->phent = eh->e_phentsize;
	for (k = 0; k < img->nsegs; k++)
		top = MAX(top, img->segs[k].vaddr + img->segs[k].memsz);
	img->brk_start = ALIGN_UP(top, PAGE_SIZE);
	img->span = img->brk_start - elf_lowest_page(img);
	return elf_rebase(img, img->dyn ? ALIGN_UP(ELF_PIE_BASE, img->align) : 0);
}
