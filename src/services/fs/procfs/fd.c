/* fs/procfs/fd.c: /proc/PID/fd: one symlink per open descriptor, naming what it is. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/procfs_node.h>
#include <process/process.h>

/* An fd link's key: the pid in the low half, the fd in the high one. */
#define FD_KEY(pid, fd) ((uint64_t)(unsigned int)(pid) | ((uint64_t)(unsigned int)(fd) << 32))

static const struct procfs_entry fd_link_entry = { "", S_IFLNK | 0700, .link = NULL };

static int fd_of_name(const char *name, size_t len)
{
	int fd = 0;
	size_t k;

	if (len == 0 || len > 4 || (len > 1 && name[0] == '0'))
		return -1;
	for (k = 0; k < len; k++) {
		if (name[k] < '0' || name[k] > '9')
			return -1;
		fd = fd * 10 + (name[k] - '0');
	}
	return fd < FDTABLE_SIZE ? fd : -1;
}

static long fd_readlink(struct inode *i, char *buf, size_t size)
{
	struct process *p = procfs_node_process(i);
	int fd = (int)(i->key >> 32);
	struct file *f = p && p->fdt ? fdtable_get(p->fdt, fd) : NULL;
	struct stat st;
	int n;

	if (!f)
		return -ENOENT;
	if (f->path) {
		n = (int)strlen(f->path);
		if ((size_t)n > size)
			return -ERANGE;
		memcpy(buf, f->path, (size_t)n);
		return n;
	}
	/* Files without a path are named by kind, as Linux names its pseudo files. */
	if (!f->ops->fstat || f->ops->fstat(f, &st))
		st.st_mode = 0;
	if (S_ISFIFO(st.st_mode))
		n = ksnprintf(buf, size, "pipe:[%llu]", (unsigned long long)st.st_ino);
	else if (S_ISSOCK(st.st_mode))
		n = ksnprintf(buf, size, "socket:[%llu]", (unsigned long long)st.st_ino);
	else if (S_ISCHR(st.st_mode))
		n = ksnprintf(buf, size, "/dev/console");
	else
		n = ksnprintf(buf, size, "anon_inode:[keel]");
	return n < (int)size ? n : -ERANGE;
}

static void fd_free(struct inode *i)
{
}

static const struct inode_ops fd_link_ops = {
	.readlink = fd_readlink,
	.free = fd_free,
};

static int fd_dir_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct process *p = procfs_node_process(dir);
	int fd = fd_of_name(name, len);
	struct inode *i;
	int err;

	if (!p || !p->fdt || fd < 0 || !fdtable_get(p->fdt, fd))
		return -ENOENT;
	err = procfs_node_new(dir, &fd_link_entry, p->pid, FD_KEY(p->pid, fd) + 0x100000, &i);
	if (err)
		return err;
	i->ops = &fd_link_ops;
	i->key = FD_KEY(p->pid, fd);
	*out = i;
	return 0;
}

static bool fd_dir_entry(struct inode *dir, uint64_t k, char *name, size_t size,
			 uint64_t *ino, uint32_t *type)
{
	struct process *p = procfs_node_process(dir);
	int fd;

	if (!p || !p->fdt)
		return false;
	for (fd = 0; fd < FDTABLE_SIZE; fd++) {
		if (!fdtable_get(p->fdt, fd) || k-- > 0)
			continue;
		ksnprintf(name, size, "%d", fd);
		*ino = FD_KEY(p->pid, fd) + 0x100000;
		*type = S_IFLNK;
		return true;
	}
	return false;
}

const struct inode_ops procfs_fd_dir_ops = {
	.lookup = fd_dir_lookup,
	.entry = fd_dir_entry,
	.free = fd_free,
};
