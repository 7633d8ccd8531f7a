/* console.c: the machine's console over the HAL, and the wait queue of console input. */
#include <ostd/console.h>
#include <ostd/sync.h>

#include "boot_internal.h"
#include "hal.h"

static waitqueue_t console_input_wq;

void console_system_init(void)
{
	waitqueue_init(&console_input_wq);
}

ssize_t console_write(enum console_stream s, const void *buf, size_t n)
{
	return hal_console_write(s, buf, n);
}

ssize_t console_read(void *buf, size_t n)
{
	return hal_console_read(buf, n);
}

struct waitqueue *console_input_waitqueue(void)
{
	return &console_input_wq;
}

bool console_is_tty(int stream)
{
	return hal_console_is_tty(stream);
}

int console_winsize(unsigned short *rows, unsigned short *cols)
{
	return hal_console_winsize(rows, cols);
}

int console_set_raw(bool raw)
{
	return hal_console_set_raw(raw);
}

void ostd_irq_console_input(void)
{
	waitqueue_wake_all(&console_input_wq);
}
