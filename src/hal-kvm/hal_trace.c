/* hal_trace.c: the syscall trace goes to host stderr (--strace) or a file (--strace-file),
 * beside the program's own stderr as real strace's lines are, never into it. */
#include <stdio.h>

#include "hal.h"
#include "vmm.h"

void hal_trace_write(const char *s, size_t n)
{
	if (!vmm.cfg.trace)
		return;
	fwrite(s, 1, n, vmm.cfg.trace);
	/* Unbuffered in effect: lines must interleave with the program's output in order. */
	fflush(vmm.cfg.trace);
}
