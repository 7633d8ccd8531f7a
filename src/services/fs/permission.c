/* fs/permission.c: Unix permission bits against a process's filesystem identity. */
#include <ostd/errno.h>
#include <abi/stat.h>
#include <fs/fs_syscalls.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* Root may read and write anything, and execute what has an x bit (or is a directory),
 * as Linux's capability checks allow; others get the owner, group or other bits. */
int fs_permission(const struct process *p, const struct inode *i, int mask)
{
	const struct cred *c = &p->cred;
	unsigned int bits;

	if (c->fsuid == 0) {
		if (!(mask & MAY_EXEC) || ramfs_is_dir(i) || (i->mode & 0111))
			return 0;
		return -EACCES;
	}
	if (c->fsuid == i->uid)
		bits = (i->mode >> 6) & 7;
	else if (cred_in_group(c, i->gid))
		bits = (i->mode >> 3) & 7;
	else
		bits = i->mode & 7;
	return ((unsigned int)mask & ~bits) ? -EACCES : 0;
}

/* Removing or renaming name in a sticky directory (like /tmp) takes owning the file or
 * the directory, besides write permission on the directory. */
int fs_may_delete(const struct process *p, const struct inode *dir, const struct inode *victim)
{
	int err = fs_permission(p, dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if ((dir->mode & S_ISVTX) && p->cred.fsuid != 0 && p->cred.fsuid != victim->uid &&
	    p->cred.fsuid != dir->uid)
		return -EPERM;
	return 0;
}
