/* fs/inode.c: what every file system's inodes share: references, lookup and readlink
 * whichever file system answers, and the transient inodes made on lookup. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <abi/stat.h>
#include <fs/inode.h>
#include <fs/ramfs.h>
#include <process/thread.h>

uint32_t inode_new_dev(void)
{
	static uint32_t next_dev = 1;

	return next_dev++;
}

struct inode *inode_new_transient(const struct inode_ops *ops, uint32_t mode, uint64_t ino)
{
	struct thread *t = thread_current();
	struct inode *i;

	/* Only a syscall borrows: with no thread there is no end to release it at. */
	if (!t)
		return NULL;
	i = kzalloc(sizeof(*i));
	if (!i)
		return NULL;
	i->ops = ops;
	i->mode = mode;
	i->ino = ino;
	i->nlink = S_ISDIR(mode) ? 2 : 1;
	i->atime_ns = i->mtime_ns = i->ctime_ns = clock_realtime_ns();
	i->parent = i;
	i->opens = 1;
	i->transient_next = t->fs_transient;
	t->fs_transient = i;
	return i;
}

void inode_set_parent(struct inode *i, struct inode *parent)
{
	inode_get(parent);
	i->parent = parent;
}

void inode_get(struct inode *i)
{
	i->opens++;
}

static bool inode_is_transient(const struct inode *i)
{
	return i->ops && i->ops->free;
}

/* Parents are freed after their children; the loop (not recursion) bounds the depth. */
void inode_put(struct inode *i)
{
	while (i) {
		struct inode *parent;

		if (!inode_is_transient(i)) {
			ramfs_file_closed(i);
			return;
		}
		if (--i->opens)
			return;
		parent = i->parent != i ? i->parent : NULL;
		i->ops->free(i);
		kfree(i->name);
		kfree(i);
		i = parent;
	}
}

void inode_end_syscall(struct thread *t)
{
	while (t->fs_transient) {
		struct inode *i = t->fs_transient;

		t->fs_transient = i->transient_next;
		i->transient_next = NULL;
		inode_put(i);
	}
}

int inode_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (dir->ops)
		return dir->ops->lookup ? dir->ops->lookup(dir, name, len, out) : -ENOENT;
	return ramfs_lookup(dir, name, len, out);
}

long inode_readlink(struct inode *i, char *buf, size_t size)
{
	if (!S_ISLNK(i->mode))
		return -EINVAL;
	if (i->ops && i->ops->readlink)
		return i->ops->readlink(i, buf, size);
	if (i->size > size)
		return -ERANGE;
	memcpy(buf, i->data, i->size);
	return (long)i->size;
}

int inode_may_modify(const struct inode *dir)
{
	return dir->ops ? -EPERM : 0;
}

struct inode *inode_fs_root(struct inode *dir)
{
	while (dir->parent != dir)
		dir = dir->parent;
	return dir;
}
