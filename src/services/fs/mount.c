/* fs/mount.c: the mount table and mount, umount2 and chroot. The table is the machine's
 * one mount namespace (Keel has no others): a list in mount order, the root first. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/mount.h>
#include <abi/statfs.h>
#include <fs/chardev.h>
#include <fs/fs_syscalls.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/procfs.h>
#include <fs/ramfs.h>
#include <process/process.h>

#define MOUNT_NAME_MAX 256

static struct inode *tmpfs_create(void)
{
	struct inode *root = ramfs_create_root();

	if (root)
		root->mode = S_IFDIR | 01777;
	return root;
}

static struct inode *devtmpfs_create(void)
{
	struct inode *root = ramfs_create_root();

	if (root)
		chardev_populate(root);
	return root;
}

static const struct fs_type fs_types[] = {
	{ "rootfs", RAMFS_MAGIC, true, ramfs_create_root, ramfs_busy, ramfs_destroy },
	{ "tmpfs", TMPFS_MAGIC, true, tmpfs_create, ramfs_busy, ramfs_destroy },
	{ "ramfs", RAMFS_MAGIC, true, ramfs_create_root, ramfs_busy, ramfs_destroy },
	{ "devtmpfs", TMPFS_MAGIC, true, devtmpfs_create, ramfs_busy, ramfs_destroy },
	{ "proc", PROC_SUPER_MAGIC, false, procfs_create, procfs_busy, procfs_destroy },
	{ "sysfs", SYSFS_MAGIC, false, sysfs_create, procfs_busy, procfs_destroy },
};

/* The machine's mount table (see the file's comment), and the mounts umount2 detached
 * lazily while in use, freed when the machine stops. */
static struct mount *mount_table, *mount_detached;

static const struct fs_type *fs_type_find(const char *name)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(fs_types); k++)
		if (strcmp(fs_types[k].name, name) == 0)
			return &fs_types[k];
	return NULL;
}

void mount_for_each_type(void (*fn)(const struct fs_type *t, bool nodev, void *arg),
			 void *arg)
{
	size_t k;

	/* Every type here is memory-backed: all are "nodev" in /proc/filesystems. */
	for (k = 0; k < ARRAY_SIZE(fs_types); k++)
		fn(&fs_types[k], true, arg);
}

const struct mount *mount_of_dev(uint32_t dev)
{
	const struct mount *m;

	for (m = mount_table; m; m = m->next)
		if (m->root->dev == dev)
			return m;
	return NULL;
}

int mount_for_each(int (*fn)(const struct mount *m, void *arg), void *arg)
{
	const struct mount *m;
	int err = 0;

	for (m = mount_table; m && !err; m = m->next)
		err = fn(m, arg);
	return err;
}

static void mount_append(struct mount *m)
{
	struct mount **link = &mount_table;

	while (*link)
		link = &(*link)->next;
	*link = m;
}

static struct mount *mount_new(const struct fs_type *type, const char *source,
			       unsigned long flags)
{
	struct mount *m = kzalloc(sizeof(*m));

	if (!m)
		return NULL;
	m->type = type;
	m->flags = flags;
	m->source = kstrdup(source);
	if (!m->source) {
		kfree(m);
		return NULL;
	}
	return m;
}

int mount_set_root(struct inode *root)
{
	/* Shown as what it behaves as: busybox df, like coreutils, hides a "rootfs". */
	struct mount *m = mount_new(fs_type_find("tmpfs"), "tmpfs", 0);

	if (!m)
		return -ENOMEM;
	m->root = root;
	root->root_of = m;
	mount_append(m);
	return 0;
}

int mount_fs(const char *fstype, const char *source, struct inode *dir, unsigned long flags)
{
	const struct fs_type *type = fs_type_find(fstype);
	struct mount *m;

	/* rootfs exists only as the machine's root, as on Linux. */
	if (!type || type == &fs_types[0])
		return -ENODEV;
	dir = mount_covering(dir);
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	m = mount_new(type, source, flags);
	if (!m)
		return -ENOMEM;
	m->root = type->create();
	if (!m->root) {
		kfree(m->source);
		kfree(m);
		return -ENOMEM;
	}
	m->root->root_of = m;
	/* The mountpoint is held while covered, as Linux pins it. */
	inode_get(dir);
	m->mountpoint = dir;
	m->below = dir->mounted;
	dir->mounted = m;
	mount_append(m);
	return 0;
}

static void mount_free(struct mount *m)
{
	m->type->destroy(m->root);
	kfree(m->source);
	kfree(m);
}

