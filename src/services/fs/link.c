/* fs/link.c: link, linkat, symlink and symlinkat: new names for files. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* Where a new name may go, as Linux's filename_create and may_create decide: "", "."
 * and ".." exist already, as does anything found; a trailing slash asks for a directory,
 * which these calls never make; then write and search permission on the directory. */
int fs_may_create(const struct process *p, const struct fs_parent *par)
{
	struct inode *old;

	if (par->len == 0 || (par->len == 1 && par->name[0] == '.') ||
	    (par->len == 2 && par->name[0] == '.' && par->name[1] == '.'))
		return -EEXIST;
	if (inode_lookup(par->dir, par->name, par->len, &old) == 0)
		return -EEXIST;
	if (par->must_dir)
		return -ENOENT;
	if (par->dir->nlink == 0)
		return -ENOENT;
	return fs_permission(p, par->dir, MAY_WRITE | MAY_EXEC);
}

/* The inode linkat links from: oldpath at olddirfd, or with AT_EMPTY_PATH and "" the
 * file open at olddirfd (which Linux allows only to privileged callers). */
static int link_source(struct process *p, int olddirfd, const char __user *oldpath,
		       int flags, struct inode **out)
{
	struct file *f;
	char *path;
	bool empty;
	int err;

	if (flags & AT_EMPTY_PATH) {
		err = fs_path_copy(oldpath, true, &path);
		if (err)
			return err;
		empty = path[0] == '\0';
		kfree(path);
		if (empty) {
			if (p->cred.fsuid != 0)
				return -ENOENT;
			f = fdtable_get(p->fdt, olddirfd);
			if (!f)
				return -EBADF;
			if (!f->inode || f->inode->nlink == 0)
				return -ENOENT;
			*out = f->inode;
			return 0;
		}
	}
	return fs_lookup_at(p, olddirfd, oldpath, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0,
			    out);
}

long sys_linkat(int olddirfd, const char __user *oldpath, int newdirfd,
		const char __user *newpath, int flags)
{
	struct process *p = process_current();
	struct fs_parent par;
	struct inode *src;
	char *path = NULL;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = link_source(p, olddirfd, oldpath, flags, &src);
	if (err)
		return err;
	err = fs_lookup_parent_at(p, newdirfd, newpath, &path, &par);
	if (err)
		return err;
	err = fs_may_create(p, &par);
	if (!err && ramfs_is_dir(src))
		err = -EPERM;
	if (!err)
		err = ramfs_link(par.dir, par.name, par.len, src);
	kfree(path);
	return err;
}

long sys_link(const char __user *oldpath, const char __user *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

long sys_symlinkat(const char __user *target, int newdirfd, const char __user *linkpath)
{
	struct process *p = process_current();
	struct fs_parent par;
	struct inode *i;
	char *to, *path = NULL;
	int err;

	err = fs_path_copy(target, false, &to);
	if (err)
		return err;
	err = fs_lookup_parent_at(p, newdirfd, linkpath, &path, &par);
	if (err)
		goto out_free_target;
	err = fs_may_create(p, &par);
	if (!err)
		err = ramfs_symlink(par.dir, par.name, par.len, to, strlen(to), &i);
	if (!err) {
		i->uid = p->cred.fsuid;
		i->gid = p->cred.fsgid;
	}
	kfree(path);
out_free_target:
	kfree(to);
	return err;
}

long sys_symlink(const char __user *target, const char __user *linkpath)
{
	return sys_symlinkat(target, AT_FDCWD, linkpath);
}
