/* compiler.h: annotations and small macros shared by OSTD and services. */
#ifndef OSTD_COMPILER_H
#define OSTD_COMPILER_H

#ifdef __CHECKER__
#define __user   __attribute__((noderef, address_space(1)))
#define __iomem  __attribute__((noderef, address_space(2)))
#define __force  __attribute__((force))
#else
#define __user
#define __iomem
#define __force
#endif

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __noreturn  __attribute__((noreturn))
#define __unused    __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __must_check __attribute__((warn_unused_result))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN_UP(x, a)   ALIGN_DOWN((x) + (a) - 1, (a))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#endif

#endif
