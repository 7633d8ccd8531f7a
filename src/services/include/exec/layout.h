/* exec/layout.h: where exec puts a new program's stack, mmap region, PIE base, interpreter
 * and break, randomized (ASLR) unless keel run --no-aslr asked for Linux's fixed layout. */
#ifndef SERVICES_EXEC_LAYOUT_H
#define SERVICES_EXEC_LAYOUT_H

#include <ostd/types.h>

struct elf_image;
struct mm;
struct process;

/* The ranges of the random offsets, as Linux's x86-64 defaults, each shrunk to a sixteenth
 * of the user range on machines with less address space. */
#define LAYOUT_STACK_RND (16ull << 30)   /* STACK_RND_MASK: 22 bits of pages */
#define LAYOUT_MMAP_RND  (1ull << 40)    /* mmap_rnd_bits: 28 bits of pages */
#define LAYOUT_BRK_RND   (32ull << 20)   /* arch_randomize_brk */

/* Whether exec randomizes p's new layout (keel run --no-aslr says no). */
bool exec_layout_is_randomized(const struct process *p);
/* Moves the stack area of a new, still empty mm down by a random number of pages, and the
 * mmap region under it further down by another. 0 or -ENOMEM. */
int exec_layout_randomize(struct mm *mm);
/* The base for an ET_DYN program: ELF_PIE_BASE, plus random pages when randomize, aligned
 * to img->align; 0 when the image cannot fit below the mmap region. */
uaddr_t exec_layout_exe_base(const struct mm *mm, const struct elf_image *img, bool randomize);
/* A free base of span bytes, a multiple of align, in the mmap region (where an interpreter
 * or the vDSO goes, top-down as mmap would place it); 0 when there is none. */
uaddr_t exec_layout_mmap_base(const struct mm *mm, uint64_t span, uint64_t align);
/* Where the break starts after img: its end, plus random pages when randomize. */
uaddr_t exec_layout_brk_start(const struct mm *mm, const struct elf_image *img, bool randomize);

#endif
