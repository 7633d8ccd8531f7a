/* residency: mincore reports touched pages, madvise DONTNEED makes private anonymous
 * pages read back as zero, the mlock family accepts what Linux accepts, brk grows the
 * heap, and 64 MiB from malloc can be touched. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "mmtest.h"

#define PG 4096

static void show_mincore(const char *label, char *p, size_t pages)
{
	unsigned char vec[16];
	size_t i;

	if (mincore(p, pages * PG, vec)) {
		printf("%s: %s\n", label, mm_errname(errno));
		return;
	}
	printf("%s: ", label);
	for (i = 0; i < pages; i++)
		putchar('0' + (vec[i] & 1));
	putchar('\n');
}

static void check_madvise(void)
{
	char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset(p, 7, 4 * PG);
	printf("DONTNEED: %s\n", MM_RES(madvise(p + PG, 2 * PG, MADV_DONTNEED), -1));
	printf("after DONTNEED: %d %d %d %d\n", p[0], p[PG], p[2 * PG + 9], p[3 * PG]);
	printf("WILLNEED: %s\n", MM_RES(madvise(p, 4 * PG, MADV_WILLNEED), -1));
	printf("FREE: %s\n", MM_RES(madvise(p, PG, MADV_FREE), -1));
	printf("unknown advice: %s\n", MM_RES(madvise(p, PG, 77), -1));
	printf("unaligned: %s\n", MM_RES(madvise(p + 1, PG, MADV_DONTNEED), -1));
	munmap(p + 3 * PG, PG);
	printf("over a hole: %s\n", MM_RES(madvise(p, 4 * PG, MADV_NORMAL), -1));
}

static void check_mlock(void)
{
	char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	printf("mlock: %s\n", MM_RES(mlock(p, 2 * PG), -1));
	show_mincore("after mlock", p, 4);
	printf("munlock: %s\n", MM_RES(munlock(p, 2 * PG), -1));
	printf("mlock2 bad flags: %s\n", MM_RES(mlock2(p, PG, 8), -1));
	printf("mlock2 ONFAULT: %s\n", MM_RES(mlock2(p + 2 * PG, PG, MLOCK_ONFAULT), -1));
	munmap(p + 3 * PG, PG);
	printf("mlock over a hole: %s\n", MM_RES(mlock(p, 4 * PG), -1));
	printf("mlockall 0: %s\n", MM_RES(mlockall(0), -1));
	printf("mlockall ONFAULT alone: %s\n", MM_RES(mlockall(MCL_ONFAULT), -1));
	printf("mlockall FUTURE: %s\n", MM_RES(mlockall(MCL_FUTURE), -1));
	printf("munlockall: %s\n", MM_RES(munlockall(), -1));
}

int main(void)
{
	char *p = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *brk0, *brk1, *big;
	size_t i, sum = 0;

	show_mincore("fresh", p, 8);
	p[0] = 1;
	p[5 * PG] = 1;
	show_mincore("two touched", p, 8);
	printf("unaligned: %s\n", MM_RES(mincore(p + 1, PG, (unsigned char *)p), -1));
	munmap(p + 7 * PG, PG);
	show_mincore("over a hole", p, 8);
	check_madvise();
	check_mlock();

	/* The raw syscall: musl's sbrk refuses to move the break. */
	brk0 = (char *)syscall(SYS_brk, 0);
	brk1 = (char *)syscall(SYS_brk, brk0 + (1 << 20));
	printf("brk grows by 1 MiB: %d\n", brk1 == brk0 + (1 << 20));
	if (brk1 == brk0 + (1 << 20))
		memset(brk0, 3, 1 << 20);
	big = malloc(64 << 20);
	for (i = 0; i < (64u << 20); i += PG)
		big[i] = (char)(i >> 12);
	for (i = 0; i < (64u << 20); i += PG)
		sum += (unsigned char)big[i];
	printf("64 MiB touched, sum %zu\n", sum);
	return 0;
}
