/* fs/inode.h: the inode every file system shares, and the operations that let a file
 * system other than ramfs (procfs, sysfs) answer for its own inodes. */
#ifndef SERVICES_FS_INODE_H
#define SERVICES_FS_INODE_H

#include <ostd/types.h>

struct dentry;
struct file;
struct inode;
struct mount;
struct page_cache;
struct thread;

/* What a file system that does not keep ramfs's entry lists does for its inodes. Any
 * entry may be NULL when the inode's type never needs it. */
struct inode_ops {
	/* Finds name[0..len) in directory dir: 0 and *out, -ENOENT. A new inode it makes is
	 * handed out with inode_new_transient. */
	int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **out);
	/* Entry k of dir after "." and "..": its name (at most size - 1 bytes and a NUL),
	 * inode number and S_IF* type. false past the last entry. */
	bool (*entry)(struct inode *dir, uint64_t k, char *name, size_t size, uint64_t *ino,
		      uint32_t *type);
	/* Opens a non-directory: 0 and *out, or a negative errno. */
	int (*open)(struct inode *i, unsigned int flags, struct file **out);
	/* A symlink's target, made now: its length (not NUL-terminated), -ERANGE, -ENOENT. */
	long (*readlink)(struct inode *i, char *buf, size_t size);
	/* The inode is going: let go of priv. Set only for inodes made on lookup. */
	void (*free)(struct inode *i);
};

/* One file of any type. Directories know their name and parent (for "..", getcwd);
 * a ramfs symlink's target and a regular file's bytes live in data[0..size). */
struct inode {
	uint64_t ino;
	uint32_t dev;           /* its file system's device number (st_dev) */
	uint32_t mode;          /* S_IF* type and permission bits */
	uint32_t uid, gid;
	uint32_t nlink;         /* names it has (directories: 2 + subdirectories) */
	uint64_t atime_ns, mtime_ns, ctime_ns;
	uint64_t size;
	uint32_t rdev;          /* character devices: (major << 8) | minor */
	char *data;
	size_t cap;
	struct inode *parent;   /* directories only; a file system's root is its own parent */
	char *name;             /* directories only; "" for a root */
	struct dentry *children, *last_child;
	/* References that outlive a syscall: open files, cwd and root of processes, the
	 * children of an inode made on lookup. A ramfs file unlinked lives until the last
	 * goes; an inode made on lookup is freed with its last. */
	uint32_t opens;
	struct inode *dead;     /* removed directories (kept until the root goes, as a process
	                           may still stand in one), listed from the root */

	const struct inode_ops *ops;  /* NULL: a ramfs inode */
	void *priv;                   /* the file system's own, for ops */
	uint64_t key;                 /* the file system's own (procfs: pid and entry) */
	struct mount *mounted;        /* a directory something is mounted on: the top mount */
	struct mount *root_of;        /* a mounted file system's root: its mount */
	struct inode *transient_next; /* made on lookup: the thread's list (see below) */
	void *fifo;                   /* a FIFO's pipe while it is open (fs/fifo.c) */
	struct page_cache *cache;     /* a mapped regular file's shared pages (mm/pagecache.h) */
	struct flock_set *flocks;     /* flock(2) holders and waiters, while there are any */
};

/* Inodes made on lookup are borrowed by the syscall that looked them up: each starts
 * with one reference that the current thread's transient list holds until its syscall
 * ends. Whatever keeps one longer (an open file, a cwd) takes its own with inode_get.
 * NULL when out of memory. */
struct inode *inode_new_transient(const struct inode_ops *ops, uint32_t mode, uint64_t ino);
/* A transient inode's parent: kept alive by the child (so ".." and getcwd stay valid). */
void inode_set_parent(struct inode *i, struct inode *parent);
void inode_get(struct inode *i);
/* Drops a reference: an inode made on lookup is freed with its last; a ramfs file
 * follows ramfs's rules (ramfs_file_closed). */
void inode_put(struct inode *i);
/* The end of t's syscall: drops the references of its transient list. */
void inode_end_syscall(struct thread *t);

/* A device number for a new file system instance (Linux's anonymous devices 0:N). */
uint32_t inode_new_dev(void);

/* Finds name in dir whatever its file system: ramfs_lookup's contract. */
int inode_lookup(struct inode *dir, const char *name, size_t len, struct inode **out);
/* A symlink's target into buf (not NUL-terminated): its length, or a negative errno. */
long inode_readlink(struct inode *i, char *buf, size_t size);
/* Whether new names may be made in, or removed from, dir (ramfs directories only):
 * 0 or -EPERM. */
int inode_may_modify(const struct inode *dir);
/* The root directory of the file system directory dir belongs to. */
struct inode *inode_fs_root(struct inode *dir);

#endif
