/* fuzz_leak.h: what a fuzz input must give back: every frame and every heap object the
 * kernel allocated while it ran. A difference is reported on stderr and is a finding. */
#ifndef TESTS_FUZZ_FUZZ_LEAK_H
#define TESTS_FUZZ_FUZZ_LEAK_H

#include <stdbool.h>
#include <ostd/frame.h>
#include <ostd/heap.h>

struct fuzz_leak_mark {
	struct frame_stats frames;
	struct heap_stats heap;
};

void fuzz_leak_mark(struct fuzz_leak_mark *m);
/* True (and a line on stderr naming what) when anything is still allocated since m. */
bool fuzz_leak_since(const struct fuzz_leak_mark *m, const char *target);

#endif
