/* fs/read_write.c: read, write, their vector and positional forms, and lseek. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/uio.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <process/process.h>

/* Linux clamps a single transfer to just under 2 GiB. */
#define RW_MAX 0x7ffff000ul

static struct file *fd_file(int fd)
{
	return fdtable_get(process_current()->fdt, fd);
}

/* The file stays referenced while the operation runs: it may sleep, and another thread
 * may close the descriptor meanwhile. */
static long file_do_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	long r;

	if (!file_is_readable(f))
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	file_get(f);
	r = f->ops->read(f, buf, MIN(n, RW_MAX), pos);
	file_put(f);
	return r;
}

static long file_do_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	long r;

	if (!file_is_writable(f))
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	file_get(f);
	r = f->ops->write(f, buf, MIN(n, RW_MAX), pos);
	file_put(f);
	return r;
}

long sys_read(int fd, void __user *buf, size_t count)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	return file_do_read(f, buf, count, &f->pos);
}

long sys_write(int fd, const void __user *buf, size_t count)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	return file_do_write(f, buf, count, &f->pos);
}

long sys_pread64(int fd, void __user *buf, size_t count, int64_t off)
{
	struct file *f = fd_file(fd);
	uint64_t pos = (uint64_t)off;

	if (!f)
		return -EBADF;
	if (off < 0)
		return -EINVAL;
	if (!f->ops->lseek || !f->inode)
		return -ESPIPE;
	return file_do_read(f, buf, count, &pos);
}

long sys_lseek(int fd, int64_t off, int whence)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE;
	return f->ops->lseek(f, off, whence);
}

/* Runs one iovec at a time; stops at the first short transfer, and an error after some
 * bytes moved reports those bytes instead. */
static long file_do_vector(int fd, const struct iovec __user *uiov, int iovcnt, bool write)
{
	struct file *f = fd_file(fd);
	struct iovec iov;
	uint64_t total = 0;
	long done = 0, r;
	int k;

	if (!f)
		return -EBADF;
	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	/* Check every length first: a sum past ssize_t is EINVAL before any transfer. */
	for (k = 0; k < iovcnt; k++) {
		if (copy_from_user(&iov, uiov + k, sizeof(iov)))
			return -EFAULT;
		if (iov.iov_len > (uint64_t)INT64_MAX - total)
			return -EINVAL;
		total += iov.iov_len;
	}
	for (k = 0; k < iovcnt; k++) {
		if (copy_from_user(&iov, uiov + k, sizeof(iov)))
			return done ? done : -EFAULT;
		if (iov.iov_len == 0)
			continue;
		r = write ? file_do_write(f, uaddr_ptr(iov.iov_base), iov.iov_len, &f->pos)
			  : file_do_read(f, uaddr_ptr(iov.iov_base), iov.iov_len, &f->pos);
		if (r < 0)
			return done ? done : r;
		done += r;
		if ((uint64_t)r < iov.iov_len)
			break;
	}
	return done;
}

long sys_readv(int fd, const struct iovec __user *iov, int iovcnt)
{
	return file_do_vector(fd, iov, iovcnt, false);
}

long sys_writev(int fd, const struct iovec __user *iov, int iovcnt)
{
	return file_do_vector(fd, iov, iovcnt, true);
}
