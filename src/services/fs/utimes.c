/* fs/utimes.c: utimensat: setting a file's access and modification times. */
#include <ostd/errno.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/time.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>

static bool utimes_nsec_is_valid(int64_t nsec)
{
	return nsec == UTIME_NOW || nsec == UTIME_OMIT || (nsec >= 0 && nsec < (int64_t)NSEC_PER_SEC);
}

/* An explicit time can only be set by the owner (or root); "now" by anyone who may write
 * the file, as touch(1) needs. */
static int utimes_permission(const struct process *p, const struct inode *i,
			     const struct timespec *ts)
{
	bool explicit = ts && ((ts[0].tv_nsec != UTIME_NOW && ts[0].tv_nsec != UTIME_OMIT) ||
			       (ts[1].tv_nsec != UTIME_NOW && ts[1].tv_nsec != UTIME_OMIT));

	if (p->cred.fsuid == 0 || p->cred.fsuid == i->uid)
		return 0;
	if (explicit)
		return -EPERM;
	return fs_permission(p, i, MAY_WRITE);
}

/* The new value of one time: now, kept, or the given one (a time before 1970 cannot be
 * kept in ramfs's unsigned nanoseconds and becomes 0). */
static uint64_t utimes_pick(const struct timespec *ts, uint64_t old, uint64_t now)
{
	if (!ts || ts->tv_nsec == UTIME_NOW)
		return now;
	if (ts->tv_nsec == UTIME_OMIT)
		return old;
	if (ts->tv_sec < 0)
		return 0;
	if ((uint64_t)ts->tv_sec > (UINT64_MAX - (uint64_t)ts->tv_nsec) / NSEC_PER_SEC)
		return UINT64_MAX;
	return (uint64_t)ts->tv_sec * NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

static int utimes_set(const struct process *p, struct inode *i, const struct timespec *ts)
{
	uint64_t now = clock_realtime_ns();
	int err;

	if (ts && (!utimes_nsec_is_valid(ts[0].tv_nsec) || !utimes_nsec_is_valid(ts[1].tv_nsec)))
		return -EINVAL;
	err = utimes_permission(p, i, ts);
	if (err)
		return err;
	i->atime_ns = utimes_pick(ts ? &ts[0] : NULL, i->atime_ns, now);
	i->mtime_ns = utimes_pick(ts ? &ts[1] : NULL, i->mtime_ns, now);
	i->ctime_ns = now;
	return 0;
}

/* The inode a NULL path names: the file open at dirfd (futimens); NULL for the console
 * and pipes, whose times are not kept. With AT_FDCWD a NULL path is just a bad pointer. */
static int utimes_fd_inode(struct process *p, int dirfd, int flags, struct inode **out)
{
	struct file *f;

	if (flags)
		return -EINVAL;
	f = fdtable_get(p->fdt, dirfd);
	if (!f)
		return -EBADF;
	*out = f->inode;
	return 0;
}

long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *times,
		   int flags)
{
	struct process *p = process_current();
	struct timespec ts[2];
	struct inode *i = NULL;
	int err;

	if (times) {
		if (copy_from_user(ts, times, sizeof(ts)))
			return -EFAULT;
		/* Nothing to do: Linux does not even look the path up. */
		if (ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	if (!path && dirfd != AT_FDCWD) {
		err = utimes_fd_inode(p, dirfd, flags, &i);
	} else {
		if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
			return -EINVAL;
		err = fs_lookup_at(p, dirfd, path,
				   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &i);
	}
	if (err || !i)
		return err;
	return utimes_set(p, i, times ? ts : NULL);
}
