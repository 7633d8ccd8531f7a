/* fs/pipe.c: pipes, and the syscalls that make them. A pipe is a ring of kmalloc'd pages
 * (allocated as data first reaches them) shared by a read end and a write end; each end is
 * a struct file embedded at the start of a struct pipe_end, so file_put's kfree frees it. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/siginfo.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <fs/file.h>
#include <fs/pipe.h>
#include <fs/poll.h>
#include <fs/ramfs.h>
#include <process/process.h>
#include <signal/signal.h>

struct pipe {
	char **pages;           /* capacity / PAGE_SIZE slots; NULL until written */
	size_t capacity;        /* a power-of-two number of pages */
	size_t head;            /* where the oldest byte is, in [0, capacity) */
	size_t len;             /* bytes held */
	unsigned int readers, writers;
	waitqueue_t rd_wait;    /* readers waiting for data (or for the last writer to go) */
	waitqueue_t wr_wait;    /* writers waiting for room (or for the last reader to go) */
	struct poll_head poll;  /* poll calls watching either end */
	uint64_t ino;
	unsigned int uid, gid;
	struct inode *fifo;     /* the FIFO it serves, or NULL for pipe(2) */
	uint64_t r_opens, w_opens;   /* ends ever opened on the FIFO: a waiting open knows
	                                one came even if it is already gone */
};

struct pipe_end {
	struct file file;       /* first: file_put frees the whole end */
	struct pipe *pipe;
	bool reads, writes;     /* a FIFO opened O_RDWR does both */
};

static const struct file_ops pipe_file_ops;

static struct pipe *pipe_of(struct file *f)
{
	return ((struct pipe_end *)f)->pipe;
}

static bool pipe_end_reads(struct file *f)
{
	return ((struct pipe_end *)f)->reads;
}

static bool pipe_end_writes(struct file *f)
{
	return ((struct pipe_end *)f)->writes;
}

bool file_is_pipe(const struct file *f)
{
	return f->ops == &pipe_file_ops;
}

/* Wakes the sleepers of wq (one of p's queues) and every poll call on p: any change to
 * a queue's condition may change either end's readiness. */
static void pipe_wake(struct pipe *p, waitqueue_t *wq)
{
	waitqueue_wake_all(wq);
	poll_head_wake(&p->poll);
}

static void pipe_pages_free(char **pages, size_t npages)
{
	size_t i;

	for (i = 0; i < npages; i++)
		kfree(pages[i]);
	kfree(pages);
}

/* The page holding ring offset at (allocated now if need be), or NULL on ENOMEM. */
static char *pipe_page(struct pipe *p, size_t at)
{
	char **slot = &p->pages[at / PAGE_SIZE];

	if (!*slot)
		*slot = kmalloc(PAGE_SIZE);
	return *slot;
}

/* Appends n bytes (n <= room) from buf (or kernel memory kbuf, when not NULL): the count copied, or -EFAULT/-ENOMEM when
 * nothing was. A fault part-way keeps the bytes before the faulting chunk. */
static ssize_t pipe_copy_in(struct pipe *p, const char __user *buf, const char *kbuf,
			    size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t at = (p->head + p->len) % p->capacity;
		size_t k = MIN(n - done, PAGE_SIZE - at % PAGE_SIZE);
		char *page = pipe_page(p, at);

		if (!page)
			return done ? (ssize_t)done : -ENOMEM;
		if (kbuf)
			memcpy(page + at % PAGE_SIZE, kbuf + done, k);
		else if (copy_from_user(page + at % PAGE_SIZE, uptr_add(buf, done), k))
			return done ? (ssize_t)done : -EFAULT;
		p->len += k;
		done += k;
	}
	return (ssize_t)done;
}

/* Removes up to n bytes (n <= len) into buf: the count, or -EFAULT when none went out. */
static ssize_t pipe_copy_out(struct pipe *p, char __user *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t k = MIN(n - done, PAGE_SIZE - p->head % PAGE_SIZE);
		char *page = p->pages[p->head / PAGE_SIZE];

		if (copy_to_user(uptr_add(buf, done), page + p->head % PAGE_SIZE, k))
			return done ? (ssize_t)done : -EFAULT;
		p->head = (p->head + k) % p->capacity;
		p->len -= k;
		done += k;
	}
	if (p->len == 0)
		p->head = 0;    /* keeps small transfers in the first page */
	return (ssize_t)done;
}

