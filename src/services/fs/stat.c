/* fs/stat.c: the stat family, access/faccessat, and ioctl. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
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

static long file_stat_to_user(struct file *f, struct stat __user *ust)
{
	struct stat st;
	int err;

	if (!f->ops->fstat)
		return -EBADF;
	err = f->ops->fstat(f, &st);
	if (err)
		return err;
	return stat_to_user(&st, ust);
}

long sys_fstat(int fd, struct stat __user *ust)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f)
		return -EBADF;
	return file_stat_to_user(f, ust);
}

/* AT_EMPTY_PATH with "": the file of dirfd itself (the cwd for AT_FDCWD). */
static long stat_empty_path(struct process *p, int dirfd, struct stat __user *ust)
{
	struct stat st;
	struct file *f;

	if (dirfd == AT_FDCWD) {
		ramfs_fill_stat(p->cwd, &st);
		return stat_to_user(&st, ust);
	}
	f = fdtable_get(p->fdt, dirfd);
	if (!f)
		return -EBADF;
	return file_stat_to_user(f, ust);
}

long sys_newfstatat(int dirfd, const char __user *upath, struct stat __user *ust, int flags)
{
	struct process *p = process_current();
	struct inode *i;
	struct stat st;
	char *path = NULL;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		err = fs_path_copy(upath, true, &path);
		if (err)
			return err;
		err = path[0] == '\0';
		kfree(path);
		if (err)
			return stat_empty_path(p, dirfd, ust);
	}
	err = fs_lookup_at(p, dirfd, upath, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   &i);
	if (err)
		return err;
	ramfs_fill_stat(i, &st);
	return stat_to_user(&st, ust);
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
