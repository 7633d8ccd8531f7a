/* fs/fs_syscalls.h: the file-system syscalls, and the path helpers they share. */
#ifndef SERVICES_FS_FS_SYSCALLS_H
#define SERVICES_FS_FS_SYSCALLS_H

#include <ostd/types.h>
#include <abi/stat.h>
#include <abi/uio.h>

struct inode;
struct process;
struct statfs;
struct timespec;

/* Copies a user path into a new PATH_MAX buffer (*out, to kfree): 0, -EFAULT,
 * -ENAMETOOLONG, -ENOENT (empty, unless allow_empty), -ENOMEM. */
int fs_path_copy(const char __user *upath, bool allow_empty, char **out);
/* The directory a relative path of an *at() call starts from: 0, -EBADF, -ENOTDIR. */
int fs_dirfd_inode(struct process *p, int dirfd, struct inode **out);
/* fs_path_copy, then the directory the path starts from: *start is dirfd's directory for a
 * relative path and left alone (the caller's root or cwd) for an absolute one, which
 * ignores dirfd entirely, even a bad one, as on Linux. On error *out is already freed. */
int fs_path_copy_at(struct process *p, int dirfd, const char __user *upath, char **out,
		    struct inode **start);
/* Resolves upath relative to dirfd with LOOKUP_* flags. */
int fs_lookup_at(struct process *p, int dirfd, const char __user *upath, unsigned int flags,
		 struct inode **out);

/* The directory that holds a path's last component, and that component. */
struct fs_parent {
	struct inode *dir;
	const char *name;      /* inside the copied path */
	size_t len;
	bool must_dir;         /* the path ended with '/' */
};
/* For creating or removing at dirfd: copies the user path into *path (the caller kfrees
 * it; NULL on failure) and resolves its parent into *out. */
int fs_lookup_parent_at(struct process *p, int dirfd, const char __user *upath, char **path,
			struct fs_parent *out);
/* Whether a non-directory may be made at par, as Linux's filename_create and may_create
 * decide: -EEXIST for "", ".", ".." or a name taken, -ENOENT for a trailing slash or a
 * removed directory, -EACCES without write and search permission on the directory. */
int fs_may_create(const struct process *p, const struct fs_parent *par);

/* Permission to access i (MAY_* bits) for p's filesystem identity: 0 or -EACCES. */
#define MAY_EXEC  1
#define MAY_WRITE 2
#define MAY_READ  4
int fs_permission(const struct process *p, const struct inode *i, int mask);
/* Permission to remove victim from dir (write+search, sticky-bit ownership): 0, -EACCES,
 * -EPERM. */
int fs_may_delete(const struct process *p, const struct inode *dir, const struct inode *victim);

/* The inode behind fd for the f*() attribute calls: -EBADF for a bad or O_PATH fd;
 * *out is NULL for files without one (the console, pipes). */
int fs_fd_inode(struct process *p, int fd, struct inode **out);

long sys_unlink(const char __user *path);
long sys_unlinkat(int dirfd, const char __user *path, int flags);
long sys_rmdir(const char __user *path);
long sys_read(int fd, void __user *buf, size_t count);
long sys_write(int fd, const void __user *buf, size_t count);
long sys_readv(int fd, const struct iovec __user *iov, int iovcnt);
long sys_writev(int fd, const struct iovec __user *iov, int iovcnt);
long sys_pread64(int fd, void __user *buf, size_t count, int64_t off);
long sys_pwrite64(int fd, const void __user *buf, size_t count, int64_t off);
long sys_preadv(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		unsigned long pos_h);
long sys_pwritev(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		 unsigned long pos_h);
long sys_preadv2(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		 unsigned long pos_h, int flags);
long sys_pwritev2(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		  unsigned long pos_h, int flags);
long sys_sendfile(int out_fd, int in_fd, int64_t __user *offset, size_t count);
long sys_copy_file_range(int fd_in, int64_t __user *off_in, int fd_out,
			 int64_t __user *off_out, size_t len, unsigned int flags);
long sys_lseek(int fd, int64_t off, int whence);
long sys_open(const char __user *path, int flags, unsigned int mode);
long sys_openat(int dirfd, const char __user *path, int flags, unsigned int mode);
long sys_creat(const char __user *path, unsigned int mode);
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags);
long sys_close(int fd);
long sys_dup(int oldfd);
long sys_dup2(int oldfd, int newfd);
long sys_dup3(int oldfd, int newfd, int flags);
long sys_fcntl(int fd, int cmd, unsigned long arg);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
long sys_fstat(int fd, struct stat __user *st);
long sys_stat(const char __user *path, struct stat __user *st);
long sys_lstat(const char __user *path, struct stat __user *st);
long sys_newfstatat(int dirfd, const char __user *path, struct stat __user *st, int flags);
struct statx;
long sys_statx(int dirfd, const char __user *path, int flags, unsigned int mask,
	       struct statx __user *buf);
long sys_access(const char __user *path, int mode);
long sys_faccessat(int dirfd, const char __user *path, int mode);
long sys_faccessat2(int dirfd, const char __user *path, int mode, int flags);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_readlinkat(int dirfd, const char __user *path, char __user *buf, int bufsiz);
long sys_getcwd(char __user *buf, size_t size);
long sys_getdents64(int fd, void __user *dirp, unsigned int count);
long sys_chdir(const char __user *path);
long sys_fchdir(int fd);
long sys_mkdir(const char __user *path, unsigned int mode);
long sys_mkdirat(int dirfd, const char __user *path, unsigned int mode);
long sys_mknod(const char __user *path, unsigned int mode, unsigned int dev);
long sys_mknodat(int dirfd, const char __user *path, unsigned int mode, unsigned int dev);
long sys_rename(const char __user *oldpath, const char __user *newpath);
long sys_renameat(int olddirfd, const char __user *oldpath, int newdirfd,
		  const char __user *newpath);
long sys_renameat2(int olddirfd, const char __user *oldpath, int newdirfd,
		   const char __user *newpath, unsigned int flags);
long sys_link(const char __user *oldpath, const char __user *newpath);
long sys_linkat(int olddirfd, const char __user *oldpath, int newdirfd,
		const char __user *newpath, int flags);
long sys_symlink(const char __user *target, const char __user *linkpath);
long sys_symlinkat(const char __user *target, int newdirfd, const char __user *linkpath);
long sys_chmod(const char __user *path, unsigned int mode);
long sys_fchmod(int fd, unsigned int mode);
long sys_fchmodat(int dirfd, const char __user *path, unsigned int mode);
long sys_chown(const char __user *path, unsigned int uid, unsigned int gid);
long sys_fchown(int fd, unsigned int uid, unsigned int gid);
long sys_lchown(const char __user *path, unsigned int uid, unsigned int gid);
long sys_fchownat(int dirfd, const char __user *path, unsigned int uid, unsigned int gid,
		  int flags);
long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *times,
		   int flags);
long sys_truncate(const char __user *path, int64_t length);
long sys_ftruncate(int fd, int64_t length);
long sys_fallocate(int fd, int mode, int64_t offset, int64_t len);
long sys_fsync(int fd);
long sys_fdatasync(int fd);
long sys_sync(void);
long sys_syncfs(int fd);
long sys_statfs(const char __user *path, struct statfs __user *buf);
long sys_fstatfs(int fd, struct statfs __user *buf);

#endif
