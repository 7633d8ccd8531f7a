/* fs/ramfs_file.c: reading, writing and listing ramfs files through open file objects. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/dirent.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <fs/ramfs.h>
#include <mm/pagecache.h>

static ssize_t ramfs_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct inode *i = f->inode;
	size_t k;

	if (*pos >= i->size)
		return 0;
	k = (size_t)MIN((uint64_t)n, i->size - *pos);
	/* A shared mapping may have written cached pages since. */
	pagecache_sync_to_data(i, *pos, k);
	if (copy_to_user(buf, i->data + *pos, k))
		return -EFAULT;
	*pos += k;
	return (ssize_t)k;
}

/* Makes room for n bytes at the write position: where they go, or a negative errno. */
static int64_t ramfs_file_write_at(struct file *f, size_t n, uint64_t *pos)
{
	struct inode *i = f->inode;
	uint64_t at = (f->flags & O_APPEND) ? i->size : *pos;
	int err;

	if (at > RAMFS_FILE_MAX || n > RAMFS_FILE_MAX - at)
		return -EFBIG;
	if (at + n > i->size) {
		err = ramfs_resize(i, at + n);
		if (err)
			return err;
	}
	return (int64_t)at;
}

/* A write from user memory ubuf, or from kernel memory kbuf when it is not NULL. */
static ssize_t ramfs_file_write_from(struct file *f, const void __user *ubuf,
				     const void *kbuf, size_t n, uint64_t *pos)
{
	int64_t at;

	if (n == 0)
		return 0;
	at = ramfs_file_write_at(f, n, pos);
	if (at < 0)
		return at;
	if (kbuf)
		memcpy(f->inode->data + at, kbuf, n);
	else if (copy_from_user(f->inode->data + at, ubuf, n))
		return -EFAULT;
	pagecache_write_through(f->inode, (uint64_t)at, n);
	ramfs_touch_mtime(f->inode);
	*pos = (uint64_t)at + n;
	return (ssize_t)n;
}

static ssize_t ramfs_file_write(struct file *f, const void __user *buf, size_t n,
				uint64_t *pos)
{
	return ramfs_file_write_from(f, buf, NULL, n, pos);
}

static ssize_t ramfs_file_write_kernel(struct file *f, const void *buf, size_t n,
				       uint64_t *pos)
{
	return ramfs_file_write_from(f, NULL, buf, n, pos);
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

/* tmpfs's directory size: 20 bytes an entry, "." and ".." included. */
static int64_t ramfs_dir_size(const struct inode *dir)
{
	const struct dentry *d;
	int64_t n = 2;

	for (d = dir->children; d; d = d->next)
		n++;
	return n * 20;
}

void ramfs_fill_stat(const struct inode *i, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = i->dev;
	st->st_ino = i->ino;
	st->st_nlink = i->nlink;
	st->st_mode = i->mode;
	st->st_uid = i->uid;
	st->st_gid = i->gid;
	st->st_size = S_ISDIR(i->mode) && !i->ops ? ramfs_dir_size(i) : (int64_t)i->size;
	st->st_rdev = i->rdev;
	st->st_blksize = 4096;
	/* Memory is given in pages, and tmpfs counts its blocks so: du agrees with Linux. */
	st->st_blocks = S_ISREG(i->mode) ? (int64_t)(ALIGN_UP(i->size, (uint64_t)PAGE_SIZE) / 512) : 0;
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

static uint8_t dirent_type(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:  return DT_DIR;
	case S_IFREG:  return DT_REG;
	case S_IFLNK:  return DT_LNK;
	case S_IFCHR:  return DT_CHR;
	case S_IFIFO:  return DT_FIFO;
	case S_IFSOCK: return DT_SOCK;
	default:       return DT_UNKNOWN;
	}
}

struct dir_entry {
	char name[NAME_MAX + 1];
	uint64_t ino;
	uint32_t type;      /* S_IF* */
};

/* The entry at index k of dir: ".", "..", then the children in creation order (or as
 * the directory's file system lists them). */
static bool dir_entry_at(struct inode *dir, uint64_t k, struct dir_entry *e)
{
	struct inode *i;
	struct dentry *d;

	if (k < 2) {
		kstrlcpy(e->name, k ? ".." : ".", sizeof(e->name));
		/* A file system's root is its own "..", as Linux lists it. */
		i = k ? dir->parent : dir;
		e->ino = i->ino;
		e->type = S_IFDIR;
		return true;
	}
	if (dir->ops)
		return dir->ops->entry &&
		       dir->ops->entry(dir, k - 2, e->name, sizeof(e->name), &e->ino, &e->type);
	for (d = dir->children, k -= 2; d && k; d = d->next, k--)
		;
	if (!d)
		return false;
	kstrlcpy(e->name, d->name, sizeof(e->name));
	/* A mountpoint lists with the covered directory's number: getdents reads the
	 * directory, not the mount table, on Linux too. */
	e->ino = d->inode->ino;
	e->type = d->inode->mode;
	return true;
}

static long ramfs_dir_getdents64(struct file *f, void __user *buf, size_t n)
{
	/* One record: header, a name of at most NAME_MAX bytes, its NUL, padding to 8. */
	union {
		struct linux_dirent64 d;
		char bytes[sizeof(struct linux_dirent64) + NAME_MAX + 8];
	} rec;
	struct dir_entry *e = kmalloc(sizeof(*e));
	size_t done = 0;
	long ret;

	if (!e)
		return -ENOMEM;
	while (dir_entry_at(f->inode, f->pos, e)) {
		size_t nl = strlen(e->name);
		size_t len = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + nl + 1, (size_t)8);

		if (len > n - done) {
			ret = done ? (long)done : -EINVAL;
			goto out_free;
		}
		memset(&rec, 0, len);
		rec.d.d_ino = e->ino;
		rec.d.d_off = (int64_t)f->pos + 1;
		rec.d.d_reclen = (uint16_t)len;
		rec.d.d_type = dirent_type(e->type);
		memcpy(rec.bytes + offsetof(struct linux_dirent64, d_name), e->name, nl);
		if (copy_to_user((char __user *)buf + done, &rec, len)) {
			ret = -EFAULT;
			goto out_free;
		}
		done += len;
		f->pos++;
	}
	ret = (long)done;
out_free:
	kfree(e);
	return ret;
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
	inode_put(f->inode);
}

/* Memory-backed: reads and writes never wait, so files and directories are always ready. */
static const struct file_ops ramfs_reg_ops = {
	.release = ramfs_file_release,
	.poll = poll_always_ready,
	.read = ramfs_file_read,
	.write = ramfs_file_write,
	.write_kernel = ramfs_file_write_kernel,
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
		inode_get(inode);
	return f;
}
