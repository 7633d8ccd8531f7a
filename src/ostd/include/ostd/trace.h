/* trace.h: the syscall trace sink (keel run --strace): lines meant for the person running
 * the program, kept apart from the program's own fds and from the kernel log. */
#ifndef OSTD_TRACE_H
#define OSTD_TRACE_H

#include <ostd/types.h>

/* Writes n bytes of finished trace text (whole lines) to the machine's trace sink: host
 * stderr or a file when hosted, the serial console on metal. Never fails visibly: a trace
 * that cannot be written is dropped, the program runs on. */
void ostd_trace_write(const char *s, size_t n);

#endif
