/* fs/truncate.c: truncate, ftruncate and fallocate: changing a regular file's size. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <abi/falloc.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/pipe.h>
#include <fs/ramfs.h>
#include <mm/pagecache.h>
#include <process/process.h>

/* A file written by someone other than root loses its set-ID bits, as on Linux: otherwise
 * changed contents would run with the old owner's powers. */
static void truncate_kill_suid(const struct process *p, struct inode *i)
{
	if (p->cred.fsuid == 0)
		return;
	i->mode &= ~(unsigned int)S_ISUID;
	if (i->mode & 0010)
		i->mode &= ~(unsigned int)S_ISGID;
}

static int truncate_to(const struct process *p, struct inode *i, int64_t length)
{
	int err;

	if ((uint64_t)length > RAMFS_FILE_MAX)
		return -EFBIG;
	err = ramfs_resize(i, (uint64_t)length);
	if (!err)
		truncate_kill_suid(p, i);
	return err;
}

long sys_truncate(const char __user *path, int64_t length)
{
	struct process *p = process_current();
	struct inode *i;
	int err;

	if (length < 0)
		return -EINVAL;
	err = fs_lookup_at(p, AT_FDCWD, path, LOOKUP_FOLLOW, &i);
	if (err)
		return err;
	if (ramfs_is_dir(i))
		return -EISDIR;
	if (!ramfs_is_regular(i))
		return -EINVAL;
	err = fs_permission(p, i, MAY_WRITE);
	if (err)
		return err;
	return truncate_to(p, i, length);
}

/* The regular file open for writing at fd. Linux's answer for anything else (a read-only
 * fd, a directory, a pipe) is -EINVAL; O_PATH fds are no fds here. */
static int truncate_fd_file(struct process *p, int fd, struct file **out)
{
	struct file *f = fdtable_get(p->fdt, fd);

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	if (!f->inode || !ramfs_is_regular(f->inode) || !file_is_writable(f))
		return -EINVAL;
	*out = f;
	return 0;
}

long sys_ftruncate(int fd, int64_t length)
{
	struct process *p = process_current();
	struct file *f;
	int err;

	if (length < 0)
		return -EINVAL;
	err = truncate_fd_file(p, fd, &f);
	if (err)
		return err;
	return truncate_to(p, f->inode, length);
}

/* The kinds of file fallocate meets, in Linux's order of refusals. */
static int fallocate_check_file(struct file *f)
{
	if (!file_is_writable(f))
		return -EBADF;
	if (!f->inode)
		return file_is_pipe(f) ? -ESPIPE : -ENODEV;
	if (ramfs_is_dir(f->inode))
		return -EISDIR;
	if (!ramfs_is_regular(f->inode))
		return -ENODEV;
	return 0;
}

/* Zeroes [off, off + len) inside the file (the rest is already a hole). */
static void fallocate_punch(struct inode *i, uint64_t off, uint64_t len)
{
	if (off >= i->size)
		return;
	len = MIN(len, i->size - off);
	memset(i->data + off, 0, (size_t)len);
	pagecache_write_through(i, off, len);
	ramfs_touch_mtime(i);
}

/* Linux's generic checks of the mode: unknown bits and contradictory pairs. */
static int fallocate_check_mode(int mode)
{
	int kind = mode & FALLOC_FL_MODE_MASK;

	if (mode & ~FALLOC_FL_SUPPORTED_MASK)
		return -EOPNOTSUPP;
	switch (kind) {
	case 0:
	case FALLOC_FL_UNSHARE_RANGE:
	case FALLOC_FL_ZERO_RANGE:
		return 0;
	case FALLOC_FL_PUNCH_HOLE:
		return (mode & FALLOC_FL_KEEP_SIZE) ? 0 : -EOPNOTSUPP;
	case FALLOC_FL_COLLAPSE_RANGE:
	case FALLOC_FL_INSERT_RANGE:
	case FALLOC_FL_WRITE_ZEROES:
		return (mode & FALLOC_FL_KEEP_SIZE) ? -EOPNOTSUPP : 0;
	default:
		return -EOPNOTSUPP;
	}
}

long sys_fallocate(int fd, int mode, int64_t offset, int64_t len)
{
	struct process *p = process_current();
	struct file *f = fdtable_get(p->fdt, fd);
	uint64_t end;
	int err;

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	if (offset < 0 || len <= 0)
		return -EINVAL;
	err = fallocate_check_mode(mode);
	if (!err)
		err = fallocate_check_file(f);
	if (err)
		return err;
	if (offset > INT64_MAX - len || (uint64_t)(offset + len) > RAMFS_FILE_MAX)
		return -EFBIG;
	/* ramfs keeps every byte in memory already: allocating is growing, and the only other
	 * mode it has, like tmpfs, is punching a hole that keeps the size. */
	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	end = (uint64_t)(offset + len);
	if (mode & FALLOC_FL_PUNCH_HOLE) {
		fallocate_punch(f->inode, (uint64_t)offset, (uint64_t)len);
		return 0;
	}
	if ((mode & FALLOC_FL_KEEP_SIZE) || end <= f->inode->size)
		return 0;
	return ramfs_resize(f->inode, end);
}
