/* vmspace.c: user address spaces over OSTD's page tables. Each present mapping owns one
 * reference to its frame; the engine's mirror is flushed before a frame can be released. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>

#include "frame_internal.h"
#include "hal.h"
#include "vmspace_internal.h"

/* Frames released by an unmap wait here until the engine has forgotten them. */
#define VMSPACE_BATCH 64

uaddr_t vmspace_user_start(void)
{
	return hal_user_start();
}

/* Invariant: never past what the page-table levels can index, so no address aliases
 * another whatever the HAL reports. */
uaddr_t vmspace_user_end(void)
{
	return MIN(hal_user_end(), pte_span(PT_LEVELS));
}

struct vmspace *vmspace_create(void)
{
	struct vmspace *vs = kzalloc(sizeof(*vs));

	if (!vs)
		return NULL;
	if (pagetable_init(&vs->pt))
		goto out_free_vs;
	if (hal_space_create(vs, &vs->hal_space))
		goto out_fini_pt;
	return vs;

out_fini_pt:
	pagetable_fini(&vs->pt);
out_free_vs:
	kfree(vs);
	return NULL;
}

/* Invariant: the engine stops using vs before its frames go back to the allocator. */
void vmspace_destroy(struct vmspace *vs)
{
	if (!vs)
		return;
	hal_space_destroy(vs->hal_space);
	pagetable_fini(&vs->pt);
	kfree(vs);
}

/* -EINVAL unless [va, va+len) is page aligned, non-wrapping and inside the user range. */
static int vmspace_check_range(uaddr_t va, uint64_t len)
{
	uaddr_t end = vmspace_user_end();

	if (!IS_ALIGNED(va, PAGE_SIZE) || !IS_ALIGNED(len, PAGE_SIZE))
		return -EINVAL;
	if (va < hal_user_start() || va > end || len > end - va)
		return -EINVAL;
	return 0;
}

bool vmspace_lookup(struct vmspace *vs, uaddr_t va, struct frame **f, unsigned int *prot)
{
	pte_t *slot;

	if (va < hal_user_start() || va >= vmspace_user_end())
		return false;
	slot = pagetable_slot(&vs->pt, va, false, NULL);
	return slot && pagetable_read_leaf(slot, f, prot);
}

/* Invariant: takes f's reference before the entry names it, and flushes the engine before
 * the replaced frame's reference is dropped. */
int vmspace_map(struct vmspace *vs, uaddr_t va, struct frame *f, unsigned int prot)
{
	struct frame *old;
	unsigned int old_prot;
	pte_t *slot;
	bool replaced;

	if (vmspace_check_range(va, PAGE_SIZE) || !f || (prot & ~(VM_READ | VM_WRITE | VM_EXEC)))
		return -EINVAL;
	/* A page table mapped into user space would let the program forge entries that OSTD
	 * then refuses to read back: the mapping (and its reference) would be lost. */
	if (frame_refcount(f) && f->usage == FRAME_PAGETABLE)
		return -EINVAL;
	slot = pagetable_slot(&vs->pt, va, true, NULL);
	if (!slot)
		return -ENOMEM;
	replaced = pagetable_read_leaf(slot, &old, &old_prot);
	frame_get(f);
	pagetable_write_leaf(slot, pte_make_leaf(frame_paddr(f), prot));
	if (replaced) {
		hal_space_flush(vs->hal_space, va, PAGE_SIZE);
		frame_put(old);
	}
	return 0;
}

static void vmspace_release_batch(struct vmspace *vs, uaddr_t start, uaddr_t end,
				  struct frame **batch, unsigned int *n)
{
	if (!*n)
		return;
	hal_space_flush(vs->hal_space, start, end - start);
	for (unsigned int i = 0; i < *n; i++)
		frame_put(batch[i]);
	*n = 0;
}

/* Invariant: each cleared entry's frame is released once, after the engine flushed it. */
int vmspace_unmap(struct vmspace *vs, uaddr_t va, size_t len)
{
	struct frame *batch[VMSPACE_BATCH], *f;
	uaddr_t end = va + len, start = va;
	unsigned int n = 0, prot;
	uint64_t skip;
	pte_t *slot;
	int err = vmspace_check_range(va, len);

	if (err)
		return err;
	while (va < end) {
		slot = pagetable_slot(&vs->pt, va, false, &skip);
		if (!slot) {
			va = skip > end - va ? end : va + skip;
			continue;
		}
		if (pagetable_read_leaf(slot, &f, &prot)) {
			pagetable_write_leaf(slot, 0);
			batch[n++] = f;
		}
		va += PAGE_SIZE;
		if (n == VMSPACE_BATCH) {
			vmspace_release_batch(vs, start, va, batch, &n);
			start = va;
		}
	}
	vmspace_release_batch(vs, start, end, batch, &n);
	return 0;
}

/* Invariant: the engine is flushed whenever a page lost an access right. */
int vmspace_protect(struct vmspace *vs, uaddr_t va, size_t len, unsigned int prot)
{
	uaddr_t end = va + len;
	bool weakened = false;
	unsigned int old;
	struct frame *f;
	uint64_t skip;
	pte_t *slot;
	int err = vmspace_check_range(va, len);

	if (err)
		return err;
	if (prot & ~(VM_READ | VM_WRITE | VM_EXEC))
		return -EINVAL;
	for (uaddr_t a = va; a < end; a += PAGE_SIZE) {
		slot = pagetable_slot(&vs->pt, a, false, &skip);
		if (!slot) {
			/* Step to the end of the missing table's range (minus the loop's page). */
			a += (skip > end - a ? end - a : skip) - PAGE_SIZE;
			continue;
		}
		if (!pagetable_read_leaf(slot, &f, &old))
			continue;
		if (old & ~prot)
			weakened = true;
		pagetable_write_leaf(slot, pte_make_leaf(frame_paddr(f), prot));
	}
	if (weakened)
		hal_space_flush(vs->hal_space, va, len);
	return 0;
}

