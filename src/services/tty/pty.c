/* tty/pty.c: pseudo-terminals. /dev/ptmx makes a pair: the master is a plain byte stream
 * whose writes are the slave's input (through the slave's line discipline) and whose
 * reads are the slave's processed output; the slave is an ordinary terminal, reachable as
 * /dev/pts/N while the master is open. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <fs/ramfs.h>
#include <process/process.h>
#include <signal/signal.h>
#include <tty/tty.h>
#include <tty/tty_dev.h>

#define PTY_CHUNK 256
#define PTY_NAME_MAX 8

struct pty {
	struct tty tty;                /* the slave side, with the line discipline */
	char out[TTY_BUF_SIZE];        /* slave output the master has not read yet */
	size_t out_head, out_len;
	unsigned int index;
	bool locked;                   /* unlockpt not called yet: the slave cannot open */
	bool master_open;
	unsigned int slave_opens;
	bool slave_was_open;           /* master reads fail (EIO) once the last slave goes */
	struct inode *node;            /* /dev/pts/N, while the master is open */
	waitqueue_t master_wait;       /* master readers waiting for output */
	struct poll_head master_poll;
};

struct pty_master {
	struct file file;              /* first: file_put frees the whole pty_master */
	struct pty *pty;
};

static struct pty *ptys[PTY_MAX];
static struct inode *pts_dir;

static struct pty *pty_of_master(struct file *f)
{
	return ((struct pty_master *)f)->pty;
}

static void pty_wake_master(struct pty *p)
{
	waitqueue_wake_all(&p->master_wait);
	poll_head_wake(&p->master_poll);
}

static bool pty_slave_gone(const struct pty *p)
{
	return p->slave_was_open && p->slave_opens == 0;
}

static void pty_name(unsigned int index, char *buf, size_t *len)
{
	*len = (size_t)ksnprintf(buf, PTY_NAME_MAX, "%u", index);
}

/* Once neither side is open the pair goes. */
static void pty_free_if_unused(struct pty *p)
{
	if (p->master_open || p->slave_opens)
		return;
	ptys[p->index] = NULL;
	tty_unregister(&p->tty);
	kfree(p);
}

/* --- the slave's device: output goes into the master's read queue --- */

static size_t pty_slave_write_room(struct tty *t)
{
	struct pty *p = t->drv_data;

	return TTY_BUF_SIZE - p->out_len;
}

static int pty_slave_write(struct tty *t, const char *buf, size_t n)
{
	struct pty *p = t->drv_data;

	for (size_t i = 0; i < n; i++)
		p->out[(p->out_head + p->out_len++) % TTY_BUF_SIZE] = buf[i];
	pty_wake_master(p);
	return 0;
}

static void pty_slave_close(struct tty *t, struct file *f)
{
	struct pty *p = t->drv_data;

	if (--p->slave_opens == 0)
		pty_wake_master(p);
	pty_free_if_unused(p);
}

static uint32_t pty_slave_rdev(const struct tty *t)
{
	const struct pty *p = t->drv_data;

	return CHARDEV(TTY_MAJOR_PTS, p->index);
}

static const struct tty_driver pty_slave_driver = {
	.write_room = pty_slave_write_room,
	.write = pty_slave_write,
	.close = pty_slave_close,
	.rdev = pty_slave_rdev,
};

/* --- the master --- */

