/* fuzz_leak.c: comparing the kernel's frame and heap counters before and after an input. */
#include <stdio.h>

#include "fuzz_leak.h"

void fuzz_leak_mark(struct fuzz_leak_mark *m)
{
	frame_stats_get(&m->frames);
	heap_stats_get(&m->heap);
}

bool fuzz_leak_since(const struct fuzz_leak_mark *m, const char *target)
{
	struct fuzz_leak_mark now;
	bool leaked = false;

	fuzz_leak_mark(&now);
	for (unsigned int k = 0; k < FRAME_USAGE_COUNT; k++) {
		if (now.frames.in_use[k] != m->frames.in_use[k]) {
			fprintf(stderr, "%s: frames of usage %u leaked: %llu before, %llu after\n",
				target, k, (unsigned long long)m->frames.in_use[k],
				(unsigned long long)now.frames.in_use[k]);
			leaked = true;
		}
	}
	if (now.heap.live_objects != m->heap.live_objects) {
		fprintf(stderr, "%s: heap objects leaked: %llu before, %llu after\n", target,
			(unsigned long long)m->heap.live_objects,
			(unsigned long long)now.heap.live_objects);
		leaked = true;
	}
	return leaked;
}
