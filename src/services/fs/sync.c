/* fs/sync.c: fsync, fdatasync, sync and syncfs. ramfs lives in memory only, so there is
 * never anything to write back: these check their fd and succeed. */
#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* As Linux: files whose kind has no fsync (pipes, terminals, devices) answer -EINVAL. */
long sys_fsync(int fd)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	if (!f->inode || !(ramfs_is_regular(f->inode) || ramfs_is_dir(f->inode)))
		return -EINVAL;
	return 0;
}

long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

long sys_sync(void)
{
	return 0;
}

long sys_syncfs(int fd)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	return (!f || (f->flags & O_PATH)) ? -EBADF : 0;
}
