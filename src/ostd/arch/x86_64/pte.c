/* pte.c: x86-64 page-table entries (P, RW, US, NX), encoded and decoded for the walker.
 * Entries live in guest-reachable RAM, so decoding never trusts more than the bits say:
 * the walker still checks the address against RAM and the frame table. */
#include <ostd/vmspace.h>

#include "arch_pte.h"

#define PTE_P        (1ull << 0)
#define PTE_RW       (1ull << 1)
#define PTE_US       (1ull << 2)
#define PTE_PS       (1ull << 7)
/* Software bits (ignored by the CPU): the page is readable, and a mapping is present
 * even though P is clear (prot 0). */
#define PTE_SW_READ  (1ull << 9)
#define PTE_SW_NONE  (1ull << 10)
#define PTE_NX       (1ull << 63)
#define PTE_ADDR     0x000ffffffffff000ull

pte_t pte_make_table(paddr_t pa)
{
	/* Tables grant everything; the leaf decides the access. */
	return (pa & PTE_ADDR) | PTE_P | PTE_RW | PTE_US;
}

pte_t pte_make_leaf(paddr_t pa, unsigned int prot)
{
	pte_t pte = pa & PTE_ADDR;

	prot &= VM_READ | VM_WRITE | VM_EXEC;
	if (!prot)
		return pte | PTE_SW_NONE;
	/* User pages are always US: OSTD maps nothing but user pages here. */
	pte |= PTE_P | PTE_US;
	if (prot & VM_READ)
		pte |= PTE_SW_READ;
	if (prot & VM_WRITE)
		pte |= PTE_RW;
	if (!(prot & VM_EXEC))
		pte |= PTE_NX;
	return pte;
}

bool pte_decode_table(pte_t pte, paddr_t *pa)
{
	if ((pte & (PTE_P | PTE_PS)) != PTE_P)
		return false;
	*pa = pte & PTE_ADDR;
	return true;
}

bool pte_decode_leaf(pte_t pte, paddr_t *pa, unsigned int *prot)
{
	unsigned int p = 0;

	if (!(pte & PTE_P)) {
		if (!(pte & PTE_SW_NONE))
			return false;
	} else {
		/* A present page without US is none of ours: treat it as absent. */
		if (!(pte & PTE_US))
			return false;
		if (pte & PTE_SW_READ)
			p |= VM_READ;
		if (pte & PTE_RW)
			p |= VM_WRITE;
		if (!(pte & PTE_NX))
			p |= VM_EXEC;
		/* The CPU can read every present page: say so. */
		if (!p)
			p = VM_READ;
	}
	*pa = pte & PTE_ADDR;
	*prot = p;
	return true;
}
