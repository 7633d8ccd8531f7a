/* fs/mount.h: the mount table: file systems attached on directories of the tree. */
#ifndef SERVICES_FS_MOUNT_H
#define SERVICES_FS_MOUNT_H

#include <ostd/types.h>
#include <fs/inode.h>

struct inode;
struct process;

/* A file system type mount(2) knows by name. */
struct fs_type {
	const char *name;
	uint64_t magic;        /* statfs's f_type */
	bool memory_backed;    /* statfs counts the machine's memory as its blocks (tmpfs) */
	/* A new instance: its root directory, or NULL when out of memory. */
	struct inode *(*create)(void);
	/* Whether anything still uses the instance under root (an open file, a cwd). */
	bool (*busy)(struct inode *root);
	/* Frees the instance under root. */
	void (*destroy)(struct inode *root);
};

struct mount {
	const struct fs_type *type;
	struct inode *root;        /* the file system's root directory */
	struct inode *mountpoint;  /* the directory it covers; NULL for the machine's root */
	struct mount *below;       /* what mountpoint->mounted was before this one */
	char *source;
	unsigned long flags;       /* MS_* given at mount */
	struct mount *next;        /* the table, in mount order */
};

/* The directory to use for i: the root of what is mounted on it, if anything. */
static inline struct inode *mount_covering(struct inode *i)
{
	while (i->mounted)
		i = i->mounted->root;
	return i;
}

/* Makes root the machine's root file system of type name ("rootfs"): 0 or -ENOMEM. */
int mount_set_root(struct inode *root);
/* Mounts a new instance of fstype on dir (absolute path for boot): 0 or a negative errno. */
int mount_fs(const char *fstype, const char *source, struct inode *dir, unsigned long flags);
/* The mount of the file system with device number dev, or NULL (a detached one). */
const struct mount *mount_of_dev(uint32_t dev);
/* The machine stops: every file system is freed, the root's last. */
void mount_teardown_all(void);
/* Calls fn for each mount in mount order while it returns 0. */
int mount_for_each(int (*fn)(const struct mount *m, void *arg), void *arg);
/* The names of the file system types, for /proc/filesystems: fn per type. */
void mount_for_each_type(void (*fn)(const struct fs_type *t, bool nodev, void *arg),
			 void *arg);

long sys_mount(const char __user *source, const char __user *target,
	       const char __user *fstype, unsigned long flags, const void __user *data);
long sys_umount2(const char __user *target, int flags);
long sys_chroot(const char __user *path);

#endif
