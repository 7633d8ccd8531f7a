/* fs/at.c: copying user paths, resolving them against the *at() directory fd, and the
 * inode behind an fd. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

int fs_path_copy(const char __user *upath, bool allow_empty, char **out)
{
	char *buf = kmalloc(PATH_MAX);
	long n;

	if (!buf)
		return -ENOMEM;
	n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n == 0 && !allow_empty)
		n = -ENOENT;
	if (n < 0) {
		kfree(buf);
		return (int)n;
	}
	*out = buf;
	return 0;
}

int fs_dirfd_inode(struct process *p, int dirfd, struct inode **out)
{
	struct file *f;

	if (dirfd == AT_FDCWD) {
		*out = p->cwd;
		return 0;
	}
	f = fdtable_get(p->fdt, dirfd);
	if (!f)
		return -EBADF;
	if (!f->inode || !ramfs_is_dir(f->inode))
		return -ENOTDIR;
	*out = f->inode;
	return 0;
}

/* The inode behind fd for the f*() calls: -EBADF for a bad fd or an O_PATH one, which
 * carries no right to change the file. The console and pipes have none (*out NULL): their
 * owner and mode are not kept, so changing them succeeds without effect. */
int fs_fd_inode(struct process *p, int fd, struct inode **out)
{
	struct file *f = fdtable_get(p->fdt, fd);

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	*out = f->inode;
	return 0;
}

int fs_path_copy_at(struct process *p, int dirfd, const char __user *upath, char **out,
		    struct inode **start)
{
	int err = fs_path_copy(upath, false, out);

	if (err)
		return err;
	if ((*out)[0] == '/')
		return 0;
	err = fs_dirfd_inode(p, dirfd, start);
	if (err) {
		kfree(*out);
		*out = NULL;
	}
	return err;
}

int fs_lookup_at(struct process *p, int dirfd, const char __user *upath, unsigned int flags,
		 struct inode **out)
{
	struct inode *start = p->cwd;
	char *path = NULL;
	int err;

	err = fs_path_copy_at(p, dirfd, upath, &path, &start);
	if (err)
		return err;
	err = path_lookup(p->root, start, path, flags, out);
	kfree(path);
	return err;
}

int fs_lookup_parent_at(struct process *p, int dirfd, const char __user *upath, char **path,
			struct fs_parent *out)
{
	struct inode *start = p->cwd;
	int err = fs_path_copy_at(p, dirfd, upath, path, &start);

	if (err)
		return err;
	err = path_lookup_parent(p->root, start, *path, &out->dir, &out->name, &out->len,
				 &out->must_dir);
	if (err) {
		kfree(*path);
		*path = NULL;
	}
	return err;
}
