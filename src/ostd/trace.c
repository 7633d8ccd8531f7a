/* trace.c: the syscall trace sink; OSTD only forwards, the HAL decides where lines go. */
#include <ostd/trace.h>

#include "hal.h"

void ostd_trace_write(const char *s, size_t n)
{
	if (n)
		hal_trace_write(s, n);
}
