/* fs/mknod.c: mknod and mknodat: FIFOs, regular files, sockets and device nodes. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/fs_syscalls.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* Linux's new_decode_dev: 12 bits of major, 20 of minor, interleaved. */
static uint32_t mknod_rdev(unsigned int dev)
{
	unsigned int major = (dev & 0xfff00u) >> 8;
	unsigned int minor = (dev & 0xffu) | ((dev >> 12) & 0xfff00u);

	return CHARDEV(major, minor);
}

long sys_mknodat(int dirfd, const char __user *upath, unsigned int mode, unsigned int dev)
{
	struct process *p = process_current();
	unsigned int type = mode & S_IFMT;
	struct fs_parent par;
	struct inode *i;
	char *path = NULL;
	int err;

	if (type == 0)
		type = S_IFREG;
	/* Device nodes take CAP_MKNOD; directories are mkdir's. */
	if (type == S_IFDIR)
		return -EPERM;
	if (type != S_IFREG && type != S_IFIFO && type != S_IFSOCK && type != S_IFCHR &&
	    type != S_IFBLK)
		return -EINVAL;
	err = fs_lookup_parent_at(p, dirfd, upath, &path, &par);
	if (err)
		return err;
	err = fs_may_create(p, &par);
	if (!err && (type == S_IFCHR || type == S_IFBLK) && p->cred.euid != 0)
		err = -EPERM;
	if (err)
		goto out_free_path;
	mode = type | (mode & 07777 & ~p->umask);
	if (type == S_IFCHR)
		err = ramfs_mknod_char(par.dir, par.name, par.len, mode, mknod_rdev(dev), &i);
	else if (type == S_IFBLK)
		err = -EPERM;   /* Keel has no block devices a node could name */
	else
		err = ramfs_create(par.dir, par.name, par.len, mode, &i);
	if (!err) {
		i->uid = p->cred.fsuid;
		i->gid = p->cred.fsgid;
	}
out_free_path:
	kfree(path);
	return err;
}

long sys_mknod(const char __user *path, unsigned int mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}
