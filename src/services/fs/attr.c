/* fs/attr.c: chmod, fchmod, fchmodat, chown, fchown, lchown and fchownat. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

#define MODE_BITS 07777u
#define S_IXGRP_BIT 0010u

/* chown(2)'s "no change" id. */
#define ID_UNCHANGED 0xffffffffu

static bool attr_is_owner(const struct process *p, const struct inode *i)
{
	return p->cred.fsuid == 0 || p->cred.fsuid == i->uid;
}

static int attr_chmod(const struct process *p, struct inode *i, unsigned int mode)
{
	if (!attr_is_owner(p, i))
		return -EPERM;
	mode &= MODE_BITS;
	/* Only a member of the file's group may leave it set-group-ID. */
	if (p->cred.fsuid != 0 && !cred_in_group(&p->cred, i->gid))
		mode &= ~(unsigned int)S_ISGID;
	i->mode = (i->mode & ~MODE_BITS) | mode;
	ramfs_touch_ctime(i);
	return 0;
}

/* Whether p may set i's owner to uid: root, or the owner leaving it unchanged. */
static bool attr_may_chown(const struct process *p, const struct inode *i, unsigned int uid)
{
	return uid == ID_UNCHANGED || p->cred.fsuid == 0 ||
	       (p->cred.fsuid == i->uid && uid == i->uid);
}

/* Whether p may set i's group to gid: root, or the owner choosing one of its groups. */
static bool attr_may_chgrp(const struct process *p, const struct inode *i, unsigned int gid)
{
	return gid == ID_UNCHANGED || p->cred.fsuid == 0 ||
	       (p->cred.fsuid == i->uid && (gid == i->gid || cred_in_group(&p->cred, gid)));
}

static int attr_chown(const struct process *p, struct inode *i, unsigned int uid,
		      unsigned int gid)
{
	if (!attr_may_chown(p, i, uid) || !attr_may_chgrp(p, i, gid))
		return -EPERM;
	if (uid != ID_UNCHANGED)
		i->uid = uid;
	if (gid != ID_UNCHANGED)
		i->gid = gid;
	/* A new owner must not inherit set-ID powers: Linux drops set-user-ID, and
	 * set-group-ID where group execution makes it more than a locking mark. */
	if (!ramfs_is_dir(i)) {
		i->mode &= ~(unsigned int)S_ISUID;
		if (i->mode & S_IXGRP_BIT)
			i->mode &= ~(unsigned int)S_ISGID;
	}
	ramfs_touch_ctime(i);
	return 0;
}

long sys_fchmodat(int dirfd, const char __user *path, unsigned int mode)
{
	struct process *p = process_current();
	struct inode *i;
	int err = fs_lookup_at(p, dirfd, path, LOOKUP_FOLLOW, &i);

	return err ? err : attr_chmod(p, i, mode);
}

long sys_chmod(const char __user *path, unsigned int mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(int fd, unsigned int mode)
{
	struct process *p = process_current();
	struct inode *i;
	int err = fs_fd_inode(p, fd, &i);

	if (err || !i)
		return err;
	return attr_chmod(p, i, mode);
}

long sys_fchownat(int dirfd, const char __user *upath, unsigned int uid, unsigned int gid,
		  int flags)
{
	struct process *p = process_current();
	struct file *f;
	struct inode *i;
	char *path;
	bool empty = false;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		err = fs_path_copy(upath, true, &path);
		if (err)
			return err;
		empty = path[0] == '\0';
		kfree(path);
	}
	if (empty && dirfd != AT_FDCWD) {
		f = fdtable_get(p->fdt, dirfd);
		if (!f)
			return -EBADF;
		if (!f->inode)
			return 0;
		i = f->inode;
	} else if (empty) {
		i = p->cwd;
	} else {
		err = fs_lookup_at(p, dirfd, upath,
				   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &i);
		if (err)
			return err;
	}
	return attr_chown(p, i, uid, gid);
}

long sys_chown(const char __user *path, unsigned int uid, unsigned int gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

long sys_lchown(const char __user *path, unsigned int uid, unsigned int gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, unsigned int uid, unsigned int gid)
{
	struct process *p = process_current();
	struct inode *i;
	int err = fs_fd_inode(p, fd, &i);

	if (err || !i)
		return err;
	return attr_chown(p, i, uid, gid);
}
