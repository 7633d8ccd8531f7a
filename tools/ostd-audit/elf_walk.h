/* elf_walk.h: visiting every ELF object of a file, whether an object or an ar archive. */
#ifndef OSTD_AUDIT_ELF_WALK_H
#define OSTD_AUDIT_ELF_WALK_H

#include <libelf.h>

/* name is "lib.a(member.o)" for archive members, the path otherwise. A non-zero return
 * stops the walk and is passed back. */
typedef int (*elf_walk_fn)(const char *name, Elf *elf, void *arg);

/* Calls fn for each ELF object in path; returns 0, fn's non-zero value, or -ENOEXEC when
 * path (or a member) is not a relocatable ELF object, -errno when it cannot be opened. */
int elf_walk_file(const char *path, elf_walk_fn fn, void *arg);

/* The symbol table of elf and its string table index; -ENOENT when it has none. */
int elf_walk_symtab(Elf *elf, Elf_Scn **symtab, size_t *strndx);

#endif
