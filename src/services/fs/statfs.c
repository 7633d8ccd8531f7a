/* fs/statfs.c: statfs and fstatfs. ramfs answers as Linux's tmpfs does, its size being the
 * machine's memory, which is what holds its files. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/statfs.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <process/process.h>

static long statfs_to_user(struct statfs __user *ubuf)
{
	struct frame_stats fs;
	struct statfs st;

	frame_stats_get(&fs);
	memset(&st, 0, sizeof(st));
	st.f_type = TMPFS_MAGIC;
	st.f_bsize = PAGE_SIZE;
	st.f_frsize = PAGE_SIZE;
	st.f_blocks = fs.total;
	st.f_bfree = st.f_bavail = fs.free;
	/* ramfs has no inode table: each free frame could hold one more file. */
	st.f_files = fs.total;
	st.f_ffree = fs.free;
	st.f_namelen = NAME_MAX;
	st.f_flags = ST_VALID;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statfs(const char __user *path, struct statfs __user *buf)
{
	struct inode *i;
	int err = fs_lookup_at(process_current(), AT_FDCWD, path, LOOKUP_FOLLOW, &i);

	return err ? err : statfs_to_user(buf);
}

/* Every file, O_PATH ones included, lives on the one file system. */
long sys_fstatfs(int fd, struct statfs __user *buf)
{
	if (!fdtable_get(process_current()->fdt, fd))
		return -EBADF;
	return statfs_to_user(buf);
}
