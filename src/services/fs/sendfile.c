/* fs/sendfile.c: sendfile and copy_file_range: bytes from a memory-backed file to another
 * file without passing through the program. Sources are ramfs regular files (whose bytes
 * the kernel holds); destinations are files with a write_kernel operation. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/ramfs.h>
#include <mm/pagecache.h>
#include <process/process.h>

#define SENDFILE_CHUNK (64u << 10)
#define RW_MAX 0x7ffff000ul

/* Whether f is a regular file whose bytes ramfs holds. */
static bool file_is_ramfs_regular(const struct file *f)
{
	return f->inode && !f->inode->ops && S_ISREG(f->inode->mode) && f->ops->write_kernel;
}

/* Copies up to count bytes of in's file from *in_pos to out at *out_pos, a chunk at a
 * time through a kernel buffer (the destination may be the source itself, whose bytes
 * may move when it grows). Stops at the source's end or a short write. */
static long file_copy_range(struct file *in, uint64_t *in_pos, struct file *out,
			    uint64_t *out_pos, size_t count)
{
	char *chunk = kmalloc(SENDFILE_CHUNK);
	long done = 0;

	if (!chunk)
		return -ENOMEM;
	file_get(in);
	file_get(out);
	while ((size_t)done < count && *in_pos < in->inode->size) {
		size_t k = (size_t)MIN((uint64_t)MIN(count - (size_t)done, SENDFILE_CHUNK),
				       in->inode->size - *in_pos);
		ssize_t w;

		pagecache_sync_to_data(in->inode, *in_pos, k);
		memcpy(chunk, in->inode->data + *in_pos, k);
		w = out->ops->write_kernel(out, chunk, k, out_pos);
		if (w <= 0) {
			if (!done)
				done = w;
			break;
		}
		*in_pos += (uint64_t)w;
		done += w;
		if ((size_t)w < k)
			break;
	}
	file_put(out);
	file_put(in);
	kfree(chunk);
	return done;
}

/* The offset a syscall passed by pointer: 0 and *off, -EFAULT, -EINVAL when negative. */
static int offset_from_user(const int64_t __user *u, uint64_t *off)
{
	int64_t v;

	if (copy_from_user(&v, u, sizeof(v)))
		return -EFAULT;
	if (v < 0)
		return -EINVAL;
	*off = (uint64_t)v;
	return 0;
}

long sys_sendfile(int out_fd, int in_fd, int64_t __user *uoffset, size_t count)
{
	struct process *p = process_current();
	struct file *in = fdtable_get(p->fdt, in_fd), *out = fdtable_get(p->fdt, out_fd);
	uint64_t off, out_pos;
	long n;
	int err;

	if (!in || !out || !file_is_readable(in) || !file_is_writable(out))
		return -EBADF;
	if (!file_is_ramfs_regular(in) || !out->ops->write_kernel || (out->flags & O_APPEND))
		return -EINVAL;
	if (uoffset) {
		err = offset_from_user(uoffset, &off);
		if (err)
			return err;
	} else {
		off = in->pos;
	}
	out_pos = out->pos;
	n = file_copy_range(in, &off, out, &out_pos, MIN(count, RW_MAX));
	if (n > 0)
		out->pos = out_pos;
	if (uoffset) {
		int64_t v = (int64_t)off;

		if (copy_to_user(uoffset, &v, sizeof(v)))
			return -EFAULT;
	} else {
		in->pos = off;
	}
	return n;
}

long sys_copy_file_range(int fd_in, int64_t __user *uoff_in, int fd_out,
			 int64_t __user *uoff_out, size_t len, unsigned int flags)
{
	struct process *p = process_current();
	struct file *in = fdtable_get(p->fdt, fd_in), *out = fdtable_get(p->fdt, fd_out);
	uint64_t in_pos, out_pos;
	long n;
	int err;

	if (flags)
		return -EINVAL;
	if (!in || !out || !file_is_readable(in) || !file_is_writable(out) ||
	    (out->flags & O_APPEND))
		return -EBADF;
	if ((in->inode && S_ISDIR(in->inode->mode)) || (out->inode && S_ISDIR(out->inode->mode)))
		return -EISDIR;
	if (!file_is_ramfs_regular(in) || !file_is_ramfs_regular(out))
		return -EINVAL;
	in_pos = in->pos;
	out_pos = out->pos;
	err = uoff_in ? offset_from_user(uoff_in, &in_pos) : 0;
	if (!err && uoff_out)
		err = offset_from_user(uoff_out, &out_pos);
	if (err)
		return err;
	/* One file's overlapping ranges would copy bytes already overwritten. */
	if (in->inode == out->inode && in_pos < out_pos + len && out_pos < in_pos + len)
		return -EINVAL;
	n = file_copy_range(in, &in_pos, out, &out_pos, MIN(len, RW_MAX));
	if (n < 0)
		return n;
	if (uoff_in) {
		int64_t v = (int64_t)in_pos;

		if (copy_to_user(uoff_in, &v, sizeof(v)))
			return -EFAULT;
	} else {
		in->pos = in_pos;
	}
	if (uoff_out) {
		int64_t v = (int64_t)out_pos;

		if (copy_to_user(uoff_out, &v, sizeof(v)))
			return -EFAULT;
	} else {
		out->pos = out_pos;
	}
	return n;
}
