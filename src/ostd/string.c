/* string.c: OSTD's own string helpers (kstrlcpy, ksnprintf): no libc, so they work
 * unchanged on bare metal and never interpose on the host's libc. */
#include <ostd/string.h>

/* Invariant: writes at most size bytes to dst and terminates it whenever size > 0. */
size_t kstrlcpy(char *dst, const char *src, size_t size)
{
	size_t len = 0;

	while (src[len])
		len++;
	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		for (size_t i = 0; i < n; i++)
			dst[i] = src[i];
		dst[n] = '\0';
	}
	return len;
}

/* An output cursor that counts what it would have written past the end. */
struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

static void fmt_putc(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void fmt_pad(struct fmt_out *o, char c, int n)
{
	while (n-- > 0)
		fmt_putc(o, c);
}

struct fmt_spec {
	bool left;     /* '-' */
	bool zero;     /* '0' */
	bool alt;      /* '#': 0x before a non-zero hex number */
	int width;
	int prec;      /* -1: none */
};

static void fmt_str(struct fmt_out *o, const struct fmt_spec *sp, const char *s)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while ((sp->prec < 0 || len < sp->prec) && s[len])
		len++;
	if (!sp->left)
		fmt_pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		fmt_putc(o, s[i]);
	if (sp->left)
		fmt_pad(o, ' ', sp->width - len);
}

/* Formats v in base 10 or 16 with an optional sign or "0x" prefix. */
static void fmt_num(struct fmt_out *o, const struct fmt_spec *sp, uint64_t v, bool neg,
		    unsigned int base, bool upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, plen = 0, pad;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		prefix = "-";
	while (prefix && prefix[plen])
		plen++;
	pad = sp->width - n - plen;
	if (!sp->left && !sp->zero)
		fmt_pad(o, ' ', pad);
	for (int i = 0; i < plen; i++)
		fmt_putc(o, prefix[i]);
	if (!sp->left && sp->zero)
		fmt_pad(o, '0', pad);
	while (n)
		fmt_putc(o, tmp[--n]);
	if (sp->left)
		fmt_pad(o, ' ', pad);
}

/* Reads flags, width and precision at *fmt; returns the length modifier (0, 'l', 'L'
 * for ll, 'z'). */
static char fmt_parse_spec(const char **fmt, struct fmt_spec *sp, va_list *ap)
{
	const char *f = *fmt;
	char mod = 0;

	*sp = (struct fmt_spec){ .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->prec = sp->prec * 10 + (*f++ - '0');
	}
	if (*f == 'l') {
		mod = 'l';
		if (*++f == 'l') {
			mod = 'L';
			f++;
		}
	} else if (*f == 'z') {
		mod = 'z';
		f++;
	}
	if (sp->width < 0) {
		sp->left = true;
		sp->width = -sp->width;
	}
	*fmt = f;
	return mod;
}

static int64_t fmt_arg_signed(va_list *ap, char mod)
{
	if (mod == 'l' || mod == 'L')
		return va_arg(*ap, long long);
	if (mod == 'z')
		return va_arg(*ap, ssize_t);
	return va_arg(*ap, int);
}

static uint64_t fmt_arg_unsigned(va_list *ap, char mod)
{
	if (mod == 'l' || mod == 'L')
		return va_arg(*ap, unsigned long long);
	if (mod == 'z')
		return va_arg(*ap, size_t);
	return va_arg(*ap, unsigned int);
}

static void fmt_conv(struct fmt_out *o, char conv, char mod, struct fmt_spec *sp,
		     va_list *ap)
{
	char c;

	switch (conv) {
	case 'd':
	case 'i': {
		int64_t v = fmt_arg_signed(ap, mod);

		fmt_num(o, sp, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, false, NULL);
		break;
	}
	case 'u':
		fmt_num(o, sp, fmt_arg_unsigned(ap, mod), false, 10, false, NULL);
		break;
	case 'o':
		fmt_num(o, sp, fmt_arg_unsigned(ap, mod), false, 8, false, NULL);
		break;
	case 'x':
	case 'X': {
		uint64_t v = fmt_arg_unsigned(ap, mod);

		fmt_num(o, sp, v, false, 16, conv == 'X',
			sp->alt && v ? (conv == 'X' ? "0X" : "0x") : NULL);
		break;
	}
	case 'p':
		fmt_num(o, sp, (uintptr_t)va_arg(*ap, void *), false, 16, false, "0x");
		break;
	case 's':
		fmt_str(o, sp, va_arg(*ap, const char *));
		break;
	case 'c':
		/* Not through fmt_str: a NUL character is still printed. */
		c = (char)va_arg(*ap, int);
		if (!sp->left)
			fmt_pad(o, ' ', sp->width - 1);
		fmt_putc(o, c);
		if (sp->left)
			fmt_pad(o, ' ', sp->width - 1);
		break;
	case '%':
		fmt_putc(o, '%');
		break;
	default:
		/* An unknown conversion is printed as is, so a bad format stays visible. */
		fmt_putc(o, '%');
		if (conv)
			fmt_putc(o, conv);
		break;
	}
}

/* Invariant: writes at most size bytes to buf and terminates it whenever size > 0. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = { .buf = buf, .size = size };
	struct fmt_spec sp;
	va_list aq;
	char mod;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			fmt_putc(&o, *fmt++);
			continue;
		}
		fmt++;
		mod = fmt_parse_spec(&fmt, &sp, &aq);
		fmt_conv(&o, *fmt, mod, &sp, &aq);
		if (*fmt)
			fmt++;
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
