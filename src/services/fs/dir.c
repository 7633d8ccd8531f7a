/* fs/dir.c: directories: getdents64, getcwd, chdir, fchdir, mkdir; and readlink. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

long sys_getdents64(int fd, void __user *dirp, unsigned int count)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f)
		return -EBADF;
	if (!f->ops->getdents64)
		return -ENOTDIR;
	return f->ops->getdents64(f, dirp, count);
}

long sys_getcwd(char __user *ubuf, size_t size)
{
	struct process *p = process_current();
	char *buf = kmalloc(PATH_MAX);
	long n;

	if (!buf)
		return -ENOMEM;
	n = path_of_dir(p->root, p->cwd, buf, PATH_MAX);
	if (n >= 0 && (size_t)n + 1 > size)
		n = -ERANGE;
	if (n >= 0)
		n = copy_to_user(ubuf, buf, (size_t)n + 1) ? -EFAULT : n + 1;
	kfree(buf);
	return n;
}

long sys_readlinkat(int dirfd, const char __user *upath, char __user *ubuf, int bufsiz)
{
	struct inode *i;
	char *target;
	long n;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = fs_lookup_at(process_current(), dirfd, upath, 0, &i);
	if (err)
		return err;
	target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	n = inode_readlink(i, target, PATH_MAX);
	if (n >= 0) {
		n = MIN((long)bufsiz, n);
		if (copy_to_user(ubuf, target, (size_t)n))
			n = -EFAULT;
	}
	kfree(target);
	return n;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* chdir's last step: searching dir takes execute permission; cwd keeps a reference. */
static int fs_set_cwd(struct process *p, struct inode *dir)
{
	int err = fs_permission(p, dir, MAY_EXEC);

	if (err)
		return err;
	inode_get(dir);
	inode_put(p->cwd);
	p->cwd = dir;
	return 0;
}

long sys_chdir(const char __user *path)
{
	struct process *p = process_current();
	struct inode *i;
	int err;

	err = fs_lookup_at(p, AT_FDCWD, path, LOOKUP_FOLLOW, &i);
	if (err)
		return err;
	if (!ramfs_is_dir(i))
		return -ENOTDIR;
	return fs_set_cwd(p, i);
}

long sys_fchdir(int fd)
{
	struct process *p = process_current();
	struct inode *dir;
	int err;

	/* AT_FDCWD is no fd here: Linux gives -EBADF for fchdir(AT_FDCWD). */
	if (fd < 0)
		return -EBADF;
	err = fs_dirfd_inode(p, fd, &dir);
	if (err)
		return err;
	return fs_set_cwd(p, dir);
}

long sys_mkdirat(int dirfd, const char __user *upath, unsigned int mode)
{
	struct process *p = process_current();
	struct fs_parent par;
	struct inode *old;
	char *path = NULL;
	int err;

	err = fs_lookup_parent_at(p, dirfd, upath, &path, &par);
	if (err)
		return err;
	/* "/", "." and ".." exist already, as does anything ramfs finds. */
	if (par.len == 0 || (par.len == 1 && par.name[0] == '.') ||
	    (par.len == 2 && par.name[0] == '.' && par.name[1] == '.') ||
	    inode_lookup(par.dir, par.name, par.len, &old) == 0)
		err = -EEXIST;
	else
		err = fs_permission(p, par.dir, MAY_WRITE | MAY_EXEC);
	if (!err)
		err = ramfs_create(par.dir, par.name, par.len,
				   S_IFDIR | (mode & 07777 & ~p->umask), &old);
	if (!err) {
		old->uid = p->cred.fsuid;
		old->gid = p->cred.fsgid;
	}
	kfree(path);
	return err;
}

long sys_mkdir(const char __user *path, unsigned int mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}
