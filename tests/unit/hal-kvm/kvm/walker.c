/* walker.c: the software page walker (see walker.h), after the Intel SDM's 4-level paging. */
#include <string.h>

#include "walker.h"

#define PTE_P   (1ull << 0)
#define PTE_RW  (1ull << 1)
#define PTE_US  (1ull << 2)
#define PTE_PS  (1ull << 7)
#define PTE_NX  (1ull << 63)
#define PTE_ADDR 0x000ffffffffff000ull

static bool walker_read(const struct walker_mem *m, uint64_t gpa, uint64_t *v)
{
	if (gpa + 8 <= m->ram_bytes) {
		memcpy(v, (const uint8_t *)m->ram + gpa, 8);
		return true;
	}
	if (gpa >= m->area_gpa && gpa + 8 <= m->area_gpa + m->area_bytes) {
		memcpy(v, (const uint8_t *)m->area + (gpa - m->area_gpa), 8);
		return true;
	}
	return false;
}

bool walker_translate(const struct walker_mem *m, uint64_t cr3, uint64_t va, struct walk *w)
{
	uint64_t table = cr3 & PTE_ADDR, e = 0;
	int64_t sva = (int64_t)(va << 16) >> 16;

	if ((uint64_t)sva != va)
		return false;
	*w = (struct walk){ .user = true, .write = true, .exec = true };
	for (int level = 3; level >= 0; level--) {
		unsigned int idx = (unsigned int)(va >> (12 + 9 * level)) & 511;

		if (!walker_read(m, table + idx * 8ull, &e) || !(e & PTE_P))
			return false;
		if (level > 0 && (e & PTE_PS))
			return false;   /* the engine never builds large pages */
		w->user &= !!(e & PTE_US);
		w->write &= !!(e & PTE_RW);
		w->exec &= !(e & PTE_NX);
		table = e & PTE_ADDR;
	}
	w->gpa = table | (va & 0xfff);
	return true;
}
