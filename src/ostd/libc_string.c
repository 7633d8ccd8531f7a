/* libc_string.c: freestanding mem* and str* for builds without a libc (bare metal).
 * Not part of libostd.a: in the hosted VMM the host libc provides these names, and
 * defining them there would interpose on libc for every library of the process.
 * LIBC_STRING_NAME lets a unit test compile them under other names. */
#include <ostd/string.h>

#ifndef LIBC_STRING_NAME
#define LIBC_STRING_NAME(name) name
#endif

/* The compiler may turn the loops below into calls to the very functions they define. */
#if defined(__GNUC__) && !defined(__clang__)
#define LIBC_STRING_NO_BUILTIN __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define LIBC_STRING_NO_BUILTIN
#endif

LIBC_STRING_NO_BUILTIN
void *LIBC_STRING_NAME(memcpy)(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

/* Copies backwards when dst overlaps the tail of src. */
LIBC_STRING_NO_BUILTIN
void *LIBC_STRING_NAME(memmove)(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if ((uintptr_t)d < (uintptr_t)s || (uintptr_t)d >= (uintptr_t)s + n) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

LIBC_STRING_NO_BUILTIN
void *LIBC_STRING_NAME(memset)(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int LIBC_STRING_NAME(memcmp)(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	}
	return 0;
}

size_t LIBC_STRING_NAME(strlen)(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t LIBC_STRING_NAME(strnlen)(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int LIBC_STRING_NAME(strcmp)(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	while (*x && *x == *y) {
		x++;
		y++;
	}
	return (*x > *y) - (*x < *y);
}

int LIBC_STRING_NAME(strncmp)(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	for (; n; n--, x++, y++) {
		if (*x != *y || !*x)
			return (*x > *y) - (*x < *y);
	}
	return 0;
}

char *LIBC_STRING_NAME(strchr)(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *LIBC_STRING_NAME(strrchr)(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
