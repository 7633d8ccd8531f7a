/* types.h: the basic integer types of the OSTD API. */
#ifndef OSTD_TYPES_H
#define OSTD_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ostd/compiler.h>

typedef uint64_t paddr_t;  /* a "physical" address in the machine's RAM */
typedef uint64_t uaddr_t;  /* a user virtual address as a number, for range arithmetic;
                              only OSTD turns it into memory, via the user copy API */
typedef int64_t  ssize_t;

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1ull << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

/* A user address as the __user pointer that copy_{from,to}_user take. */
#define uaddr_ptr(a) ((void __user *)(uintptr_t)(a))
/* The number behind a __user pointer, for range checks. */
#define uptr_addr(p) ((uaddr_t)(__force uintptr_t)(p))
/* p + n bytes, as address arithmetic: a program may pass NULL, and NULL + n is undefined
 * in C even where it is never dereferenced. */
#define uptr_add(p, n) uaddr_ptr(uptr_addr(p) + (n))

#endif
