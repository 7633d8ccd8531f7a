/* strace/quote.c: strings and buffers from user memory, quoted as strace quotes them. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <strace/decode.h>

static bool quote_is_octal_digit(unsigned char c)
{
	return c >= '0' && c <= '7';
}

/* Octal with as few digits as strace uses; all three when a digit 0-7 follows, or the
 * reader would take that digit as part of the escape. */
static void quote_octal(struct strace_line *l, unsigned char c, bool digit_follows)
{
	strace_line_putc(l, '\\');
	if (digit_follows || c >= 0100)
		strace_line_putc(l, (char)('0' + (c >> 6)));
	if (digit_follows || c >= 010)
		strace_line_putc(l, (char)('0' + ((c >> 3) & 7)));
	strace_line_putc(l, (char)('0' + (c & 7)));
}

static const char *quote_escape_of(unsigned char c)
{
	switch (c) {
	case '\t': return "\\t";
	case '\n': return "\\n";
	case '\v': return "\\v";
	case '\f': return "\\f";
	case '\r': return "\\r";
	case '"':  return "\\\"";
	case '\\': return "\\\\";
	default:   return NULL;
	}
}

void strace_quote(struct strace_line *l, const void *bytes, size_t n, bool truncated)
{
	const unsigned char *p = bytes;
	size_t i;

	strace_line_putc(l, '"');
	for (i = 0; i < n; i++) {
		const char *esc = quote_escape_of(p[i]);

		if (esc)
			strace_line_puts(l, esc);
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			strace_line_putc(l, (char)p[i]);
		else
			quote_octal(l, p[i], i + 1 < n && quote_is_octal_digit(p[i + 1]));
	}
	strace_line_putc(l, '"');
	if (truncated)
		strace_line_puts(l, "...");
}

static void quote_address(struct strace_line *l, uint64_t addr)
{
	strace_line_printf(l, "%#llx", (unsigned long long)addr);
}

void strace_print_user_string(struct strace_line *l, uint64_t addr)
{
	char s[STRACE_STRING_MAX + 1];
	long n;

	if (!addr) {
		strace_line_puts(l, "NULL");
		return;
	}
	n = strncpy_from_user(s, uaddr_ptr(addr), sizeof(s));
	if (n == -ENAMETOOLONG) {
		/* Longer than shown: its first bytes, read again as a plain buffer. */
		if (copy_from_user(s, uaddr_ptr(addr), STRACE_STRING_MAX)) {
			quote_address(l, addr);
			return;
		}
		strace_quote(l, s, STRACE_STRING_MAX, true);
		return;
	}
	if (n < 0) {
		quote_address(l, addr);
		return;
	}
	strace_quote(l, s, (size_t)n, false);
}

void strace_print_user_buffer(struct strace_line *l, uint64_t addr, uint64_t len)
{
	unsigned char b[STRACE_STRING_MAX];
	size_t shown = len < STRACE_STRING_MAX ? (size_t)len : STRACE_STRING_MAX;

	if (!addr && len) {
		strace_line_puts(l, "NULL");
		return;
	}
	if (copy_from_user(b, uaddr_ptr(addr), shown)) {
		quote_address(l, addr);
		return;
	}
	strace_quote(l, b, shown, len > shown);
}
