/* stat_close: statx against stat (file, directory, symlink, an fd with AT_EMPTY_PATH) and
 * its EINVAL cases; close_range closing and marking close-on-exec, with its EINVAL; creat
 * making and truncating. Works in its own directory under /tmp and removes it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "errname.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC 4
#endif

/* The kernel's struct statx, spelt out: musl 1.2.3 has none. */
struct kstatx_ts {
	long long tv_sec;
	unsigned int tv_nsec;
	int reserved;
};
struct kstatx {
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, spare0;
	unsigned long long stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct kstatx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	unsigned int stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	unsigned long long spare2[14];
};
#define KSTATX_BASIC_STATS 0x7ffu

static void show(const char *what, long r)
{
	printf("%s: %s\n", what, r < 0 ? errname(errno) : "ok");
}

/* statx agrees with stat on everything both report. */
static void compare(const char *label, int dirfd, const char *path, int flags)
{
	struct kstatx sx;
	struct stat st;
	long r = syscall(SYS_statx, dirfd, path, flags, KSTATX_BASIC_STATS, &sx);
	int same;

	if (r < 0) {
		printf("statx %s: %s\n", label, errname(errno));
		return;
	}
	if (flags & AT_EMPTY_PATH)
		fstat(dirfd, &st);
	else if (flags & AT_SYMLINK_NOFOLLOW)
		lstat(path, &st);
	else
		stat(path, &st);
	same = sx.stx_ino == st.st_ino && sx.stx_mode == st.st_mode &&
	       sx.stx_nlink == st.st_nlink && sx.stx_uid == st.st_uid &&
	       sx.stx_size == (unsigned long long)st.st_size &&
	       sx.stx_blocks == (unsigned long long)st.st_blocks &&
	       sx.stx_mtime.tv_sec == st.st_mtim.tv_sec &&
	       sx.stx_mtime.tv_nsec == (unsigned)st.st_mtim.tv_nsec &&
	       makedev(sx.stx_dev_major, sx.stx_dev_minor) == st.st_dev;
	printf("statx %s: type %o basic %d agrees with stat %d\n", label,
	       (unsigned)(sx.stx_mode & S_IFMT), (sx.stx_mask & KSTATX_BASIC_STATS) == KSTATX_BASIC_STATS,
	       same);
}

static int is_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

int main(void)
{
	char dir[64];
	struct kstatx sx;
	int fd, a, b;

	snprintf(dir, sizeof(dir), "/tmp/stat_close-%d", getpid());
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0)
		return 1;
	fd = creat("file", 0640);
	show("creat", fd);
	show("write", write(fd, "twelve bytes", 12));
	close(fd);
	fd = creat("file", 0600);
	show("creat again (truncates)", fd);
	printf("size after creat: %lld\n", (long long)lseek(fd, 0, SEEK_END));
	show("write", write(fd, "four", 4));
	show("read from creat's fd", read(fd, dir + 60, 1));
	symlink("file", "link");
	compare("file", AT_FDCWD, "file", 0);
	compare("dir", AT_FDCWD, ".", 0);
	compare("link followed", AT_FDCWD, "link", 0);
	compare("link itself", AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW);
	compare("fd", fd, "", AT_EMPTY_PATH);
	compare("missing", AT_FDCWD, "nothing", 0);
	show("statx bad flags", syscall(SYS_statx, AT_FDCWD, "file", 0x80000000, KSTATX_BASIC_STATS, &sx));
	show("statx both sync types", syscall(SYS_statx, AT_FDCWD, "file", 0x6000, KSTATX_BASIC_STATS, &sx));
	show("statx reserved mask", syscall(SYS_statx, AT_FDCWD, "file", 0, 0x80000000u, &sx));
	show("statx bad buffer", syscall(SYS_statx, AT_FDCWD, "file", 0, KSTATX_BASIC_STATS, (void *)8));

	a = dup(fd);
	b = dup(fd);
	show("close_range cloexec", syscall(SYS_close_range, a, b, CLOSE_RANGE_CLOEXEC));
	printf("cloexec: %d %d, fd still open: %d\n", fcntl(a, F_GETFD) & FD_CLOEXEC,
	       fcntl(b, F_GETFD) & FD_CLOEXEC, is_open(fd) && !(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	show("close_range first > last", syscall(SYS_close_range, 9, 3, 0));
	show("close_range unknown flag", syscall(SYS_close_range, 3, 9, 0x40));
	show("close_range 3..~0", syscall(SYS_close_range, 3, ~0u, 0));
	printf("open after: fd %d %d, a %d, b %d, stdout %d\n", fd, is_open(fd), is_open(a),
	       is_open(b), is_open(1));
	unlink("link");
	unlink("file");
	if (chdir("/") < 0 || rmdir(dir) < 0)
		perror("cleanup");
	return 0;
}
