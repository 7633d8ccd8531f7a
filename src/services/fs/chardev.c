/* fs/chardev.c: /dev/null, zero, full, random, urandom, tty and console, with Linux's
 * device numbers and semantics. */
#include <ostd/boot.h>
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <fs/ramfs.h>
#include <system/system.h>
#include <tty/tty_dev.h>

static ssize_t null_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return 0;
}

static ssize_t sink_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	return (ssize_t)n;
}

static ssize_t full_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	return n ? -ENOSPC : 0;
}

static ssize_t zero_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return clear_user(buf, n) ? -EFAULT : (ssize_t)n;
}

static ssize_t random_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return random_copy_to_user(buf, n);
}

/* Reads and writes at any offset do the same thing, as on Linux. */
static int64_t dev_lseek(struct file *f, int64_t off, int whence)
{
	return 0;
}

static int dev_fstat(struct file *f, struct stat *st)
{
	ramfs_fill_stat(f->inode, st);
	return 0;
}

/* None of these devices ever blocks: always ready for both directions. */
static const struct file_ops null_ops = {
	.release = ramfs_file_release, .poll = poll_always_ready,
	.read = null_read, .write = sink_write, .lseek = dev_lseek, .fstat = dev_fstat,
};
static const struct file_ops zero_ops = {
	.release = ramfs_file_release, .poll = poll_always_ready,
	.read = zero_read, .write = sink_write, .lseek = dev_lseek, .fstat = dev_fstat,
};
static const struct file_ops full_ops = {
	.release = ramfs_file_release, .poll = poll_always_ready,
	.read = zero_read, .write = full_write, .lseek = dev_lseek, .fstat = dev_fstat,
};
static const struct file_ops random_ops = {
	.release = ramfs_file_release, .poll = poll_always_ready,
	.read = random_read, .write = sink_write, .lseek = dev_lseek, .fstat = dev_fstat,
};

struct chardev {
	const char *name;
	uint32_t rdev;
	uint32_t mode;
	const struct file_ops *ops;    /* NULL: a terminal (tty/) */
};

static const struct chardev chardevs[] = {
	{ "null",    CHARDEV(1, 3), 0666, &null_ops },
	{ "zero",    CHARDEV(1, 5), 0666, &zero_ops },
	{ "full",    CHARDEV(1, 7), 0666, &full_ops },
	{ "random",  CHARDEV(1, 8), 0666, &random_ops },
	{ "urandom", CHARDEV(1, 9), 0666, &random_ops },
	{ "tty",     CHARDEV(5, 0), 0666, NULL },
	{ "console", CHARDEV(5, 1), 0600, NULL },
	{ "ptmx",    CHARDEV(5, 2), 0666, NULL },
};

/* The terminals: /dev/tty is the caller's controlling terminal, /dev/console the console
 * terminal, ptmx a new pty, pts/N a pty's slave. Without a terminal console (its input is
 * not a host terminal), tty and console are the plain console as before. */
static int chardev_open_tty(struct inode *i, unsigned int flags, struct file **out)
{
	int err;

	if (i->rdev == CHARDEV(5, 2))
		return pty_open_master(flags, out);
	if ((i->rdev >> 8) == TTY_MAJOR_PTS)
		return pty_open_slave(i->rdev & 0xff, flags, out);
	if (i->rdev == CHARDEV(5, 0))
		err = tty_open_ctty(flags, out);
	else
		err = tty_console_open_dev(flags, out);
	if (err != -ENXIO && err != -ENODEV)
		return err;
	if (i->rdev == CHARDEV(5, 0) && tty_console_claims(0))
		return -ENXIO;    /* a terminal exists, but not for this session */
	*out = console_file_open((flags & O_ACCMODE) == O_RDONLY ? 0 : 1);
	if (!*out)
		return -ENOMEM;
	(*out)->flags = flags;
	return 0;
}

int chardev_open(struct inode *i, unsigned int flags, struct file **out)
{
	const struct chardev *d = NULL;
	struct file *f;

	for (size_t k = 0; k < sizeof(chardevs) / sizeof(chardevs[0]); k++)
		if (chardevs[k].rdev == i->rdev)
			d = &chardevs[k];
	if (!d && (i->rdev >> 8) != TTY_MAJOR_PTS)
		return -ENXIO;
	if (!d || !d->ops) {
		int err = chardev_open_tty(i, flags, &f);

		if (err)
			return err;
		/* Terminals opened by name report their node (fstat, ttyname). */
		if (!f->inode && i->rdev != CHARDEV(5, 0)) {
			f->inode = i;
			i->opens++;
		}
		*out = f;
		return 0;
	}
	f = file_alloc(d->ops, i, flags);
	if (!f)
		return -ENOMEM;
	i->opens++;
	*out = f;
	return 0;
}

void chardev_populate(struct inode *dev)
{
	struct inode *pts = NULL;

	for (size_t k = 0; k < sizeof(chardevs) / sizeof(chardevs[0]); k++) {
		const struct chardev *d = &chardevs[k];

		ramfs_mknod_char(dev, d->name, strlen(d->name), d->mode, d->rdev, NULL);
	}
	if (ramfs_lookup(dev, "pts", 3, &pts) && ramfs_create(dev, "pts", 3, S_IFDIR | 0755, &pts))
		pts = NULL;
	tty_pts_dir_set(pts);
}