static ssize_t pty_master_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct pty *p = pty_of_master(f);
	char chunk[PTY_CHUNK];
	size_t k;

	while (!p->out_len) {
		if (pty_slave_gone(p))
			return -EIO;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (thread_sleep(&p->master_wait, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
	k = MIN(MIN(n, p->out_len), sizeof(chunk));
	for (size_t i = 0; i < k; i++)
		chunk[i] = p->out[(p->out_head + i) % TTY_BUF_SIZE];
	if (copy_to_user(buf, chunk, k))
		return -EFAULT;
	p->out_head = (p->out_head + k) % TTY_BUF_SIZE;
	p->out_len -= k;
	waitqueue_wake_all(&p->tty.write_wait);
	poll_head_wake(&p->tty.poll);
	return (ssize_t)k;
}

/* Input for the slave: the line discipline takes every byte (and drops what does not fit,
 * as a full terminal does), so the master never waits. */
static ssize_t pty_master_write(struct file *f, const void __user *buf, size_t n,
				uint64_t *pos)
{
	struct pty *p = pty_of_master(f);
	char chunk[PTY_CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t k = MIN(n - done, sizeof(chunk));

		if (copy_from_user(chunk, (const char __user *)buf + done, k))
			return done ? (ssize_t)done : -EFAULT;
		tty_receive(&p->tty, chunk, k);
		done += k;
	}
	return (ssize_t)done;
}

static unsigned int pty_master_poll(struct file *f, struct poll_table *pt)
{
	struct pty *p = pty_of_master(f);
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait_head(pt, f, &p->master_poll);
	if (p->out_len)
		mask |= POLLIN | POLLRDNORM;
	if (pty_slave_gone(p))
		mask |= POLLHUP;
	return mask;
}

/* TIOCGPTPEER: the slave as a new descriptor, without going through /dev/pts. */
static long pty_open_peer(struct pty *p, unsigned long flags)
{
	struct file *f;
	int fd, err;

	if (flags & ~(unsigned long)(O_ACCMODE | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	err = pty_open_slave(p->index, (unsigned int)flags & ~O_CLOEXEC, &f);
	if (err)
		return err;
	fd = fdtable_install(process_current()->fdt, f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

static long pty_master_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pty *p = pty_of_master(f);
	int v;

	switch (cmd) {
	case TIOCGPTN:
		v = (int)p->index;
		return copy_to_user(uaddr_ptr(arg), &v, sizeof(v)) ? -EFAULT : 0;
	case TIOCSPTLCK:
		if (copy_from_user(&v, uaddr_ptr(arg), sizeof(v)))
			return -EFAULT;
		p->locked = v != 0;
		return 0;
	case TIOCGPTPEER:
		return pty_open_peer(p, arg);
	case FIONREAD:
		v = (int)p->out_len;
		return copy_to_user(uaddr_ptr(arg), &v, sizeof(v)) ? -EFAULT : 0;
	case TIOCGPGRP:
		/* The master may always ask (terminal emulators do). */
		v = p->tty.pgrp;
		return copy_to_user(uaddr_ptr(arg), &v, sizeof(v)) ? -EFAULT : 0;
	case TCGETS: case TCSETS: case TCSETSW: case TCSETSF:
	case TIOCGWINSZ: case TIOCSWINSZ: case TCFLSH: case TCXONC: case TCSBRK:
		return tty_ioctl(&p->tty, f, cmd, arg);
	default:
		return -ENOTTY;
	}
}

static int64_t pty_master_lseek(struct file *f, int64_t off, int whence)
{
	return -ESPIPE;
}

static int pty_master_fstat(struct file *f, struct stat *st)
{
	if (f->inode) {
		ramfs_fill_stat(f->inode, st);
		return 0;
	}
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0666;
	st->st_nlink = 1;
	st->st_rdev = CHARDEV(5, 2);
	return 0;
}

/* The master going hangs the slave up: its reads end, its writes fail, its session's
 * foreground group gets SIGHUP; /dev/pts/N disappears. */
static void pty_master_release(struct file *f)
{
	struct pty *p = pty_of_master(f);
	char name[PTY_NAME_MAX];
	size_t len;

	if (f->inode)
		ramfs_file_release(f);
	p->master_open = false;
	p->tty.hungup = true;
	tty_hangup_session(&p->tty);
	tty_wake_readers(&p->tty);
	waitqueue_wake_all(&p->tty.write_wait);
	if (p->node && pts_dir) {
		pty_name(p->index, name, &len);
		ramfs_unlink(pts_dir, name, len);
	}
	p->node = NULL;
	pty_free_if_unused(p);
}

static const struct file_ops pty_master_ops = {
	.read = pty_master_read,
	.write = pty_master_write,
	.poll = pty_master_poll,
	.ioctl = pty_master_ioctl,
	.lseek = pty_master_lseek,
	.fstat = pty_master_fstat,
	.release = pty_master_release,
};

/* /dev/pts/N, owned by the opener, mode 0620 as devpts makes it. Without /dev/pts the
 * pair still works through TIOCGPTPEER. */
static void pty_make_node(struct pty *p)
{
	struct process *cur = process_current();
	char name[PTY_NAME_MAX];
	size_t len;

	if (!pts_dir)
		return;
	pty_name(p->index, name, &len);
	if (ramfs_mknod_char(pts_dir, name, len, 0620, CHARDEV(TTY_MAJOR_PTS, p->index),
			     &p->node))
		return;
	if (cur) {
		p->node->uid = cur->cred.fsuid;
		p->node->gid = cur->cred.fsgid;
	}
}

static int pty_alloc_index(void)
{
	for (int i = 0; i < PTY_MAX; i++)
		if (!ptys[i])
			return i;
	return -ENOSPC;
}

int pty_open_master(unsigned int flags, struct file **out)
{
	struct pty_master *m;
	struct pty *p;
	int index = pty_alloc_index();

	if (index < 0)
		return index;
	p = kzalloc(sizeof(*p));
	if (!p)
		return -ENOMEM;
	m = kzalloc(sizeof(*m));
	if (!m)
		goto out_free_pty;
	tty_init(&p->tty, &pty_slave_driver, p);
	p->tty.termios.c_cflag &= ~HUPCL;    /* Linux's pty slaves start without it */
	p->index = (unsigned int)index;
	p->locked = true;
	p->master_open = true;
	waitqueue_init(&p->master_wait);
	poll_head_init(&p->master_poll);
	m->file.ops = &pty_master_ops;
	m->file.flags = flags;
	m->file.refs = 1;
	m->pty = p;
	ptys[index] = p;
	tty_register(&p->tty);
	pty_make_node(p);
	*out = &m->file;
	return 0;

out_free_pty:
	kfree(p);
	return -ENOMEM;
}

int pty_open_slave(unsigned int index, unsigned int flags, struct file **out)
{
	struct pty *p = index < PTY_MAX ? ptys[index] : NULL;
	struct file *f;

	if (!p || !p->master_open || p->locked)
		return -EIO;
	f = tty_file_open(&p->tty, flags, 0);
	if (!f)
		return -ENOMEM;
	p->slave_opens++;
	p->slave_was_open = true;
	*out = f;
	return 0;
}

int tty_open_ctty(unsigned int flags, struct file **out)
{
	struct process *p = process_current();
	struct tty *t = p ? tty_find_session(p->sid) : NULL;
	struct pty *pty = NULL;

	if (!t)
		return -ENXIO;
	for (int i = 0; i < PTY_MAX; i++)
		if (ptys[i] && &ptys[i]->tty == t)
			pty = ptys[i];
	if (!pty) {
		*out = tty_console_open(flags | O_NOCTTY, (flags & O_ACCMODE) == O_RDONLY ? 0 : 1);
		return *out ? 0 : -ENOMEM;
	}
	if (t->hungup)
		return -EIO;
	*out = tty_file_open(t, flags | O_NOCTTY, 0);
	if (!*out)
		return -ENOMEM;
	pty->slave_opens++;
	return 0;
}

void tty_pts_dir_set(struct inode *dir)
{
	pts_dir = dir;
}
