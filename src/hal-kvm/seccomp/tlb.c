/* tlb.c: the stub's host mappings as a TLB over OSTD's page tables. A guest page fault
 * first asks the page table; a hit is mapped (with its neighbours: faults are dear) and
 * the guest resumes, only a real miss reaches the services.
 * W+X pages: the host never maps a page writable and executable at once. Such a page is
 * mapped R+W, and an instruction fetch from it remaps it R+X (and a later write, R+W
 * again), so JIT-style code keeps working one switch at a time; code that writes into
 * its own page cannot, and gets the page fault (see tlb_is_repeat). */
#include <errno.h>

#include "hal.h"
#include "seccomp/handoff.h"
#include "seccomp/seccomp_engine.h"
#include <ostd/vmspace.h>

#define TLB_FILL_PAGES  64u     /* at most this many pages per fill */
#define TLB_FILL_BEHIND 16u     /* of which at most this many below the fault */
#define TLB_MAX_REPEATS 3u      /* the same page filled again: something is wrong */
#define TLB_RESYNC_PAGES 512u   /* pages remapped per resync before falling back to unmap */

#define HOST_PROT_READ  0x1u
#define HOST_PROT_WRITE 0x2u
#define HOST_PROT_EXEC  0x4u

/* The access a fault's error code asks for. */
static unsigned int tlb_access(uint64_t err)
{
	if (err & PF_ERR_WRITE)
		return VM_WRITE;
	if (err & PF_ERR_INSTR)
		return VM_EXEC;
	return VM_READ;
}

static unsigned int tlb_host_prot(unsigned int prot, uint64_t err)
{
	unsigned int host = HOST_PROT_READ;

	if ((prot & VM_WRITE) && (prot & VM_EXEC))
		return host | ((err & PF_ERR_INSTR) ? HOST_PROT_EXEC : HOST_PROT_WRITE);
	if (prot & VM_WRITE)
		host |= HOST_PROT_WRITE;
	if (prot & VM_EXEC)
		host |= HOST_PROT_EXEC;
	return host;
}

/* Whether va maps to pa_want with exactly prot_want. */
static bool tlb_same_run(struct vmspace *vs, uaddr_t va, paddr_t pa_want,
			 unsigned int prot_want)
{
	paddr_t pa;
	unsigned int prot;

	if (va < STUB_USER_START || va >= STUB_USER_END)
		return false;
	if (ostd_vmspace_translate(vs, va, &pa, &prot))
		return false;
	return pa == pa_want && prot == prot_want;
}

static bool tlb_pa_is_ram(paddr_t pa, uint64_t len)
{
	uint64_t ram = seccomp_engine.cfg.ram_bytes;

	return (pa & ~PAGE_MASK) == 0 && pa < ram && len <= ram - pa;
}

/* Stops a fault that filling does not cure from looping forever: the same page filled
 * again and again with nothing else in between. That includes an instruction that stores
 * into its own W+X page, which cannot run on a host that never maps W+X: the services
 * get the page fault. */
static bool tlb_is_repeat(struct engine_thread *t, uaddr_t page)
{
	if (page != t->last_fill_va) {
		t->last_fill_va = page;
		t->fill_repeats = 0;
		return false;
	}
	return ++t->fill_repeats > TLB_MAX_REPEATS;
}

int seccomp_tlb_fill(struct engine_thread *t, uint64_t va, uint64_t err)
{
	struct engine_space *s = t->space;
	uaddr_t page = va & PAGE_MASK, lo, hi;
	struct vmspace_run run;
	unsigned int prot;
	paddr_t pa;
	int ret;

	if (page < STUB_USER_START || page >= STUB_USER_END)
		return -EFAULT;
	hi = page + TLB_FILL_PAGES * PAGE_SIZE;
	if (hi > STUB_USER_END)
		hi = STUB_USER_END;
	/* The page and, in the same walk, the pages after it that continue its run. */
	if (ostd_vmspace_next_run(s->vs, page, hi, TLB_FILL_PAGES, &run) || run.va != page)
		return -EFAULT;
	pa = run.pa;
	prot = run.prot;
	if (!(prot & tlb_access(err)) || !tlb_pa_is_ram(pa, PAGE_SIZE))
		return -EFAULT;
	if (handoff_queued_map(t, page, pa, tlb_host_prot(prot, err)))
		return 0;
	if (tlb_is_repeat(t, page))
		return -EFAULT;
	lo = page;
	hi = page + run.pages * PAGE_SIZE;
	while ((page - lo) / PAGE_SIZE < TLB_FILL_BEHIND &&
	       (hi - lo) / PAGE_SIZE < TLB_FILL_PAGES && lo >= PAGE_SIZE &&
	       pa >= page - lo + PAGE_SIZE &&
	       tlb_same_run(s->vs, lo - PAGE_SIZE, pa - (page - lo) - PAGE_SIZE, prot))
		lo -= PAGE_SIZE;
	if (!tlb_pa_is_ram(pa - (page - lo), hi - lo))
		return -EFAULT;
	ret = handoff_push_op(t, STUB_OP_MMAP, lo, hi - lo, tlb_host_prot(prot, err),
			      pa - (page - lo));
	if (ret)
		return ret;
	if (lo < s->tlb_lo)
		s->tlb_lo = lo;
	if (hi > s->tlb_hi)
		s->tlb_hi = hi;
	return 0;
}

/* Maps run (at most *budget pages, which it takes from); returns the run's end, or 0 when
 * the run is not RAM (nothing queued). */
static uaddr_t tlb_map_run(struct engine_thread *t, const struct vmspace_run *run,
			   unsigned int *budget, int *err)
{
	struct engine_space *s = t->space;
	uaddr_t end = run->va + run->pages * PAGE_SIZE;

	if (!tlb_pa_is_ram(run->pa, end - run->va))
		return 0;
	*err = handoff_push_op(t, STUB_OP_MMAP, run->va, end - run->va,
			       tlb_host_prot(run->prot, 0), run->pa);
	*budget -= (unsigned int)run->pages;
	if (run->va < s->tlb_lo)
		s->tlb_lo = run->va;
	if (end > s->tlb_hi)
		s->tlb_hi = end;
	return end;
}

/* Makes the stub's view of [lo, hi) the page table's: pages the table maps are mapped
 * again as it now says (in runs, so a fork's write-protected pages stay readable without
 * a fault each), the gaps between them unmapped when unmap_gaps. Past the page budget the
 * rest is simply unmapped (or, without unmap_gaps, left to demand faults). */
int seccomp_tlb_resync(struct engine_thread *t, uaddr_t lo, uaddr_t hi, bool unmap_gaps)
{
	struct engine_space *s = t->space;
	unsigned int budget = TLB_RESYNC_PAGES;
	struct vmspace_run run;
	uaddr_t va = lo, found, next;
	int err = 0;

	while (va < hi && !err) {
		if (budget == 0 || ostd_vmspace_next_run(s->vs, va, hi, budget, &run))
			found = hi;
		else
			found = run.va;
		if (found > va && unmap_gaps)
			err = seccomp_space_unmap(t, va, found);
		if (err || found >= hi)
			break;
		next = tlb_map_run(t, &run, &budget, &err);
		if (!next)   /* not RAM: leave it unmapped, the fault path refuses it */
			next = found + PAGE_SIZE;
		va = next;
	}
	return err;
}
