/* fs/path.h: resolving path names across the mounted file systems. */
#ifndef SERVICES_FS_PATH_H
#define SERVICES_FS_PATH_H

#include <ostd/types.h>
#include <abi/fcntl.h>

struct inode;

#define PATH_MAX_SYMLINKS 40

/* Follow a symlink in the last component too. */
#define LOOKUP_FOLLOW 0x1u

/* Resolves path ("/..." from root, else from cwd): 0 and *out, -ENOENT, -ENOTDIR, -ELOOP,
 * -ENAMETOOLONG (path of PATH_MAX bytes or more, a component over NAME_MAX). ".." at root
 * stays at root. Symlinks inside the path are always followed. */
int path_lookup(struct inode *root, struct inode *cwd, const char *path, unsigned int flags,
		struct inode **out);

/* Where path_lookup_last met the final name (after any symlinks): the directory and the
 * name in it. Unset when the path ends in ".", ".." or "/". */
struct path_last {
	struct inode *dir;
	char name[NAME_MAX + 1];
};
int path_lookup_last(struct inode *root, struct inode *cwd, const char *path,
		     unsigned int flags, struct inode **out, struct path_last *last);

/* The absolute path (from root) of i, found in last->dir as last->name (a directory
 * knows its own path): a new string, NULL when out of memory or too long. */
char *path_absolute(struct inode *root, struct inode *i, const struct path_last *last);
/* The absolute path path resolves to, symlinks followed: a new string or NULL. */
char *path_resolve_absolute(struct inode *root, struct inode *cwd, const char *path);

/* For creating: resolves all but the last component into *dir and points *name, *len at
 * the last one (trailing slashes dropped; *must_dir set when there were some). -ENOENT for
 * an empty path; "/" gives an empty last name. */
int path_lookup_parent(struct inode *root, struct inode *cwd, const char *path,
		       struct inode **dir, const char **name, size_t *len, bool *must_dir);

/* Writes the absolute path of directory dir (below root) into buf: its length, or -ERANGE
 * when buf (size bytes, with the NUL) is too small. */
long path_of_dir(struct inode *root, struct inode *dir, char *buf, size_t size);

#endif
