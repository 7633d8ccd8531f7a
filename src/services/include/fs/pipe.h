/* fs/pipe.h: pipes and FIFOs: a bounded byte ring between a read end and a write
 * end with Linux's semantics (PIPE_BUF atomicity, EPIPE + SIGPIPE, capacity). */
#ifndef SERVICES_FS_PIPE_H
#define SERVICES_FS_PIPE_H

#include <ostd/types.h>

struct file;
struct inode;

#define PIPE_BUF          4096
#define PIPE_DEFAULT_SIZE (16 * 4096)
#define PIPE_MAX_SIZE     (1024 * 1024)   /* /proc/sys/fs/pipe-max-size */

/* fcntl commands, Linux's values. */
#define F_SETPIPE_SZ      1031
#define F_GETPIPE_SZ      1032

/* Two files over one new pipe: ends[0] reads, ends[1] writes; flags may hold O_NONBLOCK.
 * 0 or -ENOMEM. */
int pipe_create(unsigned int flags, struct file *ends[2]);
/* F_GETPIPE_SZ / F_SETPIPE_SZ for f: the capacity, -EBUSY when the data would not fit,
 * -EPERM past PIPE_MAX_SIZE, -EBADF when f is not a pipe. */
long pipe_fcntl_size(struct file *f, bool set, unsigned long size);
bool file_is_pipe(const struct file *f);
/* Opens FIFO i (a named pipe): its pipe is made by the first open and freed with the last
 * end. Without O_NONBLOCK a reader waits for a writer and a writer for a reader (-EINTR
 * restarts); O_RDWR never waits; a non-blocking writer with no reader gets -ENXIO. */
int fifo_open(struct inode *i, unsigned int flags, struct file **out);

long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);

#endif
