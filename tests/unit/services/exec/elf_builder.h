/* elf_builder.h: a small static x86-64 executable built in memory, for the exec tests.
 * Layout: headers and code in one R+X segment at TEXT_VADDR (file offset 0), data and bss
 * in an R+W segment at DATA_VADDR (file offset DATA_OFFSET). Tests then break one field. */
#ifndef TESTS_UNIT_SERVICES_EXEC_ELF_BUILDER_H
#define TESTS_UNIT_SERVICES_EXEC_ELF_BUILDER_H

#include <string.h>
#include <abi/elf.h>

#define TEXT_VADDR   0x400000ull
#define TEXT_FILESZ  0x300ull
#define CODE_OFFSET  0x200ull
#define DATA_OFFSET  0x1000ull
#define DATA_VADDR   0x401000ull
#define DATA_FILESZ  0x20ull
#define DATA_MEMSZ   0x3000ull
#define ELF_IMAGE_SIZE 0x1100ull
#define ELF_PHNUM    3   /* PT_PHDR, two PT_LOAD */

struct test_elf {
	union {
		Elf64_Ehdr eh;
		unsigned char bytes[ELF_IMAGE_SIZE];
	};
};

static inline Elf64_Phdr *test_elf_phdr(struct test_elf *e, unsigned int k)
{
	return (Elf64_Phdr *)(e->bytes + sizeof(Elf64_Ehdr) + k * sizeof(Elf64_Phdr));
}

static inline void test_elf_build(struct test_elf *e)
{
	Elf64_Phdr *ph;
	unsigned int k;

	memset(e, 0, sizeof(*e));
	memcpy(e->eh.e_ident, ELFMAG, SELFMAG);
	e->eh.e_ident[EI_CLASS] = ELFCLASS64;
	e->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	e->eh.e_ident[EI_VERSION] = EV_CURRENT;
	e->eh.e_type = ET_EXEC;
	e->eh.e_machine = EM_X86_64;
	e->eh.e_version = EV_CURRENT;
	e->eh.e_entry = TEXT_VADDR + CODE_OFFSET;
	e->eh.e_phoff = sizeof(Elf64_Ehdr);
	e->eh.e_ehsize = sizeof(Elf64_Ehdr);
	e->eh.e_phentsize = sizeof(Elf64_Phdr);
	e->eh.e_phnum = ELF_PHNUM;
	ph = test_elf_phdr(e, 0);
	ph->p_type = PT_PHDR;
	ph->p_flags = PF_R;
	ph->p_offset = sizeof(Elf64_Ehdr);
	ph->p_vaddr = TEXT_VADDR + sizeof(Elf64_Ehdr);
	ph->p_filesz = ph->p_memsz = ELF_PHNUM * sizeof(Elf64_Phdr);
	ph = test_elf_phdr(e, 1);
	ph->p_type = PT_LOAD;
	ph->p_flags = PF_R | PF_X;
	ph->p_offset = 0;
	ph->p_vaddr = TEXT_VADDR;
	ph->p_filesz = ph->p_memsz = TEXT_FILESZ;
	ph->p_align = 0x1000;
	ph = test_elf_phdr(e, 2);
	ph->p_type = PT_LOAD;
	ph->p_flags = PF_R | PF_W;
	ph->p_offset = DATA_OFFSET;
	ph->p_vaddr = DATA_VADDR;
	ph->p_filesz = DATA_FILESZ;
	ph->p_memsz = DATA_MEMSZ;
	ph->p_align = 0x1000;
	/* Code: an endless loop; data: a recognisable pattern. */
	e->bytes[CODE_OFFSET] = 0xeb;
	e->bytes[CODE_OFFSET + 1] = 0xfe;
	for (k = 0; k < DATA_FILESZ; k++)
		e->bytes[DATA_OFFSET + k] = (unsigned char)(0xa0 + k);
}

#endif
