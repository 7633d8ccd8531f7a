/* fs/ramfs.h: the in-memory file system: directories, regular files and symlinks. */
#ifndef SERVICES_FS_RAMFS_H
#define SERVICES_FS_RAMFS_H

#include <ostd/types.h>
#include <fs/inode.h>

struct dentry {
	char *name;
	struct inode *inode;
	struct dentry *next;
};

/* Largest regular file ramfs keeps (its bytes are one kmalloc'd buffer). */
#define RAMFS_FILE_MAX (1ull << 30)

/* A new empty root directory (mode 0755), or NULL. */
struct inode *ramfs_create_root(void);
/* Frees the tree under and including root. */
void ramfs_destroy(struct inode *root);
/* Whether a file of the tree is open or a directory is some process's cwd or root. */
bool ramfs_busy(struct inode *root);

bool ramfs_is_dir(const struct inode *i);
bool ramfs_is_symlink(const struct inode *i);
bool ramfs_is_regular(const struct inode *i);

/* Finds name[0..len) in dir: 0 and *out, -ENOENT, -ENOTDIR (dir is not a directory). */
int ramfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out);
/* Creates an entry of the given mode (directory, regular file, FIFO or socket): -EEXIST when taken,
 * -ENOTDIR, -ENAMETOOLONG, -EINVAL for "", "." or ".." or a name with '/', -ENOMEM. */
int ramfs_create(struct inode *dir, const char *name, size_t len, uint32_t mode,
		 struct inode **out);
/* A regular file in no directory (memfd, shared anonymous memory): it lives while files
 * are open on it, so open it at once. -EINVAL for another type, -ENOMEM. */
int ramfs_create_unlinked(uint32_t mode, struct inode **out);
/* Creates a character device node with device number rdev ((major << 8) | minor). */
int ramfs_mknod_char(struct inode *dir, const char *name, size_t len, uint32_t mode,
		     uint32_t rdev, struct inode **out);
bool ramfs_is_chardev(const struct inode *i);
/* Creates a symlink to target[0..tlen). Same errors as ramfs_create. */
int ramfs_symlink(struct inode *dir, const char *name, size_t len, const char *target,
		  size_t tlen, struct inode **out);

/* Removes name from dir: a non-directory (unlink, -EISDIR for a directory) or an empty
 * directory (rmdir: -ENOTDIR, -ENOTEMPTY). A removed file is freed once no open file
 * refers to it; a removed directory when the whole tree goes. -ENOENT, -ENOTDIR. */
int ramfs_unlink(struct inode *dir, const char *name, size_t len);
int ramfs_rmdir(struct inode *dir, const char *name, size_t len);
/* An open file of i went away (see opens). */
void ramfs_file_closed(struct inode *i);

/* Gives the existing non-directory i one more name in dir (a hard link): the errors of
 * ramfs_create, -EPERM for a directory. */
int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *i);
/* Moves odir's entry oname to ndir's nname, replacing what nname named (a file, or an
 * empty directory, which the caller has checked; the replaced inode loses that name), or
 * with exchange swaps the two entries, which must both exist. Fails only with -ENOENT for
 * a missing entry or -ENOMEM, and then changes nothing. */
int ramfs_rename(struct inode *odir, const char *oname, size_t olen, struct inode *ndir,
		 const char *nname, size_t nlen, bool exchange);
/* The inode's metadata (owner, mode, links) changed now: sets its ctime. */
void ramfs_touch_ctime(struct inode *i);
/* The inode's contents changed now: sets its mtime and ctime. */
void ramfs_touch_mtime(struct inode *i);

/* Replaces a regular file's contents with buf[0..n) (-EFBIG, -ENOMEM). */
int ramfs_set_data(struct inode *file, const void *buf, size_t n);
/* Makes room for size bytes (zero-filling any growth) and sets the size. */
int ramfs_resize(struct inode *file, uint64_t size);
/* The bytes all memory-backed file systems may hold together (half of RAM, as a tmpfs)
 * and the bytes their regular files hold now. */
uint64_t ramfs_data_budget(void);
uint64_t ramfs_data_used(void);

#endif
