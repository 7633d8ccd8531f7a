/* fs/console_file.c: the machine console as the program's fds 0, 1 and 2. */
#include <ostd/console.h>
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <tty/tty_dev.h>

#define CONSOLE_CHUNK 1024
#define TTY_MAJOR_PTS 136

/* OSTD's console can only be read, not asked whether input waits, so poll reads what is
 * there into this lookahead, which reads then drain first. It is the console's, not a
 * file's: every file over the console input shares the one stream. */
static struct {
	char buf[CONSOLE_CHUNK];
	size_t start, len;
	bool eof;             /* poll saw end of input: the next read returns 0 once */
} console_ahead;

/* console_read, served from the lookahead first. */
static ssize_t console_read_ahead(char *chunk, size_t n)
{
	size_t k = MIN(n, console_ahead.len);

	if (k) {
		memcpy(chunk, console_ahead.buf + console_ahead.start, k);
		console_ahead.start += k;
		console_ahead.len -= k;
		return (ssize_t)k;
	}
	if (console_ahead.eof) {
		console_ahead.eof = false;
		return 0;
	}
	return console_read(chunk, n);
}

static ssize_t console_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	char chunk[CONSOLE_CHUNK];
	ssize_t got;

	if (n == 0)
		return 0;
	for (;;) {
		got = console_read_ahead(chunk, MIN(n, sizeof(chunk)));
		if (got != -EAGAIN)
			break;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (thread_sleep(console_input_waitqueue(), UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
	if (got <= 0)
		return got;
	if (copy_to_user(buf, chunk, (size_t)got))
		return -EFAULT;
	return got;
}

/* Copies through a bounce buffer; a fault after some bytes went out reports those bytes. */
static ssize_t console_file_write(struct file *f, const void __user *buf, size_t n,
				  uint64_t *pos)
{
	char chunk[CONSOLE_CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t k = MIN(n - done, sizeof(chunk));
		ssize_t w;

		if (copy_from_user(chunk, (const char __user *)buf + done, k))
			return done ? (ssize_t)done : -EFAULT;
		w = console_write(f->stream == 2 ? CONSOLE_ERR : CONSOLE_OUT, chunk, k);
		if (w <= 0)
			return done ? (ssize_t)done : (w < 0 ? w : -EIO);
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static int64_t console_file_lseek(struct file *f, int64_t off, int whence)
{
	return -ESPIPE;
}

static int console_file_fstat(struct file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_nlink = 1;
	st->st_rdev = console_is_tty(f->stream) ? (TTY_MAJOR_PTS << 8) : 0;
	st->st_blksize = 1024;
	st->st_ino = 3 + (uint64_t)f->stream;
	return 0;
}

/* A terminal just opened in cooked mode, as the program would find it. */
static void console_default_termios(struct termios *t)
{
	static const uint8_t cc[] = { 3, 28, 127, 21, 4, 0, 1 };

	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN;
	memcpy(t->c_cc, cc, sizeof(cc));
}

static long console_file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = uaddr_ptr(arg);
	struct termios t;
	struct winsize ws;
	int err;

	if (!console_is_tty(f->stream))
		return -ENOTTY;
	switch (cmd) {
	case TCGETS:
		console_default_termios(&t);
		return copy_to_user(uarg, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		/* Accepted but not applied: the host terminal keeps its own mode in v0. */
		return copy_from_user(&t, uarg, sizeof(t)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		memset(&ws, 0, sizeof(ws));
		err = console_winsize(&ws.ws_row, &ws.ws_col);
		if (err)
			return err;
		return copy_to_user(uarg, &ws, sizeof(ws)) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

/* Readable when input waits or at its end; the input's OSTD queue wakes the call. */
static unsigned int console_in_poll(struct file *f, struct poll_table *pt)
{
	ssize_t got;

	if (console_ahead.len || console_ahead.eof)
		return POLLIN | POLLRDNORM;
	got = console_read(console_ahead.buf, sizeof(console_ahead.buf));
	if (got == -EAGAIN) {
		poll_wait_queue(pt, console_input_waitqueue());
		return 0;
	}
	if (got < 0)
		return POLLIN | POLLRDNORM | POLLERR;   /* the read will report the error */
	console_ahead.start = 0;
	console_ahead.len = (size_t)got;
	console_ahead.eof = got == 0;
	return POLLIN | POLLRDNORM;
}

/* Output goes to the host (or serial port) synchronously: always writable. */
static unsigned int console_out_poll(struct file *f, struct poll_table *pt)
{
	return POLLOUT | POLLWRNORM;
}

static const struct file_ops console_in_ops = {
	.read = console_file_read,
	.poll = console_in_poll,
	.lseek = console_file_lseek,
	.fstat = console_file_fstat,
	.ioctl = console_file_ioctl,
};

static const struct file_ops console_out_ops = {
	.write = console_file_write,
	.poll = console_out_poll,
	.lseek = console_file_lseek,
	.fstat = console_file_fstat,
	.ioctl = console_file_ioctl,
};

/* A stream that is a host terminal (with the input one too) is the console terminal of
 * tty/, with its line discipline; any other stays this plain byte stream. */
struct file *console_file_open(int stream)
{
	struct file *f;

	if (tty_console_claims(stream))
		return tty_console_open(stream == 0 ? O_RDONLY : O_WRONLY, stream);
	f = file_alloc(stream == 0 ? &console_in_ops : &console_out_ops, NULL,
		       stream == 0 ? O_RDONLY : O_WRONLY);
	if (f)
		f->stream = stream;
	return f;
}
