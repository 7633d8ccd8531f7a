/* fs/statfs.c: statfs and fstatfs. ramfs answers as Linux's tmpfs does, its size being the
 * budget its files share (half the machine's memory); procfs and sysfs have no blocks. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/mount.h>
#include <abi/statfs.h>
#include <fs/file.h>
#include <fs/mount.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* i's file system (NULL: a pipe or the console, counted as memory too). */
static long statfs_to_user(const struct inode *i, struct statfs __user *ubuf)
{
	const struct mount *m = i ? mount_of_dev(i->dev) : NULL;
	struct frame_stats fs;
	struct statfs st;

	frame_stats_get(&fs);
	memset(&st, 0, sizeof(st));
	st.f_type = m ? (int64_t)m->type->magic : TMPFS_MAGIC;
	st.f_bsize = PAGE_SIZE;
	st.f_frsize = PAGE_SIZE;
	if (!m || m->type->memory_backed) {
		uint64_t budget = ramfs_data_budget(), used = ramfs_data_used();

		st.f_blocks = budget / PAGE_SIZE;
		st.f_bfree = st.f_bavail = used < budget ? (budget - used) / PAGE_SIZE : 0;
		/* ramfs has no inode table: each free frame could hold one more file. */
		st.f_files = fs.total;
		st.f_ffree = fs.free;
	}
	st.f_namelen = NAME_MAX;
	/* ST_RDONLY, ST_NOSUID, ST_NODEV and ST_NOEXEC have the MS_* flags' values. */
	st.f_flags = ST_VALID |
		     (m ? (int64_t)(m->flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)) : 0);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statfs(const char __user *path, struct statfs __user *buf)
{
	struct inode *i;
	int err = fs_lookup_at(process_current(), AT_FDCWD, path, LOOKUP_FOLLOW, &i);

	return err ? err : statfs_to_user(i, buf);
}

long sys_fstatfs(int fd, struct statfs __user *buf)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f)
		return -EBADF;
	return statfs_to_user(f->inode, buf);
}
