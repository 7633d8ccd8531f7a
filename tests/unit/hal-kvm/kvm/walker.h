/* walker.h: a software x86-64 4-level page walker, as the guest MMU walks the tables the
 * KVM engine gives it: the tests check the kernel half and OSTD's tables through it. */
#ifndef TESTS_UNIT_HAL_KVM_KVM_WALKER_H
#define TESTS_UNIT_HAL_KVM_KVM_WALKER_H

#include <stdbool.h>
#include <stdint.h>

/* Guest physical memory: RAM at 0, the engine area at area_gpa. */
struct walker_mem {
	const void *ram;
	uint64_t ram_bytes;
	const void *area;
	uint64_t area_gpa, area_bytes;
};

struct walk {
	uint64_t gpa;       /* the byte va translates to */
	bool user;          /* US at every level */
	bool write;         /* RW at every level */
	bool exec;          /* NX at no level (EFER.NXE set) */
};

/* false when va does not translate (not present, large page, reserved, outside memory,
 * non-canonical). */
bool walker_translate(const struct walker_mem *m, uint64_t cr3, uint64_t va, struct walk *w);

#endif
