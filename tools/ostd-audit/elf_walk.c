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
	size_t nsections;

	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &ehdr) || ehdr.e_type != ET_REL) {
		fprintf(stderr, "ostd-audit: %s: not a relocatable ELF object\n", name);
		return -ENOEXEC;
	}
	/* A truncated object would otherwise look empty, and an empty object passes. */
	if (elf_getshdrnum(elf, &nsections) || !nsections || !elf_getscn(elf, nsections - 1)) {
		fprintf(stderr, "ostd-audit: %s: truncated or corrupt ELF object\n", name);
		return -ENOEXEC;
	}
	return fn(name, elf, arg);
}

static int elf_walk_archive(const char *path, int fd, Elf *ar, elf_walk_fn fn, void *arg)
{
	Elf_Cmd cmd = ELF_C_READ;
	unsigned int objects = 0;
	int err = 0;

	/* elf_next() says ELF_C_NULL after the last member; a NULL member before that means
	 * the archive is cut short, and the members never read would escape the audit. */
	while (!err && cmd != ELF_C_NULL) {
		Elf *member = elf_begin(fd, cmd, ar);
		Elf_Arhdr *hdr;
		char name[4096];

		if (!member) {
			err = -ENOEXEC;
			break;
		}
		hdr = elf_getarhdr(member);
		/* The symbol index ("/") and long-name table ("//") are not objects. */
		if (hdr && hdr->ar_name[0] != '/') {
			snprintf(name, sizeof(name), "%s(%s)", path, hdr->ar_name);
			err = elf_walk_object(name, member, fn, arg);
			objects++;
		}
		cmd = elf_next(member);
		elf_end(member);
	}
	if (err == -ENOEXEC || (!err && !objects)) {
		fprintf(stderr, "ostd-audit: %s: truncated archive or no objects in it\n", path);
		err = -ENOEXEC;
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
