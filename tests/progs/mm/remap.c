/* remap: mremap grows in place when the pages above are free, moves (keeping the bytes)
 * when they are not or when asked to, shrinks, and gives Linux's errors. */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "mmtest.h"

#define PG 4096

static void fill(char *p, size_t pages)
{
	size_t i;

	for (i = 0; i < pages; i++)
		p[i * PG] = (char)('A' + i);
}

static int same(const char *p, size_t pages)
{
	size_t i;

	for (i = 0; i < pages; i++)
		if (p[i * PG] != (char)('A' + i))
			return 0;
	return 1;
}

static void check_errors(char *a)
{
	void *r;

	r = mremap(a, PG, 2 * PG, 0x10);
	printf("unknown flag: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(a + 1, PG, 2 * PG, MREMAP_MAYMOVE);
	printf("unaligned old address: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(a, PG, 0, MREMAP_MAYMOVE);
	printf("new length 0: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(a, PG, 2 * PG, MREMAP_FIXED, a + 8 * PG);
	printf("FIXED without MAYMOVE: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(a, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, a + PG);
	printf("FIXED overlapping: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap((char *)0x10000000000ull, PG, 2 * PG, MREMAP_MAYMOVE);
	printf("unmapped old range: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(a, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	printf("DONTUNMAP with a new size: %s\n", MM_RES(r, MAP_FAILED));
}

int main(void)
{
	char *a, *b, *wall, *wall2, *r;

	mm_catch_faults();
	/* A region reserved first, so placements inside it are deterministic. */
	a = mmap(NULL, 64 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(a, 64 * PG);
	b = mmap(a, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill(b, 4);
	r = mremap(b, 4 * PG, 8 * PG, 0);
	printf("grow in place: %s, same address %d, bytes kept %d, new page %d\n",
	       MM_RES(r, MAP_FAILED), r == b, same(r, 4), r[6 * PG]);
	r = mremap(b, 8 * PG, 2 * PG, 0);
	printf("shrink: %s, same address %d, bytes kept %d\n", MM_RES(r, MAP_FAILED), r == b,
	       same(r, 2));
	MM_TOUCH("shrunk tail", b + 3 * PG, -1, b);
	wall = mmap(b + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	r = mremap(b, 2 * PG, 4 * PG, 0);
	printf("grow into a neighbour without MAYMOVE: %s\n", MM_RES(r, MAP_FAILED));
	r = mremap(b, 2 * PG, 16 * PG, MREMAP_MAYMOVE);
	printf("grow by moving: %s, moved %d, bytes kept %d\n", MM_RES(r, MAP_FAILED), r != b,
	       same(r, 2));
	MM_TOUCH("old place after the move", b, -1, b);
	/* The target is a mapping of its own, which MREMAP_FIXED replaces. */
	wall2 = mmap(NULL, 16 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	b = mremap(r, 16 * PG, 16 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, wall2);
	if (b == MAP_FAILED) {
		printf("FIXED move: %s\n", mm_errname(errno));
		return 1;
	}
	printf("FIXED move: at the asked place %d, bytes kept %d\n", b == wall2, same(b, 2));
	munmap(wall, PG);
	check_errors(b);
	return 0;
}
