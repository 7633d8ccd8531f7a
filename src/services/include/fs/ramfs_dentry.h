/* fs/ramfs_dentry.h: ramfs's directory-entry primitives, shared by its own files only. */
#ifndef SERVICES_FS_RAMFS_DENTRY_H
#define SERVICES_FS_RAMFS_DENTRY_H

#include <ostd/types.h>

struct dentry;
struct inode;

/* The link that points at name's entry in dir (NULL if none); *prev is the entry before
 * it (NULL: it is the first). */
struct dentry **ramfs_dentry_find(struct inode *dir, const char *name, size_t len,
				  struct dentry **prev);
/* Takes the entry *link out of dir's list, without freeing it. */
struct dentry *ramfs_dentry_detach(struct inode *dir, struct dentry **link,
				   struct dentry *prev);
/* Appends d to dir's list. */
void ramfs_dentry_append(struct inode *dir, struct dentry *d);
/* i lost its name in dir: a file is freed with its last name once no file is open on it;
 * a directory joins the dead list kept until the tree goes. */
void ramfs_inode_unlinked(struct inode *dir, struct inode *i);
/* 0, or -EINVAL for "", ".", ".." or a name with '/' or NUL, -ENAMETOOLONG. */
int ramfs_name_check(const char *name, size_t len);
/* The checks every new name in dir passes before anything is allocated: -ENOTDIR, the
 * name's errors, -EEXIST. */
int ramfs_create_check(struct inode *dir, const char *name, size_t len);

#endif
