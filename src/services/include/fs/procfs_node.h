/* fs/procfs_node.h: how procfs and sysfs describe their files (tables of entries) and
 * make their text; shared by the files of fs/procfs/ only. */
#ifndef SERVICES_FS_PROCFS_NODE_H
#define SERVICES_FS_PROCFS_NODE_H

#include <ostd/compiler.h>
#include <ostd/types.h>

struct file;
struct inode;
struct inode_ops;
struct process;

/* A growing text buffer; out of memory is remembered, not reported at each call. */
struct text {
	char *buf;
	size_t len, cap;
	bool oom;
};
void text_put(struct text *t, const void *s, size_t n);
void text_printf(struct text *t, const char *fmt, ...) __printf(2, 3);

/* What a file shows, made when it is opened: p is the process of the /proc/PID
 * directory it is in (NULL above them), reader the process reading. */
typedef void (*procfs_show_fn)(struct text *t, struct process *p, struct process *reader);
/* A symlink's target: its length, or a negative errno (-ENOENT when p has none). */
typedef long (*procfs_link_fn)(struct process *p, struct process *reader, char *buf,
			       size_t size);

struct procfs_dir;

struct procfs_entry {
	const char *name;
	uint32_t mode;                      /* S_IF* type and permission bits */
	procfs_show_fn show;                /* regular files */
	procfs_link_fn link;                /* symlinks */
	const struct procfs_dir *dir;       /* directories listed by a table */
	const struct inode_ops *dir_ops;    /* directories that list themselves (fd/) */
};

struct procfs_dir {
	const struct procfs_entry *entries;
	size_t n;
};

/* The ops of directories listed by a table, and of the files and links in them. */
extern const struct inode_ops procfs_table_dir_ops;
extern const struct inode_ops procfs_leaf_ops;

/* A transient inode for entry e under parent, about process pid (0: none). */
int procfs_node_new(struct inode *parent, const struct procfs_entry *e, int pid,
		    uint64_t ino, struct inode **out);
/* Looks name up in table dir (the directory inode parent, about pid). */
int procfs_table_lookup(struct inode *parent, const struct procfs_dir *dir, int pid,
			const char *name, size_t len, struct inode **out);
/* Entry k of table dir, for getdents. */
bool procfs_table_entry(const struct procfs_dir *dir, int pid, uint64_t k, char *name,
			size_t size, uint64_t *ino, uint32_t *type);
/* The pid a node is about (the low half of its key; 0 for none). */
int procfs_node_pid(const struct inode *i);
/* The process a node is about: the live one of its pid, or NULL when it is gone. */
struct process *procfs_node_process(const struct inode *i);
/* A stable inode number for entry e about pid. */
uint64_t procfs_ino(const struct procfs_entry *e, int pid);
/* Opens a file whose whole text is made now. */
int procfs_open_text(struct inode *i, unsigned int flags, struct file **out);

/* The files of /proc about the whole machine (fs/procfs/system.c). */
void procfs_show_meminfo(struct text *t, struct process *p, struct process *reader);
void procfs_show_cpuinfo(struct text *t, struct process *p, struct process *reader);
void procfs_show_uptime(struct text *t, struct process *p, struct process *reader);
void procfs_show_loadavg(struct text *t, struct process *p, struct process *reader);
void procfs_show_filesystems(struct text *t, struct process *p, struct process *reader);
void procfs_show_version(struct text *t, struct process *p, struct process *reader);
void procfs_show_stat(struct text *t, struct process *p, struct process *reader);

/* The tables: /proc/PID and the fd directory inside it, /proc itself, /sys. */
extern const struct procfs_dir procfs_pid_dir;
extern const struct inode_ops procfs_fd_dir_ops;
extern const struct procfs_dir procfs_sys_dir;
extern const struct procfs_dir sysfs_root_dir;

#endif
