/* vmspace.h: user address spaces over OSTD's page tables: create, map, protect, query. */
#ifndef OSTD_VMSPACE_H
#define OSTD_VMSPACE_H

#include <ostd/types.h>

struct frame;
struct vmspace;

#define VM_READ  0x1u
#define VM_WRITE 0x2u
#define VM_EXEC  0x4u

/* The first and one-past-last user addresses this machine can map. */
uaddr_t vmspace_user_start(void);
uaddr_t vmspace_user_end(void);

/* Returns an empty address space, or NULL when out of memory. */
struct vmspace *vmspace_create(void);
/* Unmaps everything, frees the page tables and the engine's state, drops frame references. */
void vmspace_destroy(struct vmspace *vs);

/* Maps f at page-aligned va with prot (VM_*), taking a reference on f and replacing (and
 * releasing) any earlier mapping there. -EINVAL for a bad address, -ENOMEM for page tables. */
int vmspace_map(struct vmspace *vs, uaddr_t va, struct frame *f, unsigned int prot);
/* Unmaps [va, va+len) (page aligned), releasing frames; holes are fine. */
int vmspace_unmap(struct vmspace *vs, uaddr_t va, size_t len);
/* Changes the protection of the mapped pages in [va, va+len); holes are skipped. */
int vmspace_protect(struct vmspace *vs, uaddr_t va, size_t len, unsigned int prot);

/* fork: maps every page mapped in src's [va, va+len) at the same address in dst, sharing
 * the frame (one more reference each). With cow, pages that were writable lose VM_WRITE in
 * both spaces (src's engine is flushed), so the first write faults and the fault handler
 * copies or, when it holds the last reference, re-enables writing. -ENOMEM (dst may then
 * hold part of the range: destroy it), -EINVAL for a bad range. */
int vmspace_copy_range(struct vmspace *dst, struct vmspace *src, uaddr_t va, size_t len,
		       bool cow);

struct vm_query {
	struct frame *frame;   /* no reference taken */
	unsigned int prot;
};
/* 0 and *q when va's page is mapped, -ENOENT when not. */
int vmspace_query(struct vmspace *vs, uaddr_t va, struct vm_query *q);

/* Called by OSTD's user copy when it meets an unmapped or too weakly protected page
 * (access is VM_READ or VM_WRITE); returns 0 once it has mapped the page, or -EFAULT. */
typedef int (*vmspace_fault_fn)(void *arg, uaddr_t va, unsigned int access);
void vmspace_set_fault_handler(struct vmspace *vs, vmspace_fault_fn fn, void *arg);

/* Counters of the address space's page tables, for --stats and tests. */
uint64_t vmspace_pagetable_frames(const struct vmspace *vs);

#endif
