/* fs/path.c: path walking with ".", "..", symlinks and Linux's length limits. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <fs/path.h>
#include <fs/ramfs.h>

struct walk {
	struct inode *root;
	int links;          /* symlinks followed so far, across nested walks */
};

static int walk_path(struct walk *w, struct inode *start, const char *path, size_t len,
		     unsigned int flags, struct inode **out);

/* Replaces *cur (a symlink met from dir) by what it points at. */
static int walk_symlink(struct walk *w, struct inode *dir, struct inode **cur)
{
	struct inode *link = *cur;

	if (++w->links > PATH_MAX_SYMLINKS)
		return -ELOOP;
	if (link->size == 0)
		return -ENOENT;
	return walk_path(w, dir, link->data, link->size, LOOKUP_FOLLOW, cur);
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
		if (n == 1 && path[s] == '.')
			continue;
		if (n == 2 && path[s] == '.' && path[s + 1] == '.') {
			cur = cur == w->root ? cur : cur->parent;
			continue;
		}
		err = ramfs_lookup(cur, path + s, n, &next);
		if (err)
			return err;
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
	struct walk w = { .root = root, .links = 0 };
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
	struct walk w = { .root = root, .links = 0 };
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
	if (s == 0) {
		*dir = (path[0] == '/') ? root : cwd;
		return 0;
	}
	err = walk_path(&w, cwd, path, s, LOOKUP_FOLLOW, dir);
	if (err)
		return err;
	return ramfs_is_dir(*dir) ? 0 : -ENOTDIR;
}

long path_of_dir(struct inode *root, struct inode *dir, char *buf, size_t size)
{
	size_t need = 0, at;
	struct inode *i;

	for (i = dir; i != root && i->parent != i; i = i->parent)
		need += 1 + strlen(i->name);
	if (need == 0)
		need = 1;
	if (need + 1 > size)
		return -ERANGE;
	at = need;
	buf[at] = '\0';
	buf[0] = '/';
	for (i = dir; i != root && i->parent != i; i = i->parent) {
		size_t l = strlen(i->name);

		at -= l;
		memcpy(buf + at, i->name, l);
		buf[--at] = '/';
	}
	return (long)need;
}
