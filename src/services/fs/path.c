/* fs/path.c: path walking with ".", "..", symlinks and Linux's length limits. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/fs_syscalls.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

struct walk {
	struct inode *root;
	const struct process *proc;   /* whose search permission counts; NULL at boot */
	int links;          /* symlinks followed so far, across nested walks */
	struct path_last *last;       /* where the final name was met, when asked */
};

static int walk_path(struct walk *w, struct inode *start, const char *path, size_t len,
		     unsigned int flags, struct inode **out);

/* Replaces *cur (a symlink met from dir) by what it points at. */
static int walk_symlink(struct walk *w, struct inode *dir, struct inode **cur)
{
	struct inode *link = *cur;
	char *target;
	long n;
	int err;

	if (++w->links > PATH_MAX_SYMLINKS)
		return -ELOOP;
	if (!link->ops) {
		if (link->size == 0)
			return -ENOENT;
		return walk_path(w, dir, link->data, link->size, LOOKUP_FOLLOW, cur);
	}
	target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	n = inode_readlink(link, target, PATH_MAX);
	err = n < 0 ? (int)n : n == 0 ? -ENOENT : 0;
	if (!err)
		err = walk_path(w, dir, target, (size_t)n, LOOKUP_FOLLOW, cur);
	kfree(target);
	return err;
}

/* ".." from dir: a file system's root steps out to where it is mounted first. */
static struct inode *walk_dotdot(const struct walk *w, struct inode *dir)
{
	while (dir != w->root && dir->root_of && dir->root_of->mountpoint)
		dir = dir->root_of->mountpoint;
	return dir == w->root ? dir : dir->parent;
}

/* Walks path[0..len) from start (or the root for an absolute path). Recursion happens only
 * through symlinks, so its depth is at most PATH_MAX_SYMLINKS. */
static int walk_path(struct walk *w, struct inode *start, const char *path, size_t len,
		     unsigned int flags, struct inode **out)
{
	struct inode *cur = (len && path[0] == '/') ? w->root : start;
	size_t at = 0;
	int err;

	if (len == 0)
		return -ENOENT;
	while (at < len) {
		size_t s, n;
		bool last;
		struct inode *next;

		while (at < len && path[at] == '/')
			at++;
		if (at == len)
			break;
		s = at;
		while (at < len && path[at] != '/')
			at++;
		n = at - s;
		/* Trailing slashes make the last component a directory that is followed. */
		last = at == len;
		if (n > NAME_MAX)
			return -ENAMETOOLONG;
		if (!ramfs_is_dir(cur))
			return -ENOTDIR;
		if (w->proc) {
			err = fs_permission(w->proc, cur, MAY_EXEC);
			if (err)
				return err;
		}
		if (n == 1 && path[s] == '.')
			continue;
		if (n == 2 && path[s] == '.' && path[s + 1] == '.') {
			cur = walk_dotdot(w, cur);
			continue;
		}
		if (last && w->last) {
			w->last->dir = cur;
			memcpy(w->last->name, path + s, n);
			w->last->name[n] = '\0';
		}
		err = inode_lookup(cur, path + s, n, &next);
		if (err)
			return err;
		next = mount_covering(next);
		if (ramfs_is_symlink(next) && (!last || (flags & LOOKUP_FOLLOW))) {
			err = walk_symlink(w, cur, &next);
			if (err)
				return err;
		}
		cur = next;
	}
	if (len && path[len - 1] == '/' && !ramfs_is_dir(cur))
		return -ENOTDIR;
	*out = cur;
	return 0;
}

int path_lookup(struct inode *root, struct inode *cwd, const char *path, unsigned int flags,
		struct inode **out)
{
	return path_lookup_last(root, cwd, path, flags, out, NULL);
}

