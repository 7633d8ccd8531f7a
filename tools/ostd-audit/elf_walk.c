/* elf_walk.c: libelf walks archives member by member with elf_begin on the archive. */
#include "elf_walk.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int elf_walk_object(const char *name, Elf *elf, elf_walk_fn fn, void *arg)
{
	GElf_Ehdr ehdr;

	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &ehdr) || ehdr.e_type != ET_REL) {
		fprintf(stderr, "ostd-audit: %s: not a relocatable ELF object\n", name);
		return -ENOEXEC;
	}
	return fn(name, elf, arg);
}

static int elf_walk_archive(const char *path, int fd, Elf *ar, elf_walk_fn fn, void *arg)
{
	Elf_Cmd cmd = ELF_C_READ;
	Elf *member;
	int err = 0;

	while (!err && (member = elf_begin(fd, cmd, ar)) != NULL) {
		Elf_Arhdr *hdr = elf_getarhdr(member);
		char name[4096];

		/* The symbol index ("/") and long-name table ("//") are not objects. */
		if (hdr && hdr->ar_name[0] != '/') {
			snprintf(name, sizeof(name), "%s(%s)", path, hdr->ar_name);
			err = elf_walk_object(name, member, fn, arg);
		}
		cmd = elf_next(member);
		elf_end(member);
	}
	return err;
}

int elf_walk_file(const char *path, elf_walk_fn fn, void *arg)
{
	int fd, err;
	Elf *elf;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EINVAL;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		err = -errno;
		fprintf(stderr, "ostd-audit: %s: %s\n", path, strerror(errno));
		return err;
	}
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf) {
		fprintf(stderr, "ostd-audit: %s: %s\n", path, elf_errmsg(-1));
		err = -ENOEXEC;
		goto out_close_fd;
	}
	if (elf_kind(elf) == ELF_K_AR)
		err = elf_walk_archive(path, fd, elf, fn, arg);
	else
		err = elf_walk_object(path, elf, fn, arg);
	elf_end(elf);
out_close_fd:
	close(fd);
	return err;
}

int elf_walk_symtab(Elf *elf, Elf_Scn **symtab, size_t *strndx)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		if (gelf_getshdr(scn, &shdr) && shdr.sh_type == SHT_SYMTAB) {
			*symtab = scn;
			*strndx = shdr.sh_link;
			return 0;
		}
	}
	return -ENOENT;
}
