/* mmap_lat: memory-mapping costs. Usage: mmap_lat MODE [ITERATIONS]; MODE is map16 (mmap
 * 16 anonymous pages, touch each, munmap: the time of one such cycle) or fault (the
 * first-touch fault of one page, from 256-page mappings touched page by page). Prints
 * "MODE_us N" on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "bench_clock.h"

#define PG 4096
#define FAULT_PAGES 256

/* One mapping of pages, each touched once, then unmapped. */
static int map_touch_unmap(long pages)
{
	char *p = mmap(NULL, (size_t)pages * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	for (long i = 0; i < pages; i++)
		p[i * PG] = 1;
	return munmap(p, (size_t)pages * PG);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "map16";
	long iters = argc > 2 ? atol(argv[2]) : 1000;
	double t0, per;

	if (iters <= 0)
		return 2;
	t0 = bench_now_us();
	if (strcmp(mode, "map16") == 0) {
		for (long i = 0; i < iters; i++)
			if (map_touch_unmap(16))
				return 1;
		per = (bench_now_us() - t0) / iters;
	} else if (strcmp(mode, "fault") == 0) {
		/* iters pages in all, in mappings of FAULT_PAGES: mmap and munmap are a small
		 * share of each page's time. */
		long rounds = (iters + FAULT_PAGES - 1) / FAULT_PAGES;

		for (long i = 0; i < rounds; i++)
			if (map_touch_unmap(FAULT_PAGES))
				return 1;
		per = (bench_now_us() - t0) / ((double)rounds * FAULT_PAGES);
	} else {
		return 2;
	}
	fprintf(stderr, "%s_us %.3f\n", mode, per);
	return 0;
}
