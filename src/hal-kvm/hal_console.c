/* hal_console.c: the console device of the hosted machine is the host's stdin, stdout and
 * stderr, passed through unbuffered so a program's output matches the host's byte for byte. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "hal.h"
#include "vmm.h"

/* The host terminal's settings before raw mode, put back at every exit. */
static struct termios host_saved;
static volatile sig_atomic_t host_raw;

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

/* Raw mode as cfmakeraw makes it, but keeping the character size and parity as they are:
 * no input mapping, no output processing, no echo, no canonical lines, no key signals. */
static void host_termios_raw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL |
				  IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

int hal_console_set_raw(bool raw)
{
	struct termios t;

	if (!isatty(0))
		return -ENOTTY;
	if (raw == (bool)host_raw)
		return 0;
	if (!raw) {
		hal_console_restore();
		return 0;
	}
	if (tcgetattr(0, &host_saved) < 0)
		return -ENOTTY;
	t = host_saved;
	host_termios_raw(&t);
	if (tcsetattr(0, TCSANOW, &t) < 0)
		return -EIO;
	host_raw = 1;
	return 0;
}

/* Async-signal-safe (tcsetattr is one ioctl): called from exit paths and handlers. */
void hal_console_restore(void)
{
	if (!host_raw)
		return;
	host_raw = 0;
	tcsetattr(0, TCSANOW, &host_saved);
}

/* Killed from outside while the terminal is raw: put it back, then go with the status a
 * shell shows for the signal (the sandbox allows no re-raise). */
static void host_console_on_signal(int sig)
{
	hal_console_restore();
	_exit(128 + sig);
}

void hal_console_host_setup(void)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	struct sigaction sa = { .sa_handler = host_console_on_signal };

	if (!isatty(0))
		return;
	atexit(hal_console_restore);
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
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
