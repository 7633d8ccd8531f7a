/* tty/tty_io.c: files over a terminal: blocking reads by the termios rules (canonical
 * lines, VMIN/VTIME), writes through output processing, poll, and the list of terminals. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/path.h>
#include <fs/poll.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <tty/tty.h>

#define TTY_CHUNK 256
#define VTIME_NS  100000000ull   /* VTIME counts tenths of a second */

struct tty_file {
	struct file file;          /* first: file_put frees the whole tty_file */
	struct tty *tty;
};

static const struct file_ops tty_file_ops;
static struct tty *tty_list;

void tty_register(struct tty *t)
{
	t->next_live = tty_list;
	tty_list = t;
}

void tty_unregister(struct tty *t)
{
	for (struct tty **pp = &tty_list; *pp; pp = &(*pp)->next_live) {
		if (*pp == t) {
			*pp = t->next_live;
			return;
		}
	}
}

struct tty *tty_find_session(int sid)
{
	for (struct tty *t = tty_list; t; t = t->next_live)
		if (sid > 0 && t->session == sid)
			return t;
	return NULL;
}

struct tty *tty_of_file(const struct file *f)
{
	return f && f->ops == &tty_file_ops ? ((const struct tty_file *)f)->tty : NULL;
}

/* Copies up to n bytes of t's input to the user: the count, 0 at end of file, -EFAULT. */
static ssize_t tty_read_copy(struct tty *t, char __user *buf, size_t n)
{
	char chunk[TTY_CHUNK];
	size_t done = 0;
	bool canon = t->termios.c_lflag & ICANON;

	while (done < n && tty_input_count(t)) {
		size_t k = tty_input_take(t, chunk, MIN(n - done, sizeof(chunk)));

		if (!k)
			break;    /* an end-of-file mark, or the end of a line */
		if (copy_to_user(buf + done, chunk, k))
			return done ? (ssize_t)done : -EFAULT;
		done += k;
		/* One line per read; the line ends where the take stopped short. */
		if (canon && (chunk[k - 1] == '\n' || k < MIN(n - done + k, sizeof(chunk))))
			break;
	}
	return (ssize_t)done;
}

/* Whether a non-canonical read is done waiting, by VMIN and VTIME (Linux's four cases);
 * *deadline is the VTIME timer to sleep to. */
static bool tty_raw_read_done(struct tty *t, size_t n, uint64_t *deadline)
{
	size_t vmin = t->termios.c_cc[VMIN], vtime = t->termios.c_cc[VTIME];
	size_t avail = tty_input_count(t);
	uint64_t now = clock_monotonic_ns();

	if (avail && avail >= MIN(vmin, n))
		return true;
	if (vtime == 0)
		return vmin == 0;
	if (vmin == 0) {
		if (*deadline == UINT64_MAX)
			*deadline = now + vtime * VTIME_NS;
		return now >= *deadline;
	}
	/* VMIN and VTIME: an inter-byte timer, started by the first byte. */
	if (!avail)
		return false;
	*deadline = t->last_input_ns + vtime * VTIME_NS;
	return now >= *deadline;
}

ssize_t tty_read(struct tty *t, struct file *f, void __user *buf, size_t n)
{
	uint64_t deadline = UINT64_MAX;
	int err = tty_check_job_read(t);

	if (err)
		return err;
	if (n == 0)
		return 0;
	for (;;) {
		if (t->termios.c_lflag & ICANON) {
			if (t->nlines)
				return tty_read_copy(t, buf, n);
		} else if (tty_raw_read_done(t, n, &deadline)) {
			return tty_read_copy(t, buf, n);
		}
		if (t->hungup)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		err = thread_sleep(&t->read_wait, deadline);
		if (err == -EINTR)
			return -ERESTARTSYS;
	}
}

