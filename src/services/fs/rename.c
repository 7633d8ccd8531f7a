/* fs/rename.c: rename, renameat and renameat2, with Linux's checks in Linux's order. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/fcntl.h>
#include <fs/fs_syscalls.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* Both ends of a rename, resolved. */
struct rename_ends {
	struct fs_parent from, to;
	struct inode *src, *dst;   /* dst NULL: the new name is free */
	unsigned int flags;
};

/* "", "." and ".." (and "/") name no entry that can move or be replaced. */
static bool name_is_normal(const struct fs_parent *par)
{
	return !(par->len == 0 || (par->len == 1 && par->name[0] == '.') ||
		 (par->len == 2 && par->name[0] == '.' && par->name[1] == '.'));
}

/* Whether dir is anc or lies below it. */
static bool dir_is_within(const struct inode *dir, const struct inode *anc)
{
	for (;;) {
		if (dir == anc)
			return true;
		if (dir->parent == dir || !dir->parent)
			return false;
		dir = dir->parent;
	}
}

/* The checks of the names themselves: which exist, and where they sit in the tree. */
static int rename_check_names(struct rename_ends *e)
{
	int err;

	if (!name_is_normal(&e->from))
		return -EBUSY;
	if (!name_is_normal(&e->to))
		return (e->flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	err = inode_lookup(e->from.dir, e->from.name, e->from.len, &e->src);
	if (err)
		return err;
	if (inode_lookup(e->to.dir, e->to.name, e->to.len, &e->dst))
		e->dst = NULL;
	if ((e->flags & RENAME_EXCHANGE) && !e->dst)
		return -ENOENT;
	if (inode_fs_root(e->from.dir) != inode_fs_root(e->to.dir))
		return -EXDEV;
	if (e->src->mounted || (e->dst && e->dst->mounted))
		return -EBUSY;
	if ((e->flags & RENAME_NOREPLACE) && e->dst)
		return -EEXIST;
	/* A removed directory takes no new entries. */
	if (e->to.dir->nlink == 0)
		return -ENOENT;
	if (!ramfs_is_dir(e->src) &&
	    (e->from.must_dir || (e->to.must_dir && !(e->flags & RENAME_EXCHANGE))))
		return -ENOTDIR;
	if ((e->flags & RENAME_EXCHANGE) && !ramfs_is_dir(e->dst) && e->to.must_dir)
		return -ENOTDIR;
	if (ramfs_is_dir(e->src) && dir_is_within(e->to.dir, e->src))
		return -EINVAL;
	if (e->dst && ramfs_is_dir(e->dst) && dir_is_within(e->from.dir, e->dst))
		return (e->flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/* Removing victim from dir to put an inode of the other kind there: a directory may
 * only replace a directory, and a file a file. */
static int rename_may_delete(const struct process *p, const struct inode *dir,
			     const struct inode *victim, bool is_dir)
{
	int err = fs_may_delete(p, dir, victim);

	if (err)
		return err;
	if (is_dir && !ramfs_is_dir(victim))
		return -ENOTDIR;
	if (!is_dir && ramfs_is_dir(victim))
		return -EISDIR;
	return 0;
}

/* The permission checks, as Linux's vfs_rename makes them. */
static int rename_check_access(const struct process *p, const struct rename_ends *e)
{
	bool src_dir = ramfs_is_dir(e->src);
	int err;

	err = rename_may_delete(p, e->from.dir, e->src, src_dir);
	if (!err && e->dst)
		err = rename_may_delete(p, e->to.dir, e->dst,
					(e->flags & RENAME_EXCHANGE) ? ramfs_is_dir(e->dst) :
								      src_dir);
	else if (!err)
		err = fs_permission(p, e->to.dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	/* A directory changing parents rewrites its "..": that takes write access to it. */
	if (e->from.dir != e->to.dir) {
		if (src_dir)
			err = fs_permission(p, e->src, MAY_WRITE);
		if (!err && (e->flags & RENAME_EXCHANGE) && ramfs_is_dir(e->dst))
			err = fs_permission(p, e->dst, MAY_WRITE);
	}
	if (!err && e->dst && ramfs_is_dir(e->dst) && e->dst->children &&
	    !(e->flags & RENAME_EXCHANGE))
		err = -ENOTEMPTY;
	return err;
}

long sys_renameat2(int olddirfd, const char __user *oldpath, int newdirfd,
		   const char __user *newpath, unsigned int flags)
{
	struct process *p = process_current();
	struct rename_ends e = { .flags = flags };
	char *opath = NULL, *npath = NULL;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	/* Whiteouts are for overlay file systems; ramfs, like tmpfs under no overlay, has
	 * none to make. */
	if (flags & RENAME_WHITEOUT)
		return -EINVAL;
	err = fs_lookup_parent_at(p, olddirfd, oldpath, &opath, &e.from);
	if (err)
		return err;
	err = fs_lookup_parent_at(p, newdirfd, newpath, &npath, &e.to);
	if (err)
		goto out_free_paths;
	err = rename_check_names(&e);
	if (err || (e.dst == e.src))
		goto out_free_paths;
	err = rename_check_access(p, &e);
	if (!err)
		err = ramfs_rename(e.from.dir, e.from.name, e.from.len, e.to.dir, e.to.name,
				   e.to.len, flags & RENAME_EXCHANGE);
out_free_paths:
	kfree(npath);
	kfree(opath);
	return err;
}

long sys_renameat(int olddirfd, const char __user *oldpath, int newdirfd,
		  const char __user *newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

long sys_rename(const char __user *oldpath, const char __user *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}
