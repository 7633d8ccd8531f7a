/* hal_console.c: the console device of the hosted machine is the host's stdin, stdout and
 * stderr, passed through unbuffered so a program's output matches the host's byte for byte. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "hal.h"

/* Set once the kernel was told input is ready; cleared when a read consumes it, so an
 * unread stdin does not wake the idle loop again and again. */
static bool input_signalled;

ssize_t hal_console_write(enum console_stream s, const void *buf, size_t n)
{
	int fd = s == CONSOLE_ERR ? 2 : 1;
	const char *p = buf;
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, p + done, n - done);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return errno == EPIPE ? -EPIPE : -EIO;
		}
		done += (size_t)r;
	}
	return (ssize_t)n;
}

static bool stdin_ready(int timeout_ms)
{
	struct pollfd pfd = { .fd = 0, .events = POLLIN };

	return poll(&pfd, 1, timeout_ms) > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR));
}

ssize_t hal_console_read(void *buf, size_t n)
{
	ssize_t r;

	if (!input_signalled && !stdin_ready(0))
		return -EAGAIN;
	input_signalled = false;
	/* poll said readable: a blocking read returns what is there without waiting. */
	do
		r = read(0, buf, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno == EAGAIN ? -EAGAIN : -EIO;
	return r;
}

bool hal_console_is_tty(int stream)
{
	return stream >= 0 && stream <= 2 && isatty(stream);
}

int hal_console_winsize(unsigned short *rows, unsigned short *cols)
{
	struct winsize ws;

	for (int fd = 0; fd <= 2; fd++) {
		if (ioctl(fd, TIOCGWINSZ, &ws) == 0) {
			*rows = ws.ws_row;
			*cols = ws.ws_col;
			return 0;
		}
	}
	return -ENOTTY;
}

/* Waits for stdin or the deadline; the only device events of the hosted machine so far. */
void hal_idle(uint64_t deadline_ns)
{
	int timeout_ms = -1;

	if (deadline_ns != UINT64_MAX) {
		uint64_t now = hal_clock_monotonic_ns();
		timeout_ms = deadline_ns <= now ? 0 : (int)MIN((deadline_ns - now + 999999) / 1000000,
							      (uint64_t)60000);
	}
	if (input_signalled) {
		/* The kernel knows about pending input and did not want it: just sleep. */
		poll(NULL, 0, timeout_ms);
		return;
	}
	if (stdin_ready(timeout_ms)) {
		input_signalled = true;
		ostd_irq_console_input();
	}
}
