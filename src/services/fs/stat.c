/* fs/stat.c: the stat family, access/faccessat, and ioctl. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/statx.h>
#include <abi/termios.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

static long stat_to_user(const struct stat *st, struct stat __user *ust)
{
	return copy_to_user(ust, st, sizeof(*st)) ? -EFAULT : 0;
}

static int file_stat(struct file *f, struct stat *st)
{
	if (!f->ops->fstat)
		return -EBADF;
	return f->ops->fstat(f, st);
}

long sys_fstat(int fd, struct stat __user *ust)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);
	struct stat st;
	int err;

	if (!f)
		return -EBADF;
	err = file_stat(f, &st);
	return err ? err : stat_to_user(&st, ust);
}

/* The stat of path at dirfd with AT_* flags (newfstatat's and statx's common part); with
 * AT_EMPTY_PATH and "", the file of dirfd itself (the cwd for AT_FDCWD). */
static int stat_at(struct process *p, int dirfd, const char __user *upath, int flags,
		   struct stat *st)
{
	struct inode *i;
	struct file *f;
	char *path = NULL;
	int err;

	if (flags & AT_EMPTY_PATH) {
		err = fs_path_copy(upath, true, &path);
		if (err)
			return err;
		err = path[0] == '\0';
		kfree(path);
		if (err && dirfd == AT_FDCWD) {
			ramfs_fill_stat(p->cwd, st);
			return 0;
		}
		if (err) {
			f = fdtable_get(p->fdt, dirfd);
			return f ? file_stat(f, st) : -EBADF;
		}
	}
	err = fs_lookup_at(p, dirfd, upath, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   &i);
	if (err)
		return err;
	ramfs_fill_stat(i, st);
	return 0;
}

long sys_newfstatat(int dirfd, const char __user *upath, struct stat __user *ust, int flags)
{
	struct stat st;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	err = stat_at(process_current(), dirfd, upath, flags, &st);
	return err ? err : stat_to_user(&st, ust);
}

/* Linux's dev_t split for statx: 12 bits of major, 20 of minor. */
static void statx_dev(uint64_t dev, uint32_t *major, uint32_t *minor)
{
	*major = (uint32_t)((dev >> 8) & 0xfff);
	*minor = (uint32_t)((dev & 0xff) | ((dev >> 12) & 0xfff00));
}

long sys_statx(int dirfd, const char __user *upath, int flags, unsigned int mask,
	       struct statx __user *ubuf)
{
	struct statx sx;
	struct stat st;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = stat_at(process_current(), dirfd, upath, flags, &st);
	if (err)
		return err;
	memset(&sx, 0, sizeof(sx));
	/* Everything stat knows, whatever was asked: Linux may return more than the mask. */
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = (uint32_t)st.st_blksize;
	sx.stx_nlink = (uint32_t)st.st_nlink;
	sx.stx_uid = st.st_uid;
	sx.stx_gid = st.st_gid;
	sx.stx_mode = (uint16_t)st.st_mode;
	sx.stx_ino = st.st_ino;
	sx.stx_size = (uint64_t)st.st_size;
	sx.stx_blocks = (uint64_t)st.st_blocks;
	sx.stx_atime = (struct statx_timestamp){ st.st_atime, (uint32_t)st.st_atime_nsec, 0 };
	sx.stx_mtime = (struct statx_timestamp){ st.st_mtime, (uint32_t)st.st_mtime_nsec, 0 };
	sx.stx_ctime = (struct statx_timestamp){ st.st_ctime, (uint32_t)st.st_ctime_nsec, 0 };
	statx_dev(st.st_rdev, &sx.stx_rdev_major, &sx.stx_rdev_minor);
	statx_dev(st.st_dev, &sx.stx_dev_major, &sx.stx_dev_minor);
	return copy_to_user(ubuf, &sx, sizeof(sx)) ? -EFAULT : 0;
}

long sys_stat(const char __user *path, struct stat __user *ust)
{
	return sys_newfstatat(AT_FDCWD, path, ust, 0);
}

long sys_lstat(const char __user *path, struct stat __user *ust)
{
	return sys_newfstatat(AT_FDCWD, path, ust, AT_SYMLINK_NOFOLLOW);
}

/* Every process is root in v0: reading and writing are always allowed, executing needs an
 * execute bit somewhere (or a directory), as for Linux's root. */
long sys_faccessat2(int dirfd, const char __user *upath, int mode, int flags)
{
	struct inode *i;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = fs_lookup_at(process_current(), dirfd, upath,
			   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &i);
	if (err)
		return err;
	if ((mode & X_OK) && !ramfs_is_dir(i) && !(i->mode & 0111))
		return -EACCES;
	return 0;
}

long sys_faccessat(int dirfd, const char __user *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

long sys_access(const char __user *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct fdtable *t = process_current()->fdt;
	struct file *f = fdtable_get(t, fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		t->cloexec[fd] = true;
		return 0;
	case FIONCLEX:
		t->cloexec[fd] = false;
		return 0;
	default:
		return f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
	}
}
