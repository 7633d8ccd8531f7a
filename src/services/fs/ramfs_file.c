/* fs/ramfs_file.c: reading, writing and listing ramfs files through open file objects. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/dirent.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <fs/ramfs.h>

static ssize_t ramfs_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct inode *i = f->inode;
	size_t k;

	if (*pos >= i->size)
		return 0;
	k = (size_t)MIN((uint64_t)n, i->size - *pos);
	if (copy_to_user(buf, i->data + *pos, k))
		return -EFAULT;
	*pos += k;
	return (ssize_t)k;
}

static ssize_t ramfs_file_write(struct file *f, const void __user *buf, size_t n,
				uint64_t *pos)
{
	struct inode *i = f->inode;
	uint64_t at = (f->flags & O_APPEND) ? i->size : *pos;
	int err;

	if (n == 0)
		return 0;
	if (at > RAMFS_FILE_MAX || n > RAMFS_FILE_MAX - at)
		return -EFBIG;
	if (at + n > i->size) {
		err = ramfs_resize(i, at + n);
		if (err)
			return err;
	}
	if (copy_from_user(i->data + at, buf, n))
		return -EFAULT;
	ramfs_touch_mtime(i);
	*pos = at + n;
	return (ssize_t)n;
}

static int64_t ramfs_file_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base;

	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END: base = (int64_t)f->inode->size; break;
	default: return -EINVAL;
	}
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (int64_t)f->pos;
}

void ramfs_fill_stat(const struct inode *i, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = 1;
	st->st_ino = i->ino;
	st->st_nlink = i->nlink;
	st->st_mode = i->mode;
	st->st_uid = i->uid;
	st->st_gid = i->gid;
	st->st_size = (int64_t)i->size;
	st->st_rdev = i->rdev;
	st->st_blksize = 4096;
	st->st_blocks = (int64_t)((i->size + 511) / 512);
	st->st_atime = i->atime_ns / NSEC_PER_SEC;
	st->st_atime_nsec = i->atime_ns % NSEC_PER_SEC;
	st->st_mtime = i->mtime_ns / NSEC_PER_SEC;
	st->st_mtime_nsec = i->mtime_ns % NSEC_PER_SEC;
	st->st_ctime = i->ctime_ns / NSEC_PER_SEC;
	st->st_ctime_nsec = i->ctime_ns % NSEC_PER_SEC;
}

static int ramfs_file_fstat(struct file *f, struct stat *st)
{
	ramfs_fill_stat(f->inode, st);
	return 0;
}

static ssize_t ramfs_dir_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return -EISDIR;
}

static uint8_t dirent_type(const struct inode *i)
{
	switch (i->mode & S_IFMT) {
	case S_IFDIR: return DT_DIR;
	case S_IFREG: return DT_REG;
	case S_IFLNK: return DT_LNK;
	case S_IFCHR: return DT_CHR;
	default:      return DT_UNKNOWN;
	}
}

/* The entry at index k of dir: ".", "..", then the children in creation order. */
static bool dir_entry_at(struct inode *dir, uint64_t k, const char **name, struct inode **i)
{
	struct dentry *d;

	if (k == 0) {
		*name = ".";
		*i = dir;
		return true;
	}
	if (k == 1) {
		*name = "..";
		*i = dir->parent;
		return true;
	}
	for (d = dir->children, k -= 2; d && k; d = d->next, k--)
		;
	if (!d)
		return false;
	*name = d->name;
	*i = d->inode;
	return true;
}

static long ramfs_dir_getdents64(struct file *f, void __user *buf, size_t n)
{
	/* One record: header, a name of at most NAME_MAX bytes, its NUL, padding to 8. */
	union {
		struct linux_dirent64 d;
		char bytes[sizeof(struct linux_dirent64) + NAME_MAX + 8];
	} rec;
	size_t done = 0;
	const char *name;
	struct inode *i;

	while (dir_entry_at(f->inode, f->pos, &name, &i)) {
		size_t nl = strlen(name);
		size_t len = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + nl + 1, (size_t)8);

		if (len > n - done)
			return done ? (long)done : -EINVAL;
		memset(&rec, 0, len);
		rec.d.d_ino = i->ino;
		rec.d.d_off = (int64_t)f->pos + 1;
		rec.d.d_reclen = (uint16_t)len;
		rec.d.d_type = dirent_type(i);
		memcpy(rec.bytes + offsetof(struct linux_dirent64, d_name), name, nl);
		if (copy_to_user((char __user *)buf + done, &rec, len))
			return -EFAULT;
		done += len;
		f->pos++;
	}
	return (long)done;
}

static int64_t ramfs_dir_lseek(struct file *f, int64_t off, int whence)
{
	if (whence != SEEK_SET || off < 0)
		return -EINVAL;
	f->pos = (uint64_t)off;
	return off;
}

/* An unlinked inode lives while files are open on it. */
void ramfs_file_release(struct file *f)
{
	ramfs_file_closed(f->inode);
}

/* Memory-backed: reads and writes never wait, so files and directories are always ready. */
static const struct file_ops ramfs_reg_ops = {
	.release = ramfs_file_release,
	.poll = poll_always_ready,
	.read = ramfs_file_read,
	.write = ramfs_file_write,
	.lseek = ramfs_file_lseek,
	.fstat = ramfs_file_fstat,
};

static const struct file_ops ramfs_dir_ops = {
	.release = ramfs_file_release,
	.poll = poll_always_ready,
	.read = ramfs_dir_read,
	.lseek = ramfs_dir_lseek,
	.getdents64 = ramfs_dir_getdents64,
	.fstat = ramfs_file_fstat,
};

/* Symlinks opened with O_PATH|O_NOFOLLOW only answer fstat. */
static const struct file_ops ramfs_link_ops = {
	.release = ramfs_file_release,
	.fstat = ramfs_file_fstat,
};

struct file *ramfs_file_open(struct inode *inode, unsigned int flags)
{
	const struct file_ops *ops = &ramfs_link_ops;
	struct file *f;

	if (ramfs_is_regular(inode))
		ops = &ramfs_reg_ops;
	else if (ramfs_is_dir(inode))
		ops = &ramfs_dir_ops;
	f = file_alloc(ops, inode, flags);
	if (f)
		inode->opens++;
	return f;
}
