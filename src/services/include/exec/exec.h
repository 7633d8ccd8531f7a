/* exec/exec.h: loading ELF executables (static, static-PIE, PIE and their interpreter)
 * and building their initial stack. */
#ifndef SERVICES_EXEC_EXEC_H
#define SERVICES_EXEC_EXEC_H

#include <ostd/types.h>

struct mm;

#define ELF_MAX_PHNUM   128       /* more program headers than this: -ENOEXEC */
#define ELF_MAX_LOADS   32        /* PT_LOAD segments we keep track of */
#define ELF_PIE_BASE    0x555555554000ull   /* where ET_DYN programs go without ASLR */
#define ELF_INTERP_MAX  4096      /* PT_INTERP longer than this (PATH_MAX): -ENOEXEC */
#define ELF_ALIGN_MAX   (1ull << 30)   /* larger p_align values are not honoured */

struct elf_segment {
	uaddr_t vaddr;        /* with the load bias applied */
	uint64_t offset, filesz, memsz;
	unsigned int prot;    /* PROT_* */
};

/* What a validated executable needs from the loader and the stack builder. */
struct elf_image {
	uaddr_t entry;        /* all addresses with the load bias applied */
	uaddr_t phdr;         /* the program headers in memory (AT_PHDR) */
	uint16_t phnum, phent;
	uaddr_t bias;
	uaddr_t brk_start;    /* the page after the highest segment */
	bool dyn;             /* ET_DYN: the caller chooses the base (elf_rebase) */
	uint64_t span;        /* bytes from the lowest segment's page to past the highest */
	uint64_t align;       /* a base must be a multiple of this (p_align, page at least) */
	uint64_t interp_off;  /* PT_INTERP: the interpreter's path in the file, NUL included */
	uint64_t interp_len;  /* 0: no PT_INTERP (a static program) */
	unsigned int nsegs;
	struct elf_segment segs[ELF_MAX_LOADS];
};

/* Validates file[0..size) as an x86-64 executable (ET_EXEC, or ET_DYN placed with its
 * lowest page at ELF_PIE_BASE) for the current machine's user range, and describes it in
 * *img, PT_INTERP included (bounded, NUL-terminated path). Changes nothing. -ENOEXEC for
 * anything it cannot load. */
int elf_parse(const void *file, size_t size, struct elf_image *img);
/* Moves a parsed ET_DYN image so that its lowest page is at base (a multiple of
 * img->align); -ENOEXEC when it would leave the user range. ET_EXEC images stay put. */
int elf_rebase(struct elf_image *img, uaddr_t base);
/* Maps the segments of a parsed image (file is what it was parsed from) into mm: areas,
 * frames with the segment permissions, file bytes, zeroed bss. On failure mm is as before. */
int elf_map(struct mm *mm, const void *file, const struct elf_image *img);
/* elf_parse, then elf_map, then the break after the image. */
int elf_load(struct mm *mm, const void *file, size_t size, struct elf_image *img);
/* The interpreter's path of a parsed image (in file), or NULL for a static one. */
const char *elf_interp_path(const void *file, const struct elf_image *img);

/* Limit on the bytes of argument and environment strings (Linux: a quarter of the stack). */
#define STACK_STRINGS_MAX (2ull << 20)
#define STACK_MINSIGSTKSZ 4096
#define STACK_PLATFORM    "x86_64"

/* What the auxiliary vector says beyond the program's own image. */
struct exec_aux {
	uaddr_t base;         /* AT_BASE: the interpreter's load address; 0 without one */
	uaddr_t vdso;         /* AT_SYSINFO_EHDR; 0: no vDSO, the entry is left out */
	unsigned int uid, euid, gid, egid;
	bool secure;          /* AT_SECURE */
};

/* Writes argc, argv, envp, the auxiliary vector and their strings at the top of mm's stack,
 * as Linux lays them out, and returns the initial rsp (16-byte aligned) in *sp.
 * argv[0..argc) and envp (NULL-terminated) are kernel strings; execfn is AT_EXECFN; img is
 * the program (AT_PHDR, AT_ENTRY), aux the rest. -E2BIG when the strings do not fit,
 * -EFAULT, -ENOMEM. */
int stack_build_aux(struct mm *mm, const struct elf_image *img, const struct exec_aux *aux,
		    int argc, char *const argv[], char *const envp[], const char *execfn,
		    uaddr_t *sp);
/* stack_build_aux for a static program run by root, without a vDSO. */
int stack_build(struct mm *mm, const struct elf_image *img, int argc, char *const argv[],
		char *const envp[], const char *execfn, uaddr_t *sp);

/* execve's vectors in kernel memory: argv[argc] and envp[envc] are NULL. */
struct exec_args {
	char **argv, **envp;
	int argc, envc;
};
/* Copies the user vectors (NULL means empty): 0, -EFAULT, -E2BIG, -ENOMEM. */
int exec_args_copy(const uint64_t __user *argv, const uint64_t __user *envp,
		   struct exec_args *a);
/* The same from kernel vectors (envp NULL-terminated, may be NULL). */
int exec_args_dup(int argc, char *const argv[], char *const envp[], struct exec_args *a);
void exec_args_free(struct exec_args *a);
/* For a #! script at path: argv becomes interp [arg] path argv[1..]. */
int exec_args_prepend_script(struct exec_args *a, const char *interp, const char *arg,
			     const char *path);

struct thread;
struct inode;
/* Replaces t's process image with file (an ELF or a #! script) found at path, argv and
 * envp from a. On failure the process is unchanged and the errno is returned. */
int exec_file(struct thread *t, struct inode *file, const char *path, struct exec_args *a);

long sys_execve(const char __user *path, const uint64_t __user *argv,
		const uint64_t __user *envp);
long sys_execveat(int dirfd, const char __user *path, const uint64_t __user *argv,
		  const uint64_t __user *envp, int flags);

#endif
