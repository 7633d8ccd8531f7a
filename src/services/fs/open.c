/* fs/open.c: open, openat, close, dup, dup2, dup3 and fcntl. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/pipe.h>
#include <fs/ramfs.h>
#include <process/process.h>

#define OPEN_FLAGS_KNOWN (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
			  O_NONBLOCK | O_DSYNC | O_ASYNC | O_DIRECT | O_LARGEFILE | \
			  O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_SYNC | O_PATH)

/* Finds the file to open, creating it for O_CREAT (*created then set: the creator may
 * open it whatever mode it gave). */
static int open_find(struct process *p, struct inode *start, const char *path, int flags,
		     unsigned int mode, struct inode **out, bool *created, struct path_last *last)
{
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct inode *dir;
	const char *name;
	size_t len;
	bool must_dir;
	int err;

	err = path_lookup_last(p->root, start, path, lookup, out, last);
	if (!(flags & O_CREAT))
		return err;
	if (err == 0)
		return (flags & O_EXCL) ? -EEXIST : 0;
	if (err != -ENOENT)
		return err;
	err = path_lookup_parent(p->root, start, path, &dir, &name, &len, &must_dir);
	if (err)
		return err;
	if (must_dir)
		return -EISDIR;
	err = fs_permission(p, dir, MAY_WRITE | MAY_EXEC);
	if (!err)
		err = ramfs_create(dir, name, len, S_IFREG | (mode & 07777 & ~p->umask), out);
	if (!err) {
		(*out)->uid = p->cred.fsuid;
		(*out)->gid = p->cred.fsgid;
		*created = true;
		last->dir = dir;
		memcpy(last->name, name, len);
		last->name[len] = '\0';
	}
	return err;
}

/* The access the open asks for, checked against the file's mode bits. */
static int open_permission(struct process *p, struct inode *i, int flags)
{
	int acc = flags & O_ACCMODE, mask = 0;

	if (flags & O_PATH)
		return 0;
	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	return fs_permission(p, i, mask);
}

/* The checks between finding a file and opening it, as Linux orders them. */
static int open_check(struct inode *i, int flags)
{
	int acc = flags & O_ACCMODE;

	if (flags & O_PATH)
		return (flags & O_DIRECTORY) && !ramfs_is_dir(i) ? -ENOTDIR : 0;
	if (ramfs_is_symlink(i))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !ramfs_is_dir(i))
		return -ENOTDIR;
	if (ramfs_is_dir(i) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if (acc == O_ACCMODE)
		return -EINVAL;
	return 0;
}

/* Opens i as the file its type makes it. */
static int open_inode(struct inode *i, unsigned int flags, struct file **out)
{
	if (flags & O_PATH)
		goto plain;
	if (i->ops && i->ops->open && !S_ISDIR(i->mode))
		return i->ops->open(i, flags, out);
	if (ramfs_is_chardev(i))
		return chardev_open(i, flags, out);
	if (S_ISFIFO(i->mode))
		return fifo_open(i, flags, out);
	/* A socket's node is reached with connect, never opened (O_PATH aside). */
	if (S_ISSOCK(i->mode))
		return -ENXIO;
plain:
	*out = ramfs_file_open(i, flags);
	return *out ? 0 : -ENOMEM;
}

