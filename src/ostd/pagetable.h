/* pagetable.h: OSTD's generic page-table walker over the arch's entry format (arch_pte.h).
 * Tables are FRAME_PAGETABLE frames in RAM, which guests can reach (DESIGN.md, isolation
 * limit): every entry read back is validated against the frame table before use, and the
 * tree's shape is kept in kernel memory (frame metadata), so a forged entry can neither lead
 * outside RAM nor into a table that is not this one's child. */
#ifndef OSTD_PAGETABLE_H
#define OSTD_PAGETABLE_H

#include "arch_pte.h"

struct frame;

struct pagetable {
	struct frame *root;
	uint32_t tables;        /* frame number of the first table; the rest via pt_next */
	uint64_t ntables;
};

/* Allocates the root table; -ENOMEM. */
int pagetable_init(struct pagetable *pt);
/* Drops the reference of every page mapped in any of pt's tables, then frees them all. */
void pagetable_fini(struct pagetable *pt);

/* The last-level entry for va, inside RAM. Without create, NULL when a table on the way is
 * missing, and then *skip (if given) is the number of bytes from va to the end of the range
 * the missing table would cover. With create, missing tables are allocated (NULL: ENOMEM). */
pte_t *pagetable_slot(struct pagetable *pt, uaddr_t va, bool create, uint64_t *skip);

/* The last-level entry of the lowest address from *va on, below end, whose tables all
 * exist: that address in *va. Missing tables are skipped whole, entry by entry along the
 * table that lacks them, not by walks from the root. NULL when there is none. */
pte_t *pagetable_next_slot(struct pagetable *pt, uaddr_t *va, uaddr_t end);

/* Reads a last-level entry once: true with the frame (no reference taken) and prot when it
 * maps an allocated, non-table frame of RAM; anything else reads as absent. */
bool pagetable_read_leaf(const pte_t *slot, struct frame **f, unsigned int *prot);
/* Stores a last-level entry in one write. */
void pagetable_write_leaf(pte_t *slot, pte_t pte);

#endif
