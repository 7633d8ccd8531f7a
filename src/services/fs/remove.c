/* fs/remove.c: unlink, unlinkat and rmdir. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

static bool name_is(const char *name, size_t len, const char *what)
{
	size_t n = strlen(what);

	return len == n && memcmp(name, what, n) == 0;
}

static long fs_remove_at(int dirfd, const char __user *upath, bool is_dir)
{
	struct process *p = process_current();
	struct inode *victim = NULL;
	struct fs_parent par;
	char *path = NULL;
	int err;

	err = fs_lookup_parent_at(p, dirfd, upath, &path, &par);
	if (err)
		return err;
	/* Linux's answers for "/", "." and "..": the root is busy, "." is invalid, ".." is
	 * never empty. unlink of them meets a directory. */
	if (par.len == 0)
		err = is_dir ? -EBUSY : -EISDIR;
	else if (name_is(par.name, par.len, "."))
		err = is_dir ? -EINVAL : -EISDIR;
	else if (name_is(par.name, par.len, ".."))
		err = is_dir ? -ENOTEMPTY : -EISDIR;
	else
		err = inode_lookup(par.dir, par.name, par.len, &victim);
	if (!err && !is_dir && par.must_dir)
		err = ramfs_is_dir(victim) ? -EISDIR : -ENOTDIR;
	if (!err)
		err = fs_may_delete(p, par.dir, victim);
	if (!err && victim->mounted)
		err = -EBUSY;
	if (!err)
		err = is_dir ? ramfs_rmdir(par.dir, par.name, par.len) :
			       ramfs_unlink(par.dir, par.name, par.len);
	kfree(path);
	return err;
}

long sys_unlinkat(int dirfd, const char __user *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return fs_remove_at(dirfd, path, flags & AT_REMOVEDIR);
}

long sys_unlink(const char __user *path)
{
	return fs_remove_at(AT_FDCWD, path, false);
}

long sys_rmdir(const char __user *path)
{
	return fs_remove_at(AT_FDCWD, path, true);
}
