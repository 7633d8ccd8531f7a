/* log.h: the kernel log (never the program's fds) and panic. */
#ifndef OSTD_LOG_H
#define OSTD_LOG_H

#include <ostd/types.h>

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

void log_printf(enum log_level lvl, const char *fmt, ...) __printf(2, 3);
#define log_err(...)   log_printf(LOG_ERR, __VA_ARGS__)
#define log_warn(...)  log_printf(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_printf(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_printf(LOG_DEBUG, __VA_ARGS__)

/* Stops the machine with a message: for broken kernel invariants, never for bad input. */
__noreturn void ostd_panic(const char *fmt, ...) __printf(1, 2);
#define OSTD_ASSERT(c) \
	do { if (unlikely(!(c))) ostd_panic("assertion failed: %s at %s:%d", #c, __FILE__, __LINE__); } while (0)

#endif