long sys_openat(int dirfd, const char __user *upath, int flags, unsigned int mode)
{
	struct process *p = process_current();
	struct inode *start = p->cwd, *i;
	struct path_last *last;
	struct file *f;
	char *path = NULL;
	int err, fd;
	bool cloexec, created = false;

	/* Linux ignores unknown open flags; only O_TMPFILE needs a real answer. */
	if ((flags & O_TMPFILE) == O_TMPFILE)
		return -EOPNOTSUPP;
	flags &= OPEN_FLAGS_KNOWN;
	err = fs_path_copy_at(p, dirfd, upath, &path, &start);
	if (err)
		return err;
	last = kmalloc(sizeof(*last));
	if (!last) {
		kfree(path);
		return -ENOMEM;
	}
	last->dir = NULL;
	err = open_find(p, start, path, flags, mode, &i, &created, last);
	if (!err)
		err = open_check(i, flags);
	if (!err && !created)
		err = open_permission(p, i, flags);
	if (err)
		goto out_free_path;
	if ((flags & O_TRUNC) && ramfs_is_regular(i) && (flags & O_ACCMODE) != O_RDONLY) {
		err = ramfs_resize(i, 0);
		if (err)
			goto out_free_path;
	}
	cloexec = flags & O_CLOEXEC;
	flags &= ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC);
	err = open_inode(i, (unsigned int)flags, &f);
	if (err)
		goto out_free_path;
	f->path = path_absolute(p->root, i, last);
	fd = fdtable_install(p->fdt, f, 0, cloexec);
	if (fd < 0)
		file_put(f);
	err = fd;
out_free_path:
	kfree(last);
	kfree(path);
	return err;
}

long sys_open(const char __user *path, int flags, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_creat(const char __user *path, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

#define CLOSE_RANGE_UNSHARE 0x2u
#define CLOSE_RANGE_CLOEXEC 0x4u

/* close_range: closes (or marks close-on-exec) every open fd in [first, last]; with
 * CLOSE_RANGE_UNSHARE the process first gets a table of its own (CLONE_FILES sharers keep
 * theirs). */
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	struct process *p = process_current();
	struct fdtable *own;
	unsigned int fd;

	if ((flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) || first > last)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && p->fdt->refs > 1) {
		own = fdtable_copy(p->fdt);
		if (!own)
			return -ENOMEM;
		fdtable_release(p->fdt);
		p->fdt = own;
	}
	last = MIN(last, (unsigned int)FDTABLE_SIZE - 1);
	for (fd = first; fd <= last && fd < FDTABLE_SIZE; fd++) {
		if (!fdtable_get(p->fdt, (int)fd))
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC)
			p->fdt->cloexec[fd] = true;
		else
			fdtable_close(p->fdt, (int)fd);
	}
	return 0;
}

long sys_close(int fd)
{
	return fdtable_close(process_current()->fdt, fd);
}

static long fd_dup_from(int oldfd, int min, bool cloexec)
{
	struct fdtable *t = process_current()->fdt;
	struct file *f = fdtable_get(t, oldfd);
	int fd;

	if (!f)
		return -EBADF;
	if (min < 0 || min >= FDTABLE_SIZE)
		return -EINVAL;
	file_get(f);
	fd = fdtable_install(t, f, min, cloexec);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_dup(int oldfd)
{
	return fd_dup_from(oldfd, 0, false);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	struct fdtable *t = process_current()->fdt;
	struct file *f = fdtable_get(t, oldfd);

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (!f)
		return -EBADF;
	return fdtable_install_at(t, f, newfd, flags & O_CLOEXEC);
}

long sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd)
		return fdtable_get(process_current()->fdt, oldfd) ? newfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}

/* F_SETFL may change only these; the access mode and creation flags stay. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

long sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct fdtable *t = process_current()->fdt;
	struct file *f = fdtable_get(t, fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		return fd_dup_from(fd, (int)MIN(arg, (unsigned long)FDTABLE_SIZE), false);
	case F_DUPFD_CLOEXEC:
		return fd_dup_from(fd, (int)MIN(arg, (unsigned long)FDTABLE_SIZE), true);
	case F_GETFD:
		return t->cloexec[fd] ? FD_CLOEXEC : 0;
	case F_SETFD:
		t->cloexec[fd] = arg & FD_CLOEXEC;
		return 0;
	case F_GETFL:
		return (long)(f->flags | O_LARGEFILE);
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | ((unsigned int)arg & SETFL_MASK);
		return 0;
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl_size(f, cmd == F_SETPIPE_SZ, arg);
	default:
		return -EINVAL;
	}
}
