/* kvm_space.c: guest address spaces: OSTD's own page tables, with the engine's kernel half
 * added to each root. A flush makes the next entry reload CR3 (the whole TLB). */
#include <errno.h>
#include <stdlib.h>

#include "hal.h"
#include "kvm/kvm_engine.h"

int kvm_space_create(struct vmspace *vs, struct engine_space **out)
{
	struct engine_space *s;
	uint64_t root = ostd_vmspace_root(vs);

	if (root % 4096 || root >= kvm_engine.cfg.ram_bytes)
		return -EINVAL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->vs = vs;
	s->root = root;
	/* One store, outside OSTD's user range: its walker never looks there, and the entry
	 * points outside RAM, which it would refuse anyway. */
	__atomic_store_n((uint64_t *)((uint8_t *)kvm_engine.cfg.ram_host + root) +
			 KVM_KERNEL_PML4_SLOT, kvm_image_kernel_pml4e(kvm_engine.cfg.area_offset),
			 __ATOMIC_RELAXED);
	*out = s;
	return 0;
}

void kvm_space_destroy(struct engine_space *s)
{
	/* Its root frame goes back to OSTD: the next entry must load another CR3 first. */
	if (kvm_engine.cr3_space == s)
		kvm_engine.cr3_space = NULL;
	free(s);
}

void kvm_space_flush(struct engine_space *s, uaddr_t va, size_t len)
{
	(void)va;
	(void)len;
	if (kvm_engine.cr3_space == s)
		kvm_engine.cr3_space = NULL;
}
