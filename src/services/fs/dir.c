/* fs/dir.c: getdents64, getcwd, readlink and readlinkat. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
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
	size_t n;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = fs_lookup_at(process_current(), dirfd, upath, 0, &i);
	if (err)
		return err;
	if (!ramfs_is_symlink(i))
		return -EINVAL;
	n = MIN((size_t)bufsiz, (size_t)i->size);
	return copy_to_user(ubuf, i->data, n) ? -EFAULT : (long)n;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
