/* strace/line.h: a bounded text line the tracer fills piece by piece. */
#ifndef SERVICES_STRACE_LINE_H
#define SERVICES_STRACE_LINE_H

#include <ostd/types.h>

/* Long enough for six arguments with two 32-byte strings escaped at 4 bytes a byte. */
#define STRACE_LINE_MAX 640

/* Text past the end is dropped, and the line ends in "..." (see strace_line_end). */
struct strace_line {
	char buf[STRACE_LINE_MAX];
	size_t len;
	bool overflow;
};

void strace_line_init(struct strace_line *l);
void strace_line_puts(struct strace_line *l, const char *s);
void strace_line_putc(struct strace_line *l, char c);
void strace_line_printf(struct strace_line *l, const char *fmt, ...) __printf(2, 3);
/* Ends the line with '\n' (always room for it) and returns its text, NUL-terminated. */
const char *strace_line_end(struct strace_line *l);

#endif
