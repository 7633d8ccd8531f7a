/* tty/console_tty.c: the machine console as a terminal, when its input is one. The device
 * is switched to raw mode and a kernel task feeds every input byte through the line
 * discipline as it arrives, so ^C reaches the foreground group even when nobody reads. */
#include <ostd/console.h>
#include <ostd/errno.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <abi/fcntl.h>
#include <fs/chardev.h>
#include <tty/tty.h>
#include <tty/tty_dev.h>

#define CONSOLE_PUMP_CHUNK 256
#define INIT_PID 1

static struct {
	struct tty tty;
	bool up;
} console;

static size_t console_tty_write_room(struct tty *t)
{
	return SIZE_MAX;
}

/* Echo and output go to the host stream that is the terminal: stdout unless only stderr
 * is (a program run with its stdout redirected). */
static int console_tty_write(struct tty *t, const char *buf, size_t n)
{
	enum console_stream s = console_is_tty(1) ? CONSOLE_OUT : CONSOLE_ERR;
	ssize_t w = console_write(s, buf, n);

	return w < 0 ? (int)w : 0;
}

static uint32_t console_tty_rdev(const struct tty *t)
{
	return CHARDEV(5, 1);
}

static const struct tty_driver console_tty_driver = {
	.write_room = console_tty_write_room,
	.write = console_tty_write,
	.rdev = console_tty_rdev,
};

/* The input task: every byte goes through the line discipline at once; at the end of
 * the device's input (the host terminal went away) the terminal hangs up. */
static void console_tty_pump(void *arg)
{
	char buf[CONSOLE_PUMP_CHUNK];

	for (;;) {
		ssize_t n = console_read(buf, sizeof(buf));

		if (n > 0) {
			tty_receive(&console.tty, buf, (size_t)n);
			continue;
		}
		if (n == -EAGAIN) {
			waitqueue_wait(console_input_waitqueue());
			continue;
		}
		console.tty.hungup = true;
		tty_hangup_session(&console.tty);
		tty_wake_readers(&console.tty);
		return;
	}
}

/* First use: the console terminal controls init's session (as Linux's init gets
 * /dev/console), the host stops cooking, and the input task starts. */
static int console_tty_start(void)
{
	if (console.up)
		return 0;
	tty_init(&console.tty, &console_tty_driver, NULL);
	if (console_winsize(&console.tty.winsize.ws_row, &console.tty.winsize.ws_col))
		console.tty.winsize = (struct winsize){ 0 };
	if (!task_spawn(console_tty_pump, NULL))
		return -ENOMEM;
	console_set_raw(true);
	console.tty.session = INIT_PID;
	console.tty.pgrp = INIT_PID;
	tty_register(&console.tty);
	console.up = true;
	return 0;
}

bool tty_console_claims(int stream)
{
	return console_is_tty(0) && (stream == 0 || console_is_tty(stream));
}

struct file *tty_console_open(unsigned int flags, int stream)
{
	if (console_tty_start())
		return NULL;
	return tty_file_open(&console.tty, flags, stream);
}

int tty_console_open_dev(unsigned int flags, struct file **out)
{
	if (!tty_console_claims(0))
		return -ENODEV;
	*out = tty_console_open(flags, (flags & O_ACCMODE) == O_RDONLY ? 0 : 1);
	return *out ? 0 : -ENOMEM;
}
