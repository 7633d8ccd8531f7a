/* log.c: the kernel log and panic, formatted by OSTD and written by the HAL. */
#include <ostd/log.h>
#include <ostd/string.h>

#include "hal.h"

#define LOG_LINE_MAX 512

void log_printf(enum log_level lvl, const char *fmt, ...)
{
	char buf[LOG_LINE_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	hal_log_write(lvl, buf, MIN((size_t)n, sizeof(buf) - 1));
}

__noreturn void ostd_panic(const char *fmt, ...)
{
	char buf[LOG_LINE_MAX];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	hal_panic(buf);
}