/* Takes m out of the tree and the table (it must be the top mount on its mountpoint). */
static void mount_detach(struct mount *m)
{
	struct mount **link;

	for (link = &mount_table; *link != m; link = &(*link)->next)
		;
	*link = m->next;
	m->mountpoint->mounted = m->below;
	inode_put(m->mountpoint);
}

/* Later mounts first: one mounted inside another goes before it. */
void mount_teardown_all(void)
{
	while (mount_detached) {
		struct mount *m = mount_detached;

		mount_detached = m->next;
		mount_free(m);
	}
	while (mount_table) {
		struct mount *last = mount_table;

		while (last->next)
			last = last->next;
		if (last->mountpoint)
			mount_detach(last);
		else
			mount_table = NULL;
		mount_free(last);
	}
}

/* Copies a user string of at most MOUNT_NAME_MAX bytes into a new buffer. */
static int mount_copy_name(const char __user *u, char **out)
{
	char *s = kmalloc(MOUNT_NAME_MAX);
	long n;

	if (!s)
		return -ENOMEM;
	n = strncpy_from_user(s, u, MOUNT_NAME_MAX);
	if (n < 0 || n >= MOUNT_NAME_MAX) {
		kfree(s);
		return n < 0 ? (int)n : -ENODEV;
	}
	*out = s;
	return 0;
}

long sys_mount(const char __user *usource, const char __user *utarget,
	       const char __user *ufstype, unsigned long flags, const void __user *data)
{
	struct process *p = process_current();
	char *fstype = NULL, *source = NULL;
	struct inode *dir;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (p->cred.euid != 0)
		return -EPERM;
	err = fs_lookup_at(p, AT_FDCWD, utarget, LOOKUP_FOLLOW, &dir);
	if (err)
		return err;
	/* Remounting changes options only; Keel keeps the flags for /proc/mounts. */
	if (flags & MS_REMOUNT) {
		if (!dir->root_of)
			return -EINVAL;
		dir->root_of->flags = flags & ~MS_REMOUNT;
		return 0;
	}
	/* Propagation types only matter across namespaces, and Keel has one. */
	if (flags & (MS_PRIVATE | MS_SLAVE | MS_SHARED))
		return dir->root_of ? 0 : -EINVAL;
	if (flags & (MS_BIND | MS_MOVE))
		return -EOPNOTSUPP;
	err = mount_copy_name(ufstype, &fstype);
	if (err)
		return err;
	err = usource ? mount_copy_name(usource, &source) : 0;
	if (!err)
		err = mount_fs(fstype, source ? source : "none", dir, flags);
	kfree(source);
	kfree(fstype);
	return err;
}

/* Whether another mount sits on a directory of m's file system. */
static bool mount_has_submounts(const struct mount *m)
{
	const struct mount *n;

	for (n = mount_table; n; n = n->next) {
		struct inode *i = n->mountpoint;

		if (!i)
			continue;
		while (i->parent != i)
			i = i->parent;
		if (i == m->root)
			return true;
	}
	return false;
}

long sys_umount2(const char __user *utarget, int flags)
{
	struct process *p = process_current();
	struct inode *dir;
	struct mount *m;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (p->cred.euid != 0)
		return -EPERM;
	err = fs_lookup_at(p, AT_FDCWD, utarget,
			   (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &dir);
	if (err)
		return err;
	m = dir->root_of;
	if (!m || !m->mountpoint || m->mountpoint->mounted != m)
		return -EINVAL;
	if (flags & MNT_EXPIRE)
		return -EAGAIN;
	if (mount_has_submounts(m))
		return -EBUSY;
	if (m->type->busy(m->root)) {
		if (!(flags & MNT_DETACH))
			return -EBUSY;
		/* Lazily: out of the tree now; what still uses it keeps it until the end. */
		mount_detach(m);
		m->mountpoint = NULL;
		m->root->root_of = NULL;
		m->next = mount_detached;
		mount_detached = m;
		return 0;
	}
	mount_detach(m);
	mount_free(m);
	return 0;
}

long sys_chroot(const char __user *upath)
{
	struct process *p = process_current();
	struct inode *dir;
	int err;

	err = fs_lookup_at(p, AT_FDCWD, upath, LOOKUP_FOLLOW, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	err = fs_permission(p, dir, MAY_EXEC);
	if (err)
		return err;
	if (p->cred.euid != 0)
		return -EPERM;
	inode_get(dir);
	inode_put(p->root);
	p->root = dir;
	return 0;
}
