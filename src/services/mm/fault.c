/* mm/fault.c: setting up a process's mm, and demand paging of its areas. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <mm/mm.h>

/* Keep a gap between the stack and the highest mmap so a growing stack faults, not overwrites. */
#define MM_STACK_GAP (1ull << 20)

#define MM_FAULT_AHEAD_PAGES 16u     /* pages one sequential fault maps, itself included */
#define MM_FAULT_AHEAD_RESERVE 1024u /* frames fault-ahead always leaves free (4 MiB) */

/* OSTD's user copy wants 0 or -EFAULT; a syscall whose buffer cannot be paged in for lack
 * of RAM fails with -EFAULT. */
static int mm_vmspace_fault(void *arg, uaddr_t va, unsigned int access)
{
	return mm_fault_touch(arg, va, access) ? -EFAULT : 0;
}

int mm_init(struct mm *mm, struct vmspace *vs)
{
	uaddr_t end = ALIGN_DOWN(vmspace_user_end(), PAGE_SIZE);
	uaddr_t start = vmspace_user_start();
	int err;

	if (end <= start || end - start < 4 * (MM_STACK_SIZE + MM_STACK_GAP))
		return -ENOMEM;
	mm->vs = vs;
	mm->areas = NULL;
	mm->brk_start = mm->brk = 0;
	/* The top page stays unmapped so a runaway string read off the stack end faults. */
	mm->stack_top = end - PAGE_SIZE;
	mm->mmap_top = mm->stack_top - MM_STACK_SIZE - MM_STACK_GAP;
	err = mm_area_insert(mm, mm->stack_top - MM_STACK_SIZE, mm->stack_top,
			     PROT_READ | PROT_WRITE, AREA_STACK);
	if (err)
		return err;
	vmspace_set_fault_handler(vs, mm_vmspace_fault, mm);
	return 0;
}

/* x86 semantics: any of read, write or exec permission lets a page be read. */
static bool area_allows(const struct mm_area *a, unsigned int access)
{
	if ((access & VM_WRITE) && !(a->prot & PROT_WRITE))
		return false;
	if ((access & VM_EXEC) && !(a->prot & PROT_EXEC))
		return false;
	return (a->prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) != 0;
}

/* A write to a page fork shared read-only: the last holder takes the frame back writable,
 * others get a private copy. */
static int mm_break_cow(struct mm *mm, const struct mm_area *a, uaddr_t page,
			struct frame *shared)
{
	struct frame *copy;
	int err;

	if (frame_refcount(shared) == 1)
		return vmspace_protect(mm->vs, page, PAGE_SIZE, mm_prot_to_vm(a->prot));
	copy = frame_alloc(FRAME_USER);
	if (!copy)
		return -ENOMEM;
	frame_copy(copy, shared);
	err = vmspace_map(mm->vs, page, copy, mm_prot_to_vm(a->prot));
	frame_put(copy);
	return err;
}

/* Sequential fault-ahead for anonymous memory: a first touch right after the page below
 * it (a program filling a buffer, a heap, a fresh mapping) also maps the absent pages that
 * follow, up to MM_FAULT_AHEAD_PAGES, so one fault serves the run. Each fault costs an
 * engine round trip far dearer than on Linux, and frames taken one after another come out
 * contiguous (lowest-first allocation), so an engine maps the run at once. Scattered
 * touches still get one page each, so mincore and RSS follow what a program used; the
 * extra pages are only taken while RAM has MM_FAULT_AHEAD_RESERVE frames to spare, so
 * fault-ahead never causes an OOM. Decided in docs/decisions.md. */
static void mm_fault_ahead(struct mm *mm, const struct mm_area *a, uaddr_t page)
{
	uaddr_t va, end = page + MM_FAULT_AHEAD_PAGES * PAGE_SIZE;
	struct frame_stats st;
	struct vm_query q;
	struct frame *f;
	int err;

	if (page == a->start || vmspace_query(mm->vs, page - PAGE_SIZE, &q) != 0)
		return;
	if (end > a->end || end < page)
		end = a->end;
	for (va = page + PAGE_SIZE; va < end; va += PAGE_SIZE) {
		if (vmspace_query(mm->vs, va, &q) == 0)
			break;   /* the run ahead is already there */
		frame_stats_get(&st);
		if (st.free <= MM_FAULT_AHEAD_RESERVE)
			break;
		f = frame_alloc(FRAME_USER);
		if (!f)
			break;
		err = vmspace_map(mm->vs, va, f, mm_prot_to_vm(a->prot));
		frame_put(f);
		if (err)
			break;
	}
}

static int mm_fault_page(struct mm *mm, uaddr_t va, unsigned int access, bool ahead)
{
	struct mm_area *a = mm_area_find(mm, va);
	uaddr_t page = ALIGN_DOWN(va, PAGE_SIZE);
	struct vm_query q;
	struct frame *f;
	int err;

	if (!a)
		a = mm_grow_down(mm, va);
	if (!a || !area_allows(a, access))
		return -EFAULT;
	if (vmspace_query(mm->vs, page, &q) == 0) {
		/* Present and writable by the area but not by the page: copy-on-write. Any
		 * other fault on a present page is about protection, which paging cannot fix. */
		if ((access & VM_WRITE) && !(q.prot & VM_WRITE) && !(a->flags & AREA_SHARED)) {
			err = mm_break_cow(mm, a, page, q.frame);
			return err == -ENOMEM ? -ENOMEM : err ? -EFAULT : 0;
		}
		return -EFAULT;
	}
	if (a->file) {
		err = mm_fault_file(mm, a, page, access);
		return err == -ENOMEM || err == -EIO ? err : err ? -EFAULT : 0;
	}
	f = frame_alloc(FRAME_USER);
	if (!f)
		return -ENOMEM;
	err = vmspace_map(mm->vs, page, f, mm_prot_to_vm(a->prot));
	/* The mapping holds its own reference now (or failed to take one). */
	frame_put(f);
	if (err)
		return err == -ENOMEM ? -ENOMEM : -EFAULT;
	if (ahead)
		mm_fault_ahead(mm, a, page);
	return 0;
}

int mm_fault(struct mm *mm, uaddr_t va, unsigned int access)
{
	return mm_fault_page(mm, va, access, false);
}

int mm_fault_touch(struct mm *mm, uaddr_t va, unsigned int access)
{
	return mm_fault_page(mm, va, access, true);
}

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->refs = 1;
	mm->vs = vmspace_create();
	if (!mm->vs)
		goto out_free_mm;
	if (mm_init(mm, mm->vs))
		goto out_destroy_vs;
	return mm;

out_destroy_vs:
	mm_release(mm);
	vmspace_destroy(mm->vs);
out_free_mm:
	kfree(mm);
	return NULL;
}

void mm_get(struct mm *mm)
{
	mm->refs++;
}

void mm_put(struct mm *mm)
{
	if (!mm || --mm->refs > 0)
		return;
	mm_release(mm);
	vmspace_destroy(mm->vs);
	kfree(mm);
}
