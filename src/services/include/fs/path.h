/* fs/path.h: resolving path names in the ramfs tree. */
#ifndef SERVICES_FS_PATH_H
#define SERVICES_FS_PATH_H

#include <ostd/types.h>

struct inode;

#define PATH_MAX_SYMLINKS 40

/* Follow a symlink in the last component too. */
#define LOOKUP_FOLLOW 0x1u

/* Resolves path ("/..." from root, else from cwd): 0 and *out, -ENOENT, -ENOTDIR, -ELOOP,
 * -ENAMETOOLONG (path of PATH_MAX bytes or more, a component over NAME_MAX). ".." at root
 * stays at root. Symlinks inside the path are always followed. */
int path_lookup(struct inode *root, struct inode *cwd, const char *path, unsigned int flags,
		struct inode **out);

/* For creating: resolves all but the last component into *dir and points *name, *len at
 * the last one (trailing slashes dropped; *must_dir set when there were some). -ENOENT for
 * an empty path; "/" gives an empty last name. */
int path_lookup_parent(struct inode *root, struct inode *cwd, const char *path,
		       struct inode **dir, const char **name, size_t *len, bool *must_dir);

/* Writes the absolute path of directory dir (below root) into buf: its length, or -ERANGE
 * when buf (size bytes, with the NUL) is too small. */
long path_of_dir(struct inode *root, struct inode *dir, char *buf, size_t size);

#endif