/* Writes wait for the device when it is full (a pty nobody reads). */
ssize_t tty_write(struct tty *t, struct file *f, const void __user *buf, size_t n)
{
	char chunk[TTY_CHUNK];
	size_t done = 0;
	int err = tty_check_job_write(t);

	if (err)
		return err;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(chunk)), pos = 0;

		if (t->hungup)
			return done ? (ssize_t)done : -EIO;
		if (copy_from_user(chunk, (const char __user *)buf + done, k))
			return done ? (ssize_t)done : -EFAULT;
		while (pos < k) {
			ssize_t w = tty_output(t, chunk + pos, k - pos);

			if (w < 0)
				return done + pos ? (ssize_t)(done + pos) : w;
			pos += (size_t)w;
			if (pos < k && !w) {
				if (t->hungup)
					return done + pos ? (ssize_t)(done + pos) : -EIO;
				if (f->flags & O_NONBLOCK)
					return done + pos ? (ssize_t)(done + pos) : -EAGAIN;
				if (thread_sleep(&t->write_wait, UINT64_MAX) == -EINTR)
					return done + pos ? (ssize_t)(done + pos) : -ERESTARTSYS;
			}
		}
		done += k;
	}
	return (ssize_t)done;
}

unsigned int tty_poll(struct tty *t, struct file *f, struct poll_table *pt)
{
	unsigned int mask = 0;
	size_t vmin = t->termios.c_cc[VMIN];

	poll_wait_head(pt, f, &t->poll);
	if (tty_input_ready(t, vmin ? vmin : 1))
		mask |= POLLIN | POLLRDNORM;
	if (t->hungup)
		mask |= POLLHUP | POLLIN | POLLRDNORM;
	else if (t->drv->write_room(t) >= 2)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static ssize_t tty_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return tty_read(tty_of_file(f), f, buf, n);
}

static ssize_t tty_file_write(struct file *f, const void __user *buf, size_t n,
			      uint64_t *pos)
{
	return tty_write(tty_of_file(f), f, buf, n);
}

static unsigned int tty_file_poll(struct file *f, struct poll_table *pt)
{
	return tty_poll(tty_of_file(f), f, pt);
}

static long tty_file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return tty_ioctl(tty_of_file(f), f, cmd, arg);
}

static int64_t tty_file_lseek(struct file *f, int64_t off, int whence)
{
	return -ESPIPE;
}

/* Terminals opened through a node report it; the console's fds 0-2 have none. */
/* The console streams init started with were opened by no name, but /proc/self/fd and
 * ttyname say /dev/console: fstat must then give that node's identity (ttyname compares
 * st_dev and st_ino). 0, or -ENOENT when the node is gone or is something else now. */
static int tty_console_node_stat(const struct tty *t, struct stat *st)
{
	struct process *p = process_current();
	struct inode *node;

	if (!p || t->drv->rdev(t) != CHARDEV(5, 1) ||
	    path_lookup(p->root, p->root, "/dev/console", LOOKUP_FOLLOW, &node))
		return -ENOENT;
	if (!S_ISCHR(node->mode) || node->rdev != CHARDEV(5, 1))
		return -ENOENT;
	ramfs_fill_stat(node, st);
	return 0;
}

static int tty_file_fstat(struct file *f, struct stat *st)
{
	struct tty *t = tty_of_file(f);

	if (f->inode) {
		ramfs_fill_stat(f->inode, st);
		return 0;
	}
	if (tty_console_node_stat(t, st) == 0)
		return 0;
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_nlink = 1;
	st->st_rdev = t->drv->rdev(t);
	st->st_blksize = 1024;
	st->st_ino = 3 + (uint64_t)f->stream;
	return 0;
}

static void tty_file_release(struct file *f)
{
	struct tty *t = tty_of_file(f);

	if (f->inode)
		ramfs_file_release(f);
	if (t->drv->close)
		t->drv->close(t, f);
}

static const struct file_ops tty_file_ops = {
	.read = tty_file_read,
	.write = tty_file_write,
	.poll = tty_file_poll,
	.ioctl = tty_file_ioctl,
	.lseek = tty_file_lseek,
	.fstat = tty_file_fstat,
	.release = tty_file_release,
};

struct file *tty_file_open(struct tty *t, unsigned int flags, int stream)
{
	struct tty_file *tf = kzalloc(sizeof(*tf));

	if (!tf)
		return NULL;
	tf->file.ops = &tty_file_ops;
	tf->file.flags = flags;
	tf->file.stream = stream;
	tf->file.refs = 1;
	tf->tty = t;
	tty_open_acquire(t, flags);
	return &tf->file;
}
