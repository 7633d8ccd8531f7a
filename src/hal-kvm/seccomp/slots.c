/* slots.c: a bitmap of control-page slots. Callers hold seccomp_engine.lock. */
#include <errno.h>
#include <string.h>

#include "seccomp/slots.h"

void slots_init(struct slot_map *m, unsigned int count)
{
	memset(m, 0, sizeof(*m));
	m->count = count < SLOT_MAX ? count : SLOT_MAX;
}

int slots_alloc(struct slot_map *m)
{
	unsigned int i;

	for (i = 0; i < m->count; i++) {
		if (!(m->used[i / 64] & (1ull << (i % 64)))) {
			m->used[i / 64] |= 1ull << (i % 64);
			return (int)i;
		}
	}
	return -ENOSPC;
}

void slots_free(struct slot_map *m, int slot)
{
	if (slot >= 0 && (unsigned int)slot < m->count)
		m->used[slot / 64] &= ~(1ull << (slot % 64));
}
