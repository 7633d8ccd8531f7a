/* string.h: the memory and string helpers OSTD provides to freestanding services.
 * The standard names (mem*, str*) come from libc in the hosted build, where OSTD may forward
 * to it (DESIGN.md), and from OSTD's own freestanding copies on bare metal; the k-prefixed
 * ones are always OSTD's, so they never interpose on the host libc's. */
#ifndef OSTD_STRING_H
#define OSTD_STRING_H

#include <ostd/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t kstrlcpy(char *dst, const char *src, size_t size);
/* Formats like C99 snprintf (%d %i %u %o %x %X %p %s %c %ld %lu %lx %lld %llu %llx %zu %zd %%,
 * with width, '-', '0' and '#' flags and .precision for %s); returns the length it wanted. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
#include <stdarg.h>
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
