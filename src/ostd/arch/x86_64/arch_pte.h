/* arch_pte.h: the page-table format of this architecture, as the generic walker
 * (src/ostd/pagetable.c) needs it. Every architecture's folder provides a header of this
 * name with the same declarations; the build picks the folder by include path. */
#ifndef OSTD_ARCH_PTE_H
#define OSTD_ARCH_PTE_H

#include <ostd/types.h>

/* x86-64 4-level paging: PML4, PDPT, PD, PT; 9 index bits each above the page offset. */
#define PT_LEVELS      4
#define PT_INDEX_BITS  9
#define PT_ENTRIES     (1u << PT_INDEX_BITS)

typedef uint64_t pte_t;

/* Index of va in a table of level (0: the last level, which maps pages). */
static inline unsigned int pte_index(uaddr_t va, unsigned int level)
{
	return (unsigned int)(va >> (PAGE_SHIFT + PT_INDEX_BITS * level)) & (PT_ENTRIES - 1);
}

/* Bytes one entry of level covers. */
static inline uint64_t pte_span(unsigned int level)
{
	return 1ull << (PAGE_SHIFT + PT_INDEX_BITS * level);
}

/* An entry of a table of level > 0 pointing at the next table (a frame at pa). */
pte_t pte_make_table(paddr_t pa);
/* A last-level entry mapping the page at pa for user access with prot (VM_*); prot 0
 * keeps the page (and its reference) without any access, as PROT_NONE. */
pte_t pte_make_leaf(paddr_t pa, unsigned int prot);
/* Decodes an entry of a table of level > 0: true and *pa when it points at a table.
 * Anything else (absent, large page, reserved bits) is false. */
bool pte_decode_table(pte_t pte, paddr_t *pa);
/* Decodes a last-level entry: true with *pa and *prot when it maps a page. */
bool pte_decode_leaf(pte_t pte, paddr_t *pa, unsigned int *prot);

#endif
