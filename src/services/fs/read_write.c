/* fs/read_write.c: read, write, their vector and positional forms, and lseek. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/uio.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/pipe.h>
#include <net/socket.h>
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

/* The position a p*() call works at: 0, -EINVAL for a negative offset, -ESPIPE for a
 * file without positions (pipes, the console). */
static int file_positional(struct file *f, int64_t off)
{
	if (off < 0)
		return -EINVAL;
	if (!f->ops->lseek || !f->inode || file_is_pipe(f))
		return -ESPIPE;
	return 0;
}

/* pread64 and pwrite64: at off, leaving the file's position alone. */
static long file_do_at(int fd, void __user *buf, size_t count, int64_t off, bool write)
{
	struct file *f = fd_file(fd);
	uint64_t pos = (uint64_t)off;
	int err;

	if (!f)
		return -EBADF;
	err = file_positional(f, off);
	if (err)
		return err;
	return write ? file_do_write(f, buf, count, &pos) : file_do_read(f, buf, count, &pos);
}

long sys_pread64(int fd, void __user *buf, size_t count, int64_t off)
{
	return file_do_at(fd, buf, count, off, false);
}

long sys_pwrite64(int fd, const void __user *buf, size_t count, int64_t off)
{
	return file_do_at(fd, (void __user *)buf, count, off, true);
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

/* Runs one iovec at a time at *pos; stops at the first short transfer, and an error
 * after some bytes moved reports those bytes instead. */
static long file_do_vector(struct file *f, const struct iovec __user *uiov, int iovcnt,
			   bool write, uint64_t *pos)
{
	struct iovec iov;
	uint64_t total = 0;
	long done = 0, r;
	int k;

	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	/* A socket takes the whole vector at once: a datagram is one message. */
	if (file_is_socket(f))
		return file_is_readable(f) ? socket_file_vector(f, uiov, iovcnt, write) : -EBADF;
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
		r = write ? file_do_write(f, uaddr_ptr(iov.iov_base), iov.iov_len, pos)
			  : file_do_read(f, uaddr_ptr(iov.iov_base), iov.iov_len, pos);
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
	struct file *f = fd_file(fd);

	return f ? file_do_vector(f, iov, iovcnt, false, &f->pos) : -EBADF;
}

long sys_writev(int fd, const struct iovec __user *iov, int iovcnt)
{
	struct file *f = fd_file(fd);

	return f ? file_do_vector(f, iov, iovcnt, true, &f->pos) : -EBADF;
}

/* preadv/pwritev and their v2 forms: the offset comes split in two registers (the high
 * half is unused on 64-bit); for the v2 forms -1 means the file's own position. Of the
 * RWF_* flags only none is known: others are -EOPNOTSUPP as on a kernel without them. */
static long file_do_vector_at(int fd, const struct iovec __user *iov, int iovcnt,
			      unsigned long pos_l, bool write, bool v2, int flags)
{
	struct file *f = fd_file(fd);
	int64_t off = (int64_t)pos_l;
	uint64_t pos = (uint64_t)off;
	int err;

	if (!f)
		return -EBADF;
	if (v2 && flags)
		return -EOPNOTSUPP;
	if (v2 && off == -1)
		return file_do_vector(f, iov, iovcnt, write, &f->pos);
	err = file_positional(f, off);
	return err ? err : file_do_vector(f, iov, iovcnt, write, &pos);
}

long sys_preadv(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		unsigned long pos_h)
{
	return file_do_vector_at(fd, iov, iovcnt, pos_l, false, false, 0);
}

long sys_pwritev(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		 unsigned long pos_h)
{
	return file_do_vector_at(fd, iov, iovcnt, pos_l, true, false, 0);
}

long sys_preadv2(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		 unsigned long pos_h, int flags)
{
	return file_do_vector_at(fd, iov, iovcnt, pos_l, false, true, flags);
}

long sys_pwritev2(int fd, const struct iovec __user *iov, int iovcnt, unsigned long pos_l,
		  unsigned long pos_h, int flags)
{
	return file_do_vector_at(fd, iov, iovcnt, pos_l, true, true, flags);
}
