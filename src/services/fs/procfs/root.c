/* fs/procfs/root.c: the root of a procfs or sysfs instance: /proc lists its own files and
 * one directory per live process; /sys is a plain table. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <abi/stat.h>
#include <fs/inode.h>
#include <fs/procfs.h>
#include <fs/procfs_node.h>
#include <process/process.h>

static long self_link(struct process *p, struct process *reader, char *buf, size_t size)
{
	int n;

	if (!reader)
		return -ENOENT;
	n = ksnprintf(buf, size, "%d", reader->pid);
	return n < (int)size ? n : -ERANGE;
}

static long mounts_link(struct process *p, struct process *reader, char *buf, size_t size)
{
	return (long)kstrlcpy(buf, "self/mounts", size);
}

static const struct procfs_entry root_entries[] = {
	{ "self", S_IFLNK | 0777, .link = self_link },
	{ "mounts", S_IFLNK | 0777, .link = mounts_link },
	{ "meminfo", S_IFREG | 0444, .show = procfs_show_meminfo },
	{ "cpuinfo", S_IFREG | 0444, .show = procfs_show_cpuinfo },
	{ "uptime", S_IFREG | 0444, .show = procfs_show_uptime },
	{ "loadavg", S_IFREG | 0444, .show = procfs_show_loadavg },
	{ "filesystems", S_IFREG | 0444, .show = procfs_show_filesystems },
	{ "version", S_IFREG | 0444, .show = procfs_show_version },
	{ "stat", S_IFREG | 0444, .show = procfs_show_stat },
	{ "sys", S_IFDIR | 0555, .dir = &procfs_sys_dir },
};

static const struct procfs_dir procfs_root_dir = { root_entries, ARRAY_SIZE(root_entries) };

/* What /proc/PID is, for every PID. */
static const struct procfs_entry pid_entry = { "", S_IFDIR | 0555, .dir = &procfs_pid_dir };

/* A decimal pid, without sign or leading zero, as Linux's name_to_int takes it. */
static int name_to_pid(const char *name, size_t len)
{
	long v = 0;
	size_t k;

	if (len == 0 || len > 9 || (name[0] == '0'))
		return -1;
	for (k = 0; k < len; k++) {
		if (name[k] < '0' || name[k] > '9')
			return -1;
		v = v * 10 + (name[k] - '0');
	}
	return (int)v;
}

static int pid_dir_new(struct inode *root, int pid, struct inode **out)
{
	int err = procfs_node_new(root, &pid_entry, pid, procfs_ino(&pid_entry, pid), out);

	if (!err) {
		kfree((*out)->name);
		(*out)->name = kmalloc(12);
		if (!(*out)->name)
			return -ENOMEM;   /* the transient list frees it */
		ksnprintf((*out)->name, 12, "%d", pid);
	}
	return err;
}

static int root_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	int pid = name_to_pid(name, len);
	struct process *p;

	if (pid > 0) {
		p = process_find(pid);
		if (!p || p->pid != pid)
			return -ENOENT;
		return pid_dir_new(dir, pid, out);
	}
	return procfs_table_lookup(dir, &procfs_root_dir, 0, name, len, out);
}

struct nth_process {
	uint64_t k;
	int pid;
};

static int nth_process_visit(struct process *p, void *arg)
{
	struct nth_process *n = arg;

	if (n->k-- == 0) {
		n->pid = p->pid;
		return 1;
	}
	return 0;
}

static bool root_entry(struct inode *dir, uint64_t k, char *name, size_t size, uint64_t *ino,
		       uint32_t *type)
{
	struct nth_process n = { .k = k - procfs_root_dir.n, .pid = 0 };

	if (k < procfs_root_dir.n)
		return procfs_table_entry(&procfs_root_dir, 0, k, name, size, ino, type);
	process_for_each(nth_process_visit, &n);
	if (!n.pid)
		return false;
	ksnprintf(name, size, "%d", n.pid);
	*ino = procfs_ino(&pid_entry, n.pid);
	*type = S_IFDIR;
	return true;
}

static void root_free(struct inode *i)
{
}

static const struct inode_ops procfs_root_ops = {
	.lookup = root_lookup,
	.entry = root_entry,
	.free = root_free,
};

/* The mount holds the root's one reference; procfs_destroy drops it. */
static struct inode *procfs_root_new(const struct inode_ops *ops, const struct procfs_entry *e)
{
	struct inode *root = kzalloc(sizeof(*root));

	if (!root)
		return NULL;
	root->ops = ops;
	root->priv = (void *)e;
	root->mode = S_IFDIR | 0555;
	root->nlink = 2;
	root->ino = 1;
	root->dev = inode_new_dev();
	root->parent = root;
	root->opens = 1;
	root->name = kstrdup("");
	if (!root->name) {
		kfree(root);
		return NULL;
	}
	return root;
}

struct inode *procfs_create(void)
{
	return procfs_root_new(&procfs_root_ops, NULL);
}

static const struct procfs_entry sysfs_root_entry = { "", S_IFDIR | 0555,
						      .dir = &sysfs_root_dir };

struct inode *sysfs_create(void)
{
	return procfs_root_new(&procfs_table_dir_ops, &sysfs_root_entry);
}

/* Every inode made under the root holds a reference on it through its parents. */
bool procfs_busy(struct inode *root)
{
	return root->opens > 1;
}

void procfs_destroy(struct inode *root)
{
	inode_put(root);
}