/* Invariant: every entry written in dst holds its own reference on the shared frame, and
 * src's engine is flushed before this returns whenever one of its pages lost VM_WRITE. */
int vmspace_copy_range(struct vmspace *dst, struct vmspace *src, uaddr_t va, size_t len,
		       bool cow)
{
	uaddr_t end = va + len;
	bool weakened = false;
	unsigned int prot, old_prot;
	struct frame *f, *old;
	uint64_t skip;
	pte_t *from, *to;
	int err = vmspace_check_range(va, len);

	if (err)
		return err;
	for (uaddr_t a = va; a < end; a += PAGE_SIZE) {
		from = pagetable_slot(&src->pt, a, false, &skip);
		if (!from) {
			a += (skip > end - a ? end - a : skip) - PAGE_SIZE;
			continue;
		}
		if (!pagetable_read_leaf(from, &f, &prot))
			continue;
		to = pagetable_slot(&dst->pt, a, true, NULL);
		if (!to) {
			err = -ENOMEM;
			break;
		}
		if (cow && (prot & VM_WRITE)) {
			prot &= ~VM_WRITE;
			pagetable_write_leaf(from, pte_make_leaf(frame_paddr(f), prot));
			weakened = true;
		}
		if (pagetable_read_leaf(to, &old, &old_prot)) {
			err = -EINVAL;   /* dst must be empty there: a caller bug, never overwrite */
			break;
		}
		frame_get(f);
		pagetable_write_leaf(to, pte_make_leaf(frame_paddr(f), prot));
	}
	if (weakened)
		hal_space_flush(src->hal_space, va, len);
	return err;
}

int vmspace_query(struct vmspace *vs, uaddr_t va, struct vm_query *q)
{
	struct frame *f;
	unsigned int prot;

	if (!vmspace_lookup(vs, ALIGN_DOWN(va, PAGE_SIZE), &f, &prot))
		return -ENOENT;
	q->frame = f;
	q->prot = prot;
	return 0;
}

/* Invariant: *pa is the start of an allocated frame inside RAM (see pagetable_read_leaf). */
int ostd_vmspace_translate(struct vmspace *vs, uaddr_t va, paddr_t *pa, unsigned int *prot)
{
	struct frame *f;
	unsigned int p;

	if (!vs || !vmspace_lookup(vs, ALIGN_DOWN(va, PAGE_SIZE), &f, &p) || !p)
		return -ENOENT;
	*pa = frame_paddr(f);
	*prot = p;
	return 0;
}

/* Whether slot's page extends run (or starts it, when run->pages is 0). */
static bool vmspace_run_takes(const pte_t *slot, uaddr_t va, struct vmspace_run *run)
{
	struct frame *f;
	unsigned int prot;

	/* Most entries of a scanned table are empty: no decoding for those. */
	if (__atomic_load_n(slot, __ATOMIC_RELAXED) == 0 ||
	    !pagetable_read_leaf(slot, &f, &prot) || !prot)
		return false;
	if (run->pages == 0) {
		*run = (struct vmspace_run){ .va = va, .pa = frame_paddr(f), .prot = prot };
	} else if (prot != run->prot || frame_paddr(f) != run->pa + run->pages * PAGE_SIZE) {
		return false;
	}
	run->pages++;
	return true;
}

/* Invariant: as ostd_vmspace_translate, every page of the run is an allocated frame inside
 * RAM. Missing tables are skipped whole and a last-level table is read entry by entry
 * without walking down again, so the walk costs what is mapped, not the range. */
int ostd_vmspace_next_run(struct vmspace *vs, uaddr_t va, uaddr_t end, uint64_t max_pages,
			  struct vmspace_run *run)
{
	uaddr_t at;
	pte_t *slot;

	run->pages = 0;
	va = ALIGN_DOWN(va, PAGE_SIZE);
	if (!vs || va < hal_user_start() || max_pages == 0)
		return -ENOENT;
	end = MIN(end, vmspace_user_end());
	while (va < end) {
		at = va;
		slot = pagetable_next_slot(&vs->pt, &at, end);
		if (!slot || (run->pages && at != va))
			break;  /* nothing more, or a missing table ends the run */
		va = at;
		do {
			bool started = run->pages != 0;

			if (!vmspace_run_takes(slot, va, run)) {
				if (started)
					return 0;
			} else if (run->pages == max_pages) {
				return 0;
			}
			va += PAGE_SIZE;
			slot++;
		} while (va < end && pte_index(va, 0) != 0);
	}
	return run->pages ? 0 : -ENOENT;
}

paddr_t ostd_vmspace_root(struct vmspace *vs)
{
	return frame_paddr(vs->pt.root);
}

void vmspace_set_fault_handler(struct vmspace *vs, vmspace_fault_fn fn, void *arg)
{
	vs->fault_fn = fn;
	vs->fault_arg = arg;
}

uint64_t vmspace_pagetable_frames(const struct vmspace *vs)
{
	return vs->pt.ntables;
}