static ssize_t pipe_read_wait(struct file *f, struct pipe *p)
{
	while (p->len == 0) {
		if (!p->writers)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (thread_sleep(&p->rd_wait, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
	return 1;
}

/* The file reference held across the sleep keeps the pipe alive if another thread
 * closes the descriptor meanwhile. */
static ssize_t pipe_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct pipe *p = pipe_of(f);
	ssize_t ret;

	if (n == 0)
		return 0;
	file_get(f);
	ret = pipe_read_wait(f, p);
	if (ret > 0) {
		ret = pipe_copy_out(p, buf, MIN(n, p->len));
		if (ret > 0)
			pipe_wake(p, &p->wr_wait);
	}
	file_put(f);
	return ret;
}

/* One step of a write: copies what may go now. 1 when more is to be written, 0 when
 * the write is over (*done final), or a negative errno. Writes of at most PIPE_BUF bytes
 * go in one piece or not at all. */
static ssize_t pipe_write_step(struct pipe *p, const char __user *buf, const char *kbuf,
			       size_t n, size_t *done)
{
	size_t room = p->capacity - p->len, want = n - *done;
	ssize_t k;

	if (!room || (n <= PIPE_BUF && room < want))
		return 1;
	k = kbuf ? pipe_copy_in(p, NULL, kbuf + *done, MIN(room, want))
		 : pipe_copy_in(p, uptr_add(buf, *done), NULL, MIN(room, want));
	if (k < 0)
		return k;
	*done += (size_t)k;
	pipe_wake(p, &p->rd_wait);
	if ((size_t)k < MIN(room, want))
		return 0;       /* a fault part-way: report what went in */
	return *done < n ? 1 : 0;
}

/* A write from user memory buf, or from kernel memory kbuf when it is not NULL. */
static ssize_t pipe_write_from(struct file *f, const void __user *buf, const char *kbuf,
			       size_t n)
{
	struct pipe *p = pipe_of(f);
	size_t done = 0;
	ssize_t ret;

	if (n == 0)
		return 0;
	file_get(f);
	for (;;) {
		if (!p->readers) {
			signal_send_sigpipe();
			ret = -EPIPE;
			break;
		}
		ret = pipe_write_step(p, buf, kbuf, n, &done);
		if (ret <= 0)
			break;
		if (f->flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (thread_sleep(&p->wr_wait, UINT64_MAX) == -EINTR) {
			ret = -ERESTARTSYS;
			break;
		}
	}
	file_put(f);
	return done ? (ssize_t)done : ret;
}

static ssize_t pipe_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	return pipe_write_from(f, buf, NULL, n);
}

static ssize_t pipe_write_kernel(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	return pipe_write_from(f, NULL, buf, n);
}

static int64_t pipe_lseek(struct file *f, int64_t off, int whence)
{
	return -ESPIPE;
}

static int pipe_fstat(struct file *f, struct stat *st)
{
	struct pipe *p = pipe_of(f);

	if (p->fifo) {
		ramfs_fill_stat(p->fifo, st);
		return 0;
	}
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_ino = p->ino;
	st->st_uid = p->uid;
	st->st_gid = p->gid;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int n;

	if (cmd != FIONREAD)     /* bytes ready to read, as an int */
		return -ENOTTY;
	n = (int)pipe_of(f)->len;
	if (copy_to_user(uaddr_ptr(arg), &n, sizeof(n)))
		return -EFAULT;
	return 0;
}

/* Linux's pipe_poll, with "not full" meaning room for an atomic write. The read end
 * reports POLLHUP alone once the writers are gone (with no data left, read returns 0). */
static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = pipe_of(f);
	unsigned int mask = 0;

	poll_wait_head(pt, f, &p->poll);
	if (pipe_end_reads(f)) {
		if (p->len)
			mask |= POLLIN | POLLRDNORM;
		/* A FIFO that never had a writer is not hung up yet. */
		if (!p->writers && (!p->fifo || p->w_opens))
			mask |= POLLHUP;
	}
	if (pipe_end_writes(f)) {
		if (p->capacity - p->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	return mask;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = pipe_of(f);

	if (pipe_end_reads(f)) {
		p->readers--;
		pipe_wake(p, &p->wr_wait);   /* they now fail with EPIPE */
	}
	if (pipe_end_writes(f)) {
		p->writers--;
		pipe_wake(p, &p->rd_wait);   /* they now see end of file */
	}
	if (p->fifo) {
		struct inode *i = p->fifo;

		/* The FIFO's data goes with its last opener, as on Linux. */
		if (!p->readers && !p->writers)
			i->fifo = NULL;
		inode_put(i);   /* each end held one */
	}
	if (p->readers || p->writers)
		return;
	pipe_pages_free(p->pages, p->capacity / PAGE_SIZE);
	kfree(p);
}

static const struct file_ops pipe_file_ops = {
	.read    = pipe_read,
	.write   = pipe_write,
	.write_kernel = pipe_write_kernel,
	.lseek   = pipe_lseek,
	.fstat   = pipe_fstat,
	.ioctl   = pipe_ioctl,
	.poll    = pipe_poll,
	.release = pipe_release,
};

/* An end over p, set up as file_alloc would; NULL on ENOMEM. */
static struct file *pipe_end_alloc(struct pipe *p, unsigned int flags)
{
	struct pipe_end *e = kzalloc(sizeof(*e));

	if (!e)
		return NULL;
	e->file.ops = &pipe_file_ops;
	e->file.flags = flags;
	e->file.refs = 1;
	e->pipe = p;
	e->reads = (flags & O_ACCMODE) != O_WRONLY;
	e->writes = (flags & O_ACCMODE) != O_RDONLY;
	return &e->file;
}

static struct pipe *pipe_alloc(void)
{
	static uint64_t next_ino = 1;
	struct process *proc = process_current();
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->capacity = PIPE_DEFAULT_SIZE;
	p->pages = kcalloc(p->capacity / PAGE_SIZE, sizeof(*p->pages));
	if (!p->pages) {
		kfree(p);
		return NULL;
	}
	waitqueue_init(&p->rd_wait);
	waitqueue_init(&p->wr_wait);
	poll_head_init(&p->poll);
	p->ino = next_ino++;
	if (proc) {
		p->uid = proc->cred.fsuid;
		p->gid = proc->cred.fsgid;
	}
	return p;
}

int pipe_create(unsigned int flags, struct file *ends[2])
{
	unsigned int keep = flags & (O_NONBLOCK | O_DIRECT);
	struct pipe *p = pipe_alloc();

	if (!p)
		return -ENOMEM;
	ends[0] = pipe_end_alloc(p, O_RDONLY | keep);
	if (!ends[0])
		goto out_free_pipe;
	ends[1] = pipe_end_alloc(p, O_WRONLY | keep);
	if (!ends[1])
		goto out_free_read_end;
	p->readers = 1;
	p->writers = 1;
	return 0;

out_free_read_end:
	kfree(ends[0]);
out_free_pipe:
	pipe_pages_free(p->pages, p->capacity / PAGE_SIZE);
	kfree(p);
	return -ENOMEM;
}

/* Waits until an end of the other kind has opened since *seen (its opens count). */
static int fifo_wait_other(struct pipe *p, waitqueue_t *wq, const uint64_t *opens,
			   uint64_t seen, const unsigned int *live)
{
	while (!*live && *opens == seen)
		if (thread_sleep(wq, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	return 0;
}

int fifo_open(struct inode *i, unsigned int flags, struct file **out)
{
	struct pipe *p = i->fifo;
	struct file *f;
	int acc = flags & O_ACCMODE, err = 0;
	bool nonblock = flags & O_NONBLOCK;

	if (acc == O_WRONLY && nonblock && (!p || !p->readers))
		return -ENXIO;
	if (!p) {
		p = pipe_alloc();
		if (!p)
			return -ENOMEM;
		p->fifo = i;
		i->fifo = p;
	}
	f = pipe_end_alloc(p, flags);
	if (!f) {
		err = -ENOMEM;
		goto out_drop_pipe;
	}
	inode_get(i);
	f->inode = i;
	if (pipe_end_reads(f)) {
		p->readers++;
		p->r_opens++;
	}
	if (pipe_end_writes(f)) {
		p->writers++;
		p->w_opens++;
	}
	pipe_wake(p, &p->rd_wait);
	pipe_wake(p, &p->wr_wait);
	if (acc == O_RDONLY && !nonblock)
		err = fifo_wait_other(p, &p->rd_wait, &p->w_opens, p->w_opens, &p->writers);
	else if (acc == O_WRONLY)
		err = fifo_wait_other(p, &p->wr_wait, &p->r_opens, p->r_opens, &p->readers);
	if (err) {
		file_put(f);
		return err;
	}
	*out = f;
	return 0;

out_drop_pipe:
	if (!p->readers && !p->writers) {
		i->fifo = NULL;
		pipe_pages_free(p->pages, p->capacity / PAGE_SIZE);
		kfree(p);
	}
	return err;
}

/* Linux's round_pipe_size: at least a page, a power of two; 0 past 2 GiB. */
static size_t pipe_round_size(unsigned long size)
{
	size_t r = PAGE_SIZE;

	if (size > (1ul << 31))
		return 0;
	while (r < size)
		r <<= 1;
	return r;
}

/* Moves the data to a new ring of size bytes (>= len), starting at offset 0. */
static int pipe_resize(struct pipe *p, size_t size)
{
	char **pages = kcalloc(size / PAGE_SIZE, sizeof(*pages));
	size_t done = 0;

	if (!pages)
		return -ENOMEM;
	while (done < p->len) {
		size_t from = (p->head + done) % p->capacity;
		size_t k = MIN(p->len - done, PAGE_SIZE - from % PAGE_SIZE);
		char **slot = &pages[done / PAGE_SIZE];

		k = MIN(k, PAGE_SIZE - done % PAGE_SIZE);
		if (!*slot)
			*slot = kmalloc(PAGE_SIZE);
		if (!*slot) {
			pipe_pages_free(pages, size / PAGE_SIZE);
			return -ENOMEM;
		}
		memcpy(*slot + done % PAGE_SIZE, p->pages[from / PAGE_SIZE] + from % PAGE_SIZE, k);
		done += k;
	}
	pipe_pages_free(p->pages, p->capacity / PAGE_SIZE);
	p->pages = pages;
	p->capacity = size;
	p->head = 0;
	return 0;
}

long pipe_fcntl_size(struct file *f, bool set, unsigned long size)
{
	struct pipe *p;
	size_t rounded;
	int err;

	if (!file_is_pipe(f))
		return -EBADF;
	p = pipe_of(f);
	if (!set)
		return (long)p->capacity;
	rounded = pipe_round_size(size);
	if (!rounded)
		return -EINVAL;
	if (rounded > PIPE_MAX_SIZE && rounded > p->capacity)
		return -EPERM;
	if (rounded < p->len)
		return -EBUSY;
	if (rounded != p->capacity) {
		err = pipe_resize(p, rounded);
		if (err)
			return err;
		pipe_wake(p, &p->wr_wait);   /* more room, maybe */
	}
	return (long)p->capacity;
}

long sys_pipe2(int __user *fds, int flags)
{
	struct fdtable *fdt = process_current()->fdt;
	bool cloexec = flags & O_CLOEXEC;
	struct file *ends[2];
	int kfds[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = pipe_create((unsigned int)flags, ends);
	if (err)
		return err;
	kfds[0] = fdtable_install(fdt, ends[0], 0, cloexec);
	if (kfds[0] < 0) {
		err = kfds[0];
		goto out_put_ends;
	}
	kfds[1] = fdtable_install(fdt, ends[1], 0, cloexec);
	if (kfds[1] < 0) {
		err = kfds[1];
		goto out_close_read_fd;
	}
	if (copy_to_user(fds, kfds, sizeof(kfds))) {
		err = -EFAULT;
		goto out_close_write_fd;
	}
	return 0;

out_close_write_fd:
	fdtable_close(fdt, kfds[1]);
	ends[1] = NULL;
out_close_read_fd:
	fdtable_close(fdt, kfds[0]);
	ends[0] = NULL;
out_put_ends:
	if (ends[1])
		file_put(ends[1]);
	if (ends[0])
		file_put(ends[0]);
	return err;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}
