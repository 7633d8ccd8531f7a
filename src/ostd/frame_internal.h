/* frame_internal.h: OSTD's private view of frames: their metadata and kernel addresses.
 * The metadata lives in kernel heap memory, never in RAM, so a guest cannot forge it. */
#ifndef OSTD_FRAME_INTERNAL_H
#define OSTD_FRAME_INTERNAL_H

#include <ostd/frame.h>

struct frame {
	uint32_t refcount;       /* 0: free */
	uint8_t usage;           /* enum frame_usage, while allocated */
	/* Page-table frames only: who owns them and where they hang, so a walker can refuse
	 * a guest-forged entry that points at some other table. */
	uint8_t pt_level;
	uint16_t pt_slot;        /* index in the parent table */
	uint32_t pt_parent;      /* frame number of the parent table (root: its own) */
	uint32_t pt_next;        /* next table frame of the same owner (FRAME_NONE ends) */
	const void *pt_owner;
};

#define FRAME_NONE UINT32_MAX

/* Per-boot set-up and tear-down of the frame table over [0, hal_ram_bytes()). */
int frame_system_init(void);
void frame_system_fini(void);

/* The kernel's address of f's first byte. */
void *frame_kaddr(const struct frame *f);
/* f's frame number, and the frame with number pfn (NULL when not allocated). */
uint32_t frame_pfn(const struct frame *f);
struct frame *frame_from_pfn(uint64_t pfn);

#endif
