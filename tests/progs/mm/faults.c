/* faults: SIGSEGV handlers see Linux's si_code and si_addr for writes to read-only and
 * PROT_NONE pages, unmapped pages and pages munmap took away; MAP_GROWSDOWN areas grow
 * on a touch just below them; MAP_FIXED_NOREPLACE refuses a used range. */
#include <sys/mman.h>
#include <unistd.h>
#include "mmtest.h"

#define PG 4096
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	char *a, *g, *r;

	mm_catch_faults();
	a = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	a[0] = 1;
	mprotect(a, PG, PROT_READ);
	MM_TOUCH("write to read-only", a + 12, 'x', a);
	MM_TOUCH("read of read-only", a + 12, -1, a);
	mprotect(a + PG, PG, PROT_NONE);
	MM_TOUCH("read of PROT_NONE", a + PG + 3, -1, a);
	mprotect(a + PG, PG, PROT_READ | PROT_WRITE);
	MM_TOUCH("after mprotect back", a + PG + 3, 'y', a);
	munmap(a + 2 * PG, PG);
	MM_TOUCH("unmapped page", a + 2 * PG + 5, -1, a);
	MM_TOUCH("page after the hole", a + 3 * PG, 'z', a);
	r = mmap(a, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("MAP_FIXED_NOREPLACE on a used page: %s\n", MM_RES(r, MAP_FAILED));
	r = mmap(a + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		 -1, 0);
	printf("MAP_FIXED_NOREPLACE on the hole: %s, in place %d\n", MM_RES(r, MAP_FAILED),
	       r == a + 2 * PG);
	r = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	printf("MAP_NORESERVE: %s\n", MM_RES(r, MAP_FAILED));

	/* A growsdown area placed with room below it. */
	g = mmap(NULL, 64 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(g, 64 * PG);
	g = mmap(g + 60 * PG, 2 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, -1, 0);
	MM_TOUCH("just below a growsdown area", g - 8, 'g', g);
	MM_TOUCH("three pages below", g - 3 * PG, 'h', g);
	return 0;
}
