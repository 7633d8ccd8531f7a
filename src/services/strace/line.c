/* strace/line.c: a bounded line buffer; what does not fit is cut, never overrun. */
#include <ostd/string.h>
#include <strace/line.h>

/* Room kept back for the "...\n" that marks a cut line, and the NUL. */
#define LINE_TAIL 5

void strace_line_init(struct strace_line *l)
{
	l->len = 0;
	l->overflow = false;
	l->buf[0] = '\0';
}

static size_t line_room(const struct strace_line *l)
{
	return sizeof(l->buf) - LINE_TAIL - l->len;
}

void strace_line_putc(struct strace_line *l, char c)
{
	if (!line_room(l)) {
		l->overflow = true;
		return;
	}
	l->buf[l->len++] = c;
}

void strace_line_puts(struct strace_line *l, const char *s)
{
	while (*s)
		strace_line_putc(l, *s++);
}

void strace_line_printf(struct strace_line *l, const char *fmt, ...)
{
	va_list ap;
	size_t room = line_room(l);
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(l->buf + l->len, room + 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > room) {
		l->overflow = true;
		n = (int)room;
	}
	l->len += (size_t)n;
}

const char *strace_line_end(struct strace_line *l)
{
	if (l->overflow) {
		memcpy(l->buf + l->len, "...", 3);
		l->len += 3;
	}
	l->buf[l->len++] = '\n';
	l->buf[l->len] = '\0';
	return l->buf;
}
