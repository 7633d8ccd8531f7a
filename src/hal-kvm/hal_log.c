/* hal_log.c: the kernel log goes to host stderr with -v, to a file with --log, else nowhere:
 * never to the program's own fds. */
#include <stdio.h>

#include "hal.h"
#include "vmm.h"

void hal_log_write(enum log_level lvl, const char *msg, size_t n)
{
	static const char *const names[] = { "error", "warn", "info", "debug" };

	if (!vmm.cfg.log || (lvl == LOG_DEBUG && !vmm.cfg.verbose))
		return;
	fprintf(vmm.cfg.log, "keel[%s]: %.*s%s", names[lvl & 3], (int)n, msg,
		n && msg[n - 1] == '\n' ? "" : "\n");
	fflush(vmm.cfg.log);
}
