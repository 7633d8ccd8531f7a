/* fs/ramfs.c: the in-memory file system's tree and its files' bytes. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/ramfs.h>
#include <fs/ramfs_dentry.h>
#include <mm/pagecache.h>

static uint64_t ramfs_next_ino = 1;

bool ramfs_is_dir(const struct inode *i)     { return S_ISDIR(i->mode); }
bool ramfs_is_symlink(const struct inode *i) { return S_ISLNK(i->mode); }
bool ramfs_is_regular(const struct inode *i) { return S_ISREG(i->mode); }

static struct inode *inode_new(uint32_t mode)
{
	struct inode *i = kzalloc(sizeof(*i));

	if (!i)
		return NULL;
	i->ino = ramfs_next_ino++;
	i->mode = mode;
	i->nlink = S_ISDIR(mode) ? 2 : 1;
	i->atime_ns = i->mtime_ns = i->ctime_ns = clock_realtime_ns();
	return i;
}

/* The file data of every memory-backed file system, against one budget: half the
 * machine's RAM, as Linux sizes a tmpfs by default. The data lives in the kernel heap,
 * which is host memory, so without a bound a guest could grow the VMM at will; with it a
 * full file system answers ENOSPC. Only regular files' data counts (cap bytes each). */
static uint64_t ramfs_data_bytes;

uint64_t ramfs_data_budget(void)
{
	struct frame_stats st;

	frame_stats_get(&st);
	return st.total * PAGE_SIZE / 2;
}

uint64_t ramfs_data_used(void)
{
	return ramfs_data_bytes;
}

/* Gives file data room for cap bytes: 0, -ENOSPC over the budget, -ENOMEM. */
static int ramfs_data_reserve(struct inode *file, size_t cap)
{
	char *data;

	if (ramfs_data_bytes - file->cap + cap > ramfs_data_budget())
		return -ENOSPC;
	data = krealloc(file->data, cap);
	if (!data)
		return -ENOMEM;
	ramfs_data_bytes = ramfs_data_bytes - file->cap + cap;
	file->data = data;
	file->cap = cap;
	return 0;
}

static void ramfs_data_release(struct inode *file)
{
	if (ramfs_is_regular(file))
		ramfs_data_bytes -= file->cap;
	kfree(file->data);
	file->data = NULL;
	file->cap = 0;
}

static void inode_free(struct inode *i)
{
	pagecache_free(i);
	ramfs_data_release(i);
	kfree(i->name);
	kfree(i);
}

struct inode *ramfs_create_root(void)
{
	struct inode *root = inode_new(S_IFDIR | 0755);

	if (!root)
		return NULL;
	root->name = kstrdup("");
	if (!root->name) {
		kfree(root);
		return NULL;
	}
	root->parent = root;
	root->dev = inode_new_dev();
	return root;
}

void ramfs_touch_ctime(struct inode *i)
{
	i->ctime_ns = clock_realtime_ns();
}

void ramfs_touch_mtime(struct inode *i)
{
	i->mtime_ns = i->ctime_ns = clock_realtime_ns();
}

/* Directories form a tree (no hard links to them), so recursion ends at the leaves; its
 * depth is bounded by PATH_MAX / 2 levels. A hard-linked file is met once per name and
 * freed with the last. */
void ramfs_destroy(struct inode *root)
{
	struct dentry *d, *next;
	struct inode *dead, *dead_next;

	for (dead = root->dead; dead; dead = dead_next) {
		dead_next = dead->dead;
		inode_free(dead);
	}

	for (d = root->children; d; d = next) {
		next = d->next;
		if (ramfs_is_dir(d->inode))
			ramfs_destroy(d->inode);
		else if (--d->inode->nlink == 0)
			inode_free(d->inode);
		kfree(d->name);
		kfree(d);
	}
	inode_free(root);
}

/* Same walk as ramfs_destroy: anything open or stood in (opens) keeps the tree busy. */
bool ramfs_busy(struct inode *root)
{
	struct dentry *d;
	struct inode *dead;

	if (root->opens)
		return true;
	for (dead = root->dead; dead; dead = dead->dead)
		if (dead->opens)
			return true;
	for (d = root->children; d; d = d->next) {
		if (ramfs_is_dir(d->inode) ? ramfs_busy(d->inode) : d->inode->opens > 0)
			return true;
	}
	return false;
}

int ramfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct dentry *d;

	if (!ramfs_is_dir(dir))
		return -ENOTDIR;
	for (d = dir->children; d; d = d->next) {
		if (strlen(d->name) == len && memcmp(d->name, name, len) == 0) {
			*out = d->inode;
			return 0;
		}
	}
	return -ENOENT;
}

int ramfs_name_check(const char *name, size_t len)
{
	size_t k;

	if (len == 0 || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return -EINVAL;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	for (k = 0; k < len; k++)
		if (name[k] == '/' || name[k] == '\0')
			return -EINVAL;
	return 0;
}

/* Links a fresh inode into dir under name; frees it on failure. */
static int dir_link(struct inode *dir, const char *name, size_t len, struct inode *i)
{
	struct dentry *d = kzalloc(sizeof(*d));

	if (!d)
		goto out_free_inode;
	d->name = kstrndup(name, len);
	if (!d->name)
		goto out_free_dentry;
	if (ramfs_is_dir(i)) {
		i->name = kstrndup(name, len);
		if (!i->name)
			goto out_free_name;
		i->parent = dir;
		dir->nlink++;
	}
	d->inode = i;
	i->dev = dir->dev;
	ramfs_dentry_append(dir, d);
	ramfs_touch_mtime(dir);
	return 0;

out_free_name:
	kfree(d->name);
out_free_dentry:
	kfree(d);
out_free_inode:
	inode_free(i);
	return -ENOMEM;
}

int ramfs_create_check(struct inode *dir, const char *name, size_t len)
{
	struct inode *old;
	int err;

	if (!ramfs_is_dir(dir))
		return -ENOTDIR;
	err = inode_may_modify(dir);
	if (err)
		return err;
	err = ramfs_name_check(name, len);
	if (err)
		return err;
	if (ramfs_lookup(dir, name, len, &old) == 0)
		return -EEXIST;
	return 0;
}

int ramfs_create(struct inode *dir, const char *name, size_t len, uint32_t mode,
		 struct inode **out)
{
	struct inode *i;
	int err;

	if (!S_ISDIR(mode) && !S_ISREG(mode) && !S_ISFIFO(mode) && !S_ISSOCK(mode))
		return -EINVAL;
	err = ramfs_create_check(dir, name, len);
	if (err)
		return err;
	i = inode_new(mode);
	if (!i)
		return -ENOMEM;
	err = dir_link(dir, name, len, i);
	if (err)
		return err;
	if (out)
		*out = i;
	return 0;
}

int ramfs_create_unlinked(uint32_t mode, struct inode **out)
{
	struct inode *i;

	if (!S_ISREG(mode))
		return -EINVAL;
	i = inode_new(mode);
	if (!i)
		return -ENOMEM;
	/* No name: the first open's close frees it (ramfs_file_closed). */
	i->nlink = 0;
	*out = i;
	return 0;
}

int ramfs_mknod_char(struct inode *dir, const char *name, size_t len, uint32_t mode,
		     uint32_t rdev, struct inode **out)
{
	struct inode *i;
	int err = ramfs_create_check(dir, name, len);

	if (err)
		return err;
	i = inode_new(S_IFCHR | (mode & 07777));
	if (!i)
		return -ENOMEM;
	i->rdev = rdev;
	err = dir_link(dir, name, len, i);
	if (err)
		return err;
	if (out)
		*out = i;
	return 0;
}

bool ramfs_is_chardev(const struct inode *i)
{
	return S_ISCHR(i->mode);
}

int ramfs_symlink(struct inode *dir, const char *name, size_t len, const char *target,
		  size_t tlen, struct inode **out)
{
	struct inode *i;
	int err;

	if (tlen >= PATH_MAX)
		return -ENAMETOOLONG;
	err = ramfs_create_check(dir, name, len);
	if (err)
		return err;
	i = inode_new(S_IFLNK | 0777);
	if (!i)
		return -ENOMEM;
	i->data = kstrndup(target, tlen);
	if (!i->data) {
		inode_free(i);
		return -ENOMEM;
	}
	i->size = strlen(i->data);
	i->cap = i->size + 1;
	err = dir_link(dir, name, len, i);
	if (err)
		return err;
	if (out)
		*out = i;
	return 0;
}

int ramfs_resize(struct inode *file, uint64_t size)
{
	uint64_t old_size = file->size;

	if (!ramfs_is_regular(file))
		return -EINVAL;
	if (size > RAMFS_FILE_MAX)
		return -EFBIG;
	if (size > file->cap) {
		/* Grow geometrically so appends are not quadratic; near the budget, exactly. */
		size_t cap = MAX((size_t)size, MIN(file->cap * 2, (size_t)RAMFS_FILE_MAX));
		int err = ramfs_data_reserve(file, cap);

		if (err == -ENOSPC && cap > size)
			err = ramfs_data_reserve(file, (size_t)size);
		if (err)
			return err;
	} else if (size == 0 && file->cap) {
		/* Emptied (O_TRUNC, `> file`): its room goes back to the budget. */
		ramfs_data_release(file);
	}
	if (size > file->size)
		memset(file->data + file->size, 0, size - file->size);
	file->size = size;
	pagecache_resize(file, old_size, size);
	ramfs_touch_mtime(file);
	return 0;
}

int ramfs_set_data(struct inode *file, const void *buf, size_t n)
{
	int err;

	if (!ramfs_is_regular(file))
		return -EINVAL;
	file->size = 0;
	err = ramfs_resize(file, n);
	if (err)
		return err;
	if (n)
		memcpy(file->data, buf, n);
	pagecache_write_through(file, 0, n);
	return 0;
}

struct dentry **ramfs_dentry_find(struct inode *dir, const char *name, size_t len,
				  struct dentry **prev)
{
	struct dentry **pp;

	*prev = NULL;
	for (pp = &dir->children; *pp; pp = &(*pp)->next) {
		if (strlen((*pp)->name) == len && memcmp((*pp)->name, name, len) == 0)
			return pp;
		*prev = *pp;
	}
	return NULL;
}

struct dentry *ramfs_dentry_detach(struct inode *dir, struct dentry **link,
				   struct dentry *prev)
{
	struct dentry *d = *link;

	*link = d->next;
	d->next = NULL;
	if (dir->last_child == d)
		dir->last_child = prev;
	return d;
}

void ramfs_dentry_append(struct inode *dir, struct dentry *d)
{
	d->next = NULL;
	if (dir->last_child)
		dir->last_child->next = d;
	else
		dir->children = d;
	dir->last_child = d;
}

/* Takes name out of dir; the inode is the caller's to dispose of. */
static struct inode *dir_unlink(struct inode *dir, struct dentry **link, struct dentry *prev)
{
	struct dentry *d = ramfs_dentry_detach(dir, link, prev);
	struct inode *i = d->inode;

	kfree(d->name);
	kfree(d);
	ramfs_touch_mtime(dir);
	return i;
}

static struct inode *ramfs_root_of(struct inode *i)
{
	while (i->parent && i->parent != i)
		i = i->parent;
	return i;
}

/* unlink (want_dir false) and rmdir (true): the same removal, Linux's errors for each. */
static int ramfs_remove(struct inode *dir, const char *name, size_t len, bool want_dir)
{
	struct dentry **link, *prev;
	struct inode *i;

	if (!ramfs_is_dir(dir))
		return -ENOTDIR;
	if (inode_may_modify(dir))
		return -EPERM;
	link = ramfs_dentry_find(dir, name, len, &prev);
	if (!link)
		return -ENOENT;
	i = (*link)->inode;
	if (ramfs_is_dir(i) != want_dir)
		return want_dir ? -ENOTDIR : -EISDIR;
	if (want_dir && i->children)
		return -ENOTEMPTY;
	dir_unlink(dir, link, prev);
	ramfs_inode_unlinked(dir, i);
	return 0;
}

int ramfs_unlink(struct inode *dir, const char *name, size_t len)
{
	return ramfs_remove(dir, name, len, false);
}

int ramfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	return ramfs_remove(dir, name, len, true);
}

void ramfs_inode_unlinked(struct inode *dir, struct inode *i)
{
	struct inode *root;

	if (ramfs_is_dir(i)) {
		root = ramfs_root_of(dir);
		i->nlink = 0;
		dir->nlink--;
		i->dead = root->dead;
		root->dead = i;
		return;
	}
	ramfs_touch_ctime(i);
	if (--i->nlink == 0 && i->opens == 0)
		inode_free(i);
}

void ramfs_file_closed(struct inode *i)
{
	if (--i->opens == 0 && i->nlink == 0 && !ramfs_is_dir(i))
		inode_free(i);
}
