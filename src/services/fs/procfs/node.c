/* fs/procfs/node.c: the machinery procfs and sysfs share: inodes made from table entries
 * on lookup, directories listed by tables, and files whose text is made at open. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/poll.h>
#include <fs/procfs_node.h>
#include <fs/ramfs.h>
#include <process/process.h>

#define TEXT_MAX (4u << 20)   /* no generated file grows past this */

void text_put(struct text *t, const void *s, size_t n)
{
	if (t->oom)
		return;
	if (t->len + n > t->cap) {
		size_t cap = MAX(t->cap * 2, (size_t)256);
		char *nb;

		while (cap < t->len + n)
			cap *= 2;
		nb = cap <= TEXT_MAX ? kmalloc(cap) : NULL;
		if (!nb) {
			t->oom = true;
			return;
		}
		if (t->len)
			memcpy(nb, t->buf, t->len);
		kfree(t->buf);
		t->buf = nb;
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

void text_printf(struct text *t, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > 0)
		text_put(t, line, MIN((size_t)n, sizeof(line) - 1));
}

uint64_t procfs_ino(const struct procfs_entry *e, int pid)
{
	/* Entries are static: their address tells them apart; pids stay below 2^22. */
	return ((uint64_t)(unsigned int)pid << 32) ^ (((uintptr_t)e >> 3) & 0xffffffffu);
}

int procfs_node_pid(const struct inode *i)
{
	return (int)(uint32_t)i->key;
}

struct process *procfs_node_process(const struct inode *i)
{
	int pid = procfs_node_pid(i);
	struct process *p;

	if (!pid)
		return NULL;
	p = process_find(pid);
	return p && p->pid == pid ? p : NULL;
}

static void procfs_node_free(struct inode *i)
{
}

int procfs_node_new(struct inode *parent, const struct procfs_entry *e, int pid,
		    uint64_t ino, struct inode **out)
{
	const struct inode_ops *ops = &procfs_leaf_ops;
	struct process *p = pid ? process_find(pid) : NULL;
	struct inode *i;

	if (S_ISDIR(e->mode))
		ops = e->dir_ops ? e->dir_ops : &procfs_table_dir_ops;
	i = inode_new_transient(ops, e->mode, ino);
	if (!i)
		return -ENOMEM;
	i->priv = (void *)e;
	i->key = (uint64_t)(unsigned int)pid;
	i->dev = parent->dev;
	/* Files of a process belong to its owner, as Linux's "dumpable" processes' do. */
	if (p) {
		i->uid = p->cred.euid;
		i->gid = p->cred.egid;
	}
	if (S_ISDIR(e->mode)) {
		i->name = kstrdup(e->name);
		if (!i->name) {
			inode_put(i);
			return -ENOMEM;
		}
	}
	inode_set_parent(i, parent);
	*out = i;
	return 0;
}

int procfs_table_lookup(struct inode *parent, const struct procfs_dir *dir, int pid,
			const char *name, size_t len, struct inode **out)
{
	size_t k;

	for (k = 0; k < dir->n; k++) {
		const struct procfs_entry *e = &dir->entries[k];

		if (strlen(e->name) == len && memcmp(e->name, name, len) == 0)
			return procfs_node_new(parent, e, pid, procfs_ino(e, pid), out);
	}
	return -ENOENT;
}

bool procfs_table_entry(const struct procfs_dir *dir, int pid, uint64_t k, char *name,
			size_t size, uint64_t *ino, uint32_t *type)
{
	const struct procfs_entry *e;

	if (k >= dir->n)
		return false;
	e = &dir->entries[k];
	kstrlcpy(name, e->name, size);
	*ino = procfs_ino(e, pid);
	*type = e->mode & S_IFMT;
	return true;
}

/* A table directory under /proc/PID answers only while its process lives. */
static bool procfs_node_gone(const struct inode *i)
{
	return procfs_node_pid(i) && !procfs_node_process(i);
}

static int table_dir_lookup(struct inode *dir, const char *name, size_t len,
			    struct inode **out)
{
	const struct procfs_entry *e = dir->priv;

	if (procfs_node_gone(dir))
		return -ENOENT;
	return procfs_table_lookup(dir, e->dir, procfs_node_pid(dir), name, len, out);
}

static bool table_dir_entry(struct inode *dir, uint64_t k, char *name, size_t size,
			    uint64_t *ino, uint32_t *type)
{
	const struct procfs_entry *e = dir->priv;

	if (procfs_node_gone(dir))
		return false;
	return procfs_table_entry(e->dir, procfs_node_pid(dir), k, name, size, ino, type);
}

const struct inode_ops procfs_table_dir_ops = {
	.lookup = table_dir_lookup,
	.entry = table_dir_entry,
	.free = procfs_node_free,
};

static long leaf_readlink(struct inode *i, char *buf, size_t size)
{
	const struct procfs_entry *e = i->priv;
	struct process *p = procfs_node_process(i);

	if (procfs_node_pid(i) && !p)
		return -ENOENT;
	return e->link(p, process_current(), buf, size);
}

const struct inode_ops procfs_leaf_ops = {
	.open = procfs_open_text,
	.readlink = leaf_readlink,
	.free = procfs_node_free,
};

/* An open generated file: the text made at open, read from like a regular file. */
struct procfs_file {
	struct file file;       /* first: file_put frees the whole */
	struct text text;
};

static ssize_t procfs_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct text *t = &((struct procfs_file *)f)->text;
	size_t k;

	if (*pos >= t->len)
		return 0;
	k = MIN(n, t->len - (size_t)*pos);
	if (copy_to_user(buf, t->buf + *pos, k))
		return -EFAULT;
	*pos += k;
	return (ssize_t)k;
}

static int64_t procfs_file_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (int64_t)f->pos :
		       whence == SEEK_END ? (int64_t)((struct procfs_file *)f)->text.len : -1;

	if (base < 0 || (off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (int64_t)f->pos;
}

/* Linux's proc files report size 0: the text exists only once read. */
static int procfs_file_fstat(struct file *f, struct stat *st)
{
	ramfs_fill_stat(f->inode, st);
	st->st_size = 0;
	st->st_blocks = 0;
	return 0;
}

static void procfs_file_release(struct file *f)
{
	kfree(((struct procfs_file *)f)->text.buf);
	inode_put(f->inode);
}

static const struct file_ops procfs_file_ops = {
	.read = procfs_file_read,
	.lseek = procfs_file_lseek,
	.fstat = procfs_file_fstat,
	.poll = poll_always_ready,
	.release = procfs_file_release,
};

int procfs_open_text(struct inode *i, unsigned int flags, struct file **out)
{
	const struct procfs_entry *e = i->priv;
	struct process *p = procfs_node_process(i);
	struct procfs_file *pf;

	if (!S_ISREG(i->mode) || !e->show)
		return -ENXIO;
	if (procfs_node_pid(i) && !p)
		return -ENOENT;
	if ((flags & O_ACCMODE) != O_RDONLY)
		return -EACCES;
	pf = kzalloc(sizeof(*pf));
	if (!pf)
		return -ENOMEM;
	e->show(&pf->text, p, process_current());
	if (pf->text.oom) {
		kfree(pf->text.buf);
		kfree(pf);
		return -ENOMEM;
	}
	pf->file.ops = &procfs_file_ops;
	pf->file.inode = i;
	pf->file.flags = flags;
	pf->file.refs = 1;
	inode_get(i);
	*out = &pf->file;
	return 0;
}
