/* exec/elf.c: validating and loading static ELF64 x86-64 executables. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/log.h>
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

/* Checks one PT_LOAD against the file and the user range, and records it. */
static int elf_add_segment(struct elf_image *img, const Elf64_Phdr *ph, size_t size)
{
	uaddr_t lo = vmspace_user_start(), hi = vmspace_user_end();
	struct elf_segment *s;
	uaddr_t va;

	if (ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return -ENOEXEC;
	if (ph->p_vaddr % PAGE_SIZE != ph->p_offset % PAGE_SIZE)
		return -ENOEXEC;
	if (ph->p_memsz == 0)
		return 0;
	if (ph->p_vaddr > UINT64_MAX - img->bias)
		return -ENOEXEC;
	va = ph->p_vaddr + img->bias;
	if (va < lo || va > hi || ph->p_memsz > hi - va || ALIGN_UP(va + ph->p_memsz, PAGE_SIZE) > hi)
		return -ENOEXEC;
	if (img->nsegs == ELF_MAX_LOADS)
		return -ENOEXEC;
	s = &img->segs[img->nsegs++];
	s->vaddr = va;
	s->offset = ph->p_offset;
	s->filesz = ph->p_filesz;
	s->memsz = ph->p_memsz;
	s->prot = elf_prot(ph->p_flags);
	return 0;
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
		if (ph.p_type == PT_INTERP) {
			log_info("exec: dynamically linked programs (PT_INTERP) come later");
			return -ENOEXEC;
		}
		if (ph.p_type != PT_LOAD)
			continue;
		err = elf_add_segment(img, &ph, size);
		if (err)
			return err;
	}
	return 0;
}

int elf_parse(const void *file, size_t size, struct elf_image *img)
{
	Elf64_Ehdr ehdr, *eh = &ehdr;
	uaddr_t top = 0;
	unsigned int k;
	int err;

	memset(img, 0, sizeof(*img));
	if (size < sizeof(*eh))
		return -ENOEXEC;
	memcpy(eh, file, sizeof(*eh));
	err = elf_check_header(eh, size);
	if (err)
		return err;
	img->bias = eh->e_type == ET_DYN ? ELF_PIE_BASE : 0;
	err = elf_scan_phdrs(img, eh, file, size);
	if (err)
		return err;
	if (img->nsegs == 0 || elf_segments_overlap(img))
		return -ENOEXEC;
	if (eh->e_entry > UINT64_MAX - img->bias)
		return -ENOEXEC;
	img->entry = eh->e_entry + img->bias;
	if (!elf_entry_ok(img))
		return -ENOEXEC;
	img->phdr = elf_find_phdr(img, eh, file);
	img->phnum = eh->e_phnum;
	img->phent = eh->e_phentsize;
	for (k = 0; k < img->nsegs; k++)
		top = MAX(top, img->segs[k].vaddr + img->segs[k].memsz);
	img->brk_start = ALIGN_UP(top, PAGE_SIZE);
	return 0;
}
