/* vmspace_internal.h: what an address space is, for OSTD's user copy and user mode. */
#ifndef OSTD_VMSPACE_INTERNAL_H
#define OSTD_VMSPACE_INTERNAL_H

#include <ostd/vmspace.h>

#include "pagetable.h"

struct vmspace {
	struct pagetable pt;
	void *hal_space;             /* the engine's mirror of this space */
	vmspace_fault_fn fault_fn;
	void *fault_arg;
};

/* The frame and prot mapped at va's page, validated (see pagetable_read_leaf). */
bool vmspace_lookup(struct vmspace *vs, uaddr_t va, struct frame **f, unsigned int *prot);

#endif