int path_lookup_last(struct inode *root, struct inode *cwd, const char *path,
		     unsigned int flags, struct inode **out, struct path_last *last)
{
	struct walk w = { .root = root, .proc = process_current(), .links = 0, .last = last };
	size_t len = strnlen(path, PATH_MAX);

	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	/* "dir/" follows a final symlink, as Linux does for a trailing slash. */
	if (len && path[len - 1] == '/')
		flags |= LOOKUP_FOLLOW;
	return walk_path(&w, cwd, path, len, flags, out);
}

int path_lookup_parent(struct inode *root, struct inode *cwd, const char *path,
		       struct inode **dir, const char **name, size_t *len, bool *must_dir)
{
	struct walk w = { .root = root, .proc = process_current(), .links = 0 };
	size_t n = strnlen(path, PATH_MAX), end, s;
	int err;

	if (n >= PATH_MAX)
		return -ENAMETOOLONG;
	if (n == 0)
		return -ENOENT;
	end = n;
	while (end > 0 && path[end - 1] == '/')
		end--;
	*must_dir = end < n;
	s = end;
	while (s > 0 && path[s - 1] != '/')
		s--;
	if (end - s > NAME_MAX)
		return -ENAMETOOLONG;
	*name = path + s;
	*len = end - s;
	if (s == 0)
		*dir = (path[0] == '/') ? root : cwd;
	else {
		err = walk_path(&w, cwd, path, s, LOOKUP_FOLLOW, dir);
		if (err)
			return err;
	}
	if (!ramfs_is_dir(*dir))
		return -ENOTDIR;
	/* The last component is looked up (or made) in dir: that takes searching it too. */
	return w.proc ? fs_permission(w.proc, *dir, MAY_EXEC) : 0;
}

/* The step up from i towards the root for getcwd: a mounted root goes to its mountpoint
 * first, whose name is the one to print. NULL at the top. */
static struct inode *path_up(struct inode *root, struct inode *i, struct inode **named)
{
	while (i != root && i->root_of && i->root_of->mountpoint)
		i = i->root_of->mountpoint;
	*named = i;
	if (i == root || i->parent == i)
		return NULL;
	return i->parent;
}

long path_of_dir(struct inode *root, struct inode *dir, char *buf, size_t size)
{
	size_t need = 0, at;
	struct inode *i, *named;

	for (i = dir; (i = path_up(root, i, &named)) != NULL;)
		need += 1 + strlen(named->name);
	if (need == 0)
		need = 1;
	if (need + 1 > size)
		return -ERANGE;
	at = need;
	buf[at] = '\0';
	buf[0] = '/';
	for (i = dir; (i = path_up(root, i, &named)) != NULL;) {
		size_t l = strlen(named->name);

		at -= l;
		memcpy(buf + at, named->name, l);
		buf[--at] = '/';
	}
	return (long)need;
}

char *path_absolute(struct inode *root, struct inode *i, const struct path_last *last)
{
	char *buf = kmalloc(PATH_MAX), *out;
	long n;

	if (!buf)
		return NULL;
	if (S_ISDIR(i->mode) || !last || !last->dir) {
		n = path_of_dir(root, i, buf, PATH_MAX);
	} else {
		n = path_of_dir(root, last->dir, buf, PATH_MAX);
		if (n >= 0 && (size_t)n + 2 + strlen(last->name) <= PATH_MAX) {
			if (n > 1)
				buf[n++] = '/';
			kstrlcpy(buf + n, last->name, PATH_MAX - (size_t)n);
		} else {
			n = -ERANGE;
		}
	}
	out = n >= 0 ? kstrdup(buf) : NULL;
	kfree(buf);
	return out;
}

char *path_resolve_absolute(struct inode *root, struct inode *cwd, const char *path)
{
	struct path_last *last = kmalloc(sizeof(*last));
	struct inode *i;
	char *out = NULL;

	if (!last)
		return NULL;
	last->dir = NULL;
	if (path_lookup_last(root, cwd, path, LOOKUP_FOLLOW, &i, last) == 0)
		out = path_absolute(root, i, last);
	kfree(last);
	return out;
}
