/* pagetable.c: the generic page-table walker: levels and entry format come from the arch
 * layer, the checks that keep a guest-written entry harmless are here, once for all. */
#include <ostd/errno.h>
#include <ostd/log.h>

#include "frame_internal.h"
#include "pagetable.h"

static pte_t pte_load(const pte_t *slot)
{
	/* One read: the guest may change the entry at any time, so decode this copy only. */
	return __atomic_load_n(slot, __ATOMIC_RELAXED);
}

static pte_t *table_entries(struct frame *table)
{
	return frame_kaddr(table);
}

static struct frame *table_alloc(struct pagetable *pt, unsigned int level,
				 uint32_t parent, unsigned int slot)
{
	struct frame *t = frame_alloc(FRAME_PAGETABLE);

	if (!t)
		return NULL;
	t->pt_owner = pt;
	t->pt_level = (uint8_t)level;
	t->pt_parent = parent;
	t->pt_slot = (uint16_t)slot;
	t->pt_next = pt->tables;
	pt->tables = frame_pfn(t);
	pt->ntables++;
	return t;
}

int pagetable_init(struct pagetable *pt)
{
	*pt = (struct pagetable){ .tables = FRAME_NONE };
	pt->root = table_alloc(pt, PT_LEVELS - 1, FRAME_NONE, 0);
	return pt->root ? 0 : -ENOMEM;
}

/* Invariant: returns only a table of pt created as child idx of parent at level, whatever
 * the entry in RAM says. */
static struct frame *table_child(struct pagetable *pt, struct frame *parent,
				 unsigned int level, unsigned int idx)
{
	struct frame *child;
	paddr_t pa;

	if (!pte_decode_table(pte_load(&table_entries(parent)[idx]), &pa))
		return NULL;
	child = frame_from_paddr(pa);
	if (!child || child->usage != FRAME_PAGETABLE || child->pt_owner != pt ||
	    child->pt_level != level - 1 || child->pt_parent != frame_pfn(parent) ||
	    child->pt_slot != idx)
		return NULL;
	return child;
}

/* Invariant: the slot returned lies inside a table frame owned by pt. */
pte_t *pagetable_slot(struct pagetable *pt, uaddr_t va, bool create, uint64_t *skip)
{
	struct frame *table = pt->root, *child;
	unsigned int idx;

	for (unsigned int level = PT_LEVELS - 1; level > 0; level--) {
		idx = pte_index(va, level);
		child = table_child(pt, table, level, idx);
		if (!child && create) {
			/* A forged entry here held no reference: overwriting it loses nothing. */
			child = table_alloc(pt, level - 1, frame_pfn(table), idx);
			if (!child)
				return NULL;
			__atomic_store_n(&table_entries(table)[idx],
					 pte_make_table(frame_paddr(child)), __ATOMIC_RELAXED);
		}
		if (!child) {
			if (skip)
				*skip = pte_span(level) - (va & (pte_span(level) - 1));
			return NULL;
		}
		table = child;
	}
	return &table_entries(table)[pte_index(va, 0)];
}

/* Invariant: as pagetable_slot, the slot returned lies inside a table frame owned by pt. */
pte_t *pagetable_next_slot(struct pagetable *pt, uaddr_t *va, uaddr_t end)
{
	uaddr_t a = *va;

	while (a < end) {
		struct frame *table = pt->root, *child = NULL;
		unsigned int level;
		uint64_t span;

		for (level = PT_LEVELS - 1; level > 0; level--) {
			child = table_child(pt, table, level, pte_index(a, level));
			if (!child)
				break;
			table = child;
		}
		if (level == 0) {
			*va = a;
			return &table_entries(table)[pte_index(a, 0)];
		}
		/* The table at this level lacks a's child: look along that table for the next
		 * child it has, then walk down from the root to it (or past the table's end). */
		span = pte_span(level);
		do
			a = ALIGN_DOWN(a, span) + span;
		while (a < end && pte_index(a, level) != 0 &&
		       !table_child(pt, table, level, pte_index(a, level)));
	}
	return NULL;
}

/* Invariant: *f, when returned, is an allocated frame inside RAM and never a page table. */
bool pagetable_read_leaf(const pte_t *slot, struct frame **f, unsigned int *prot)
{
	struct frame *frame;
	paddr_t pa;

	if (!pte_decode_leaf(pte_load(slot), &pa, prot))
		return false;
	frame = frame_from_paddr(pa);
	if (!frame || frame->usage == FRAME_PAGETABLE)
		return false;
	*f = frame;
	return true;
}

/* Invariant: one store, so a concurrent reader (engine or guest) never sees half an entry. */
void pagetable_write_leaf(pte_t *slot, pte_t pte)
{
	__atomic_store_n(slot, pte, __ATOMIC_RELAXED);
}

static void table_release_leaves(struct frame *table)
{
	pte_t *e = table_entries(table);
	struct frame *f;
	unsigned int prot;

	for (unsigned int i = 0; i < PT_ENTRIES; i++) {
		if (pagetable_read_leaf(&e[i], &f, &prot)) {
			pagetable_write_leaf(&e[i], 0);
			frame_put(f);
		}
	}
}

/* Invariant: every table frame pt allocated is freed exactly once, found through the
 * kernel-side list rather than through entries a guest may have rewritten. */
void pagetable_fini(struct pagetable *pt)
{
	uint32_t pfn, next;
	struct frame *t;

	for (pfn = pt->tables; pfn != FRAME_NONE; pfn = t->pt_next) {
		t = frame_from_pfn(pfn);
		OSTD_ASSERT(t && t->pt_owner == pt);
		if (t->pt_level == 0)
			table_release_leaves(t);
	}
	for (pfn = pt->tables; pfn != FRAME_NONE; pfn = next) {
		t = frame_from_pfn(pfn);
		next = t->pt_next;
		t->pt_owner = NULL;
		frame_put(t);
	}
	pt->tables = FRAME_NONE;
	pt->ntables = 0;
	pt->root = NULL;
}
