/* fs/file.h: open files, their operations, and the per-process table of descriptors. */
#ifndef SERVICES_FS_FILE_H
#define SERVICES_FS_FILE_H

#include <ostd/types.h>

struct file;
struct inode;
struct poll_table;
struct stat;

/* Every operation returns a count or 0, or a negative errno; a NULL entry means the file
 * does not support it (the syscall answers with Linux's errno for that case). pos is the
 * file position to use and advance (the file's own, or pread's). */
struct file_ops {
	ssize_t (*read)(struct file *f, void __user *buf, size_t n, uint64_t *pos);
	ssize_t (*write)(struct file *f, const void __user *buf, size_t n, uint64_t *pos);
	int64_t (*lseek)(struct file *f, int64_t off, int whence);
	long (*getdents64)(struct file *f, void __user *buf, size_t n);
	int (*fstat)(struct file *f, struct stat *st);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* The POLL* events ready now; also registers the call in pt (when not NULL) with
	 * what wakes it on a change (fs/poll.h). Never sleeps. NULL: always ready. */
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
	/* The last reference is going: let go of what the file holds (f is freed next). */
	void (*release)(struct file *f);
	/* write from kernel memory, for sendfile and copy_file_range (NULL: they answer
	 * -EINVAL for this file, as Linux does for files without splice_write). */
	ssize_t (*write_kernel)(struct file *f, const void *buf, size_t n, uint64_t *pos);
};

/* Something that must forget a file before it is freed (an epoll registration): told
 * when the last reference goes, before the release operation. */
struct file_watch {
	struct file_watch *next;
	void (*forget)(struct file_watch *w, struct file *f);
};

struct file {
	const struct file_ops *ops;
	struct inode *inode;      /* NULL for the console */
	uint64_t pos;
	unsigned int flags;       /* O_* status flags given at open */
	int stream;               /* the console's stream (0 input, 1 out, 2 err) */
	int refs;
	char *path;               /* absolute path it was opened by, or NULL (for /proc) */
	struct file_watch *watches;   /* told when the last reference goes */
};

/* A new file holding one reference, or NULL. */
struct file *file_alloc(const struct file_ops *ops, struct inode *inode, unsigned int flags);
void file_get(struct file *f);
void file_put(struct file *f);
bool file_is_readable(const struct file *f);
bool file_is_writable(const struct file *f);

/* The console as files: stream 0 reads the console's input, 1 and 2 write its two streams. */
struct file *console_file_open(int stream);
/* A ramfs inode opened with O_* flags (regular files and directories). */
struct file *ramfs_file_open(struct inode *inode, unsigned int flags);
/* The release operation of files over ramfs inodes (device nodes included). */
void ramfs_file_release(struct file *f);
/* Fills st from a ramfs inode. */
void ramfs_fill_stat(const struct inode *i, struct stat *st);

#define FDTABLE_SIZE 1024   /* Linux's default RLIMIT_NOFILE */

struct fdtable {
	int refs;                          /* processes sharing it (CLONE_FILES) */
	struct file *files[FDTABLE_SIZE];
	bool cloexec[FDTABLE_SIZE];
};

/* A table with the console on 0, 1 and 2, or NULL. */
struct fdtable *fdtable_create(void);
void fdtable_destroy(struct fdtable *t);
/* The file open at fd (no reference taken), or NULL. */
struct file *fdtable_get(struct fdtable *t, int fd);
/* Installs f (taking over the caller's reference) at the lowest free fd >= min:
 * the fd, or -EMFILE. */
int fdtable_install(struct fdtable *t, struct file *f, int min, bool cloexec);
/* Puts f at exactly fd, closing what was there: fd, or -EBADF. Takes a new reference. */
int fdtable_install_at(struct fdtable *t, struct file *f, int fd, bool cloexec);
int fdtable_close(struct fdtable *t, int fd);

/* fork: a new table (one reference) holding a reference on each of t's open files, with
 * the same close-on-exec flags; NULL when out of memory. */
struct fdtable *fdtable_copy(const struct fdtable *t);
void fdtable_hold(struct fdtable *t);
/* Drops a reference; the last one closes every file. */
void fdtable_release(struct fdtable *t);
/* exec: closes the descriptors marked close-on-exec. */
void fdtable_close_on_exec(struct fdtable *t);

#endif
