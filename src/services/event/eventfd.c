/* event/eventfd.c: eventfd counters: 8-byte writes add to a 64-bit count, reads take it
 * all (or one, in semaphore mode); a read of zero and an overflowing write wait. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <event/eventfd.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>

struct eventfd {
	struct file file;         /* first: file_put frees the counter */
	uint64_t count;
	bool semaphore;
	waitqueue_t wait;         /* readers waiting for a count, writers for room */
	struct poll_head poll;
};

static struct eventfd *eventfd_of(struct file *f)
{
	return (struct eventfd *)f;
}

static void eventfd_wake(struct eventfd *e)
{
	waitqueue_wake_all(&e->wait);
	poll_head_wake(&e->poll);
}

/* Waits until ready(e) holds: 0, -EAGAIN for a non-blocking file, -ERESTARTSYS. */
static int eventfd_wait(struct file *f, bool (*ready)(const struct eventfd *e,
							 uint64_t arg), uint64_t arg)
{
	struct eventfd *e = eventfd_of(f);

	while (!ready(e, arg)) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (thread_sleep(&e->wait, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
	return 0;
}

static bool eventfd_has_count(const struct eventfd *e, uint64_t unused)
{
	return e->count > 0;
}

static bool eventfd_has_room(const struct eventfd *e, uint64_t add)
{
	return add <= EVENTFD_COUNT_MAX - e->count;
}

/* The file reference held across the sleep keeps the counter alive if another thread
 * closes the descriptor meanwhile. */
static ssize_t eventfd_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct eventfd *e = eventfd_of(f);
	uint64_t value;
	ssize_t ret;

	if (n < sizeof(value))
		return -EINVAL;
	file_get(f);
	ret = eventfd_wait(f, eventfd_has_count, 0);
	if (ret)
		goto out_put_file;
	value = e->semaphore ? 1 : e->count;
	/* The count is taken only once the value is out, so a fault loses nothing. */
	ret = -EFAULT;
	if (copy_to_user(buf, &value, sizeof(value)))
		goto out_put_file;
	e->count -= value;
	eventfd_wake(e);
	ret = sizeof(value);
out_put_file:
	file_put(f);
	return ret;
}

static ssize_t eventfd_write(struct file *f, const void __user *buf, size_t n,
			     uint64_t *pos)
{
	struct eventfd *e = eventfd_of(f);
	uint64_t value;
	ssize_t ret;

	if (n < sizeof(value))
		return -EINVAL;
	if (copy_from_user(&value, buf, sizeof(value)))
		return -EFAULT;
	if (value == UINT64_MAX)
		return -EINVAL;
	file_get(f);
	ret = eventfd_wait(f, eventfd_has_room, value);
	if (ret == 0) {
		e->count += value;
		if (value)
			eventfd_wake(e);
		ret = sizeof(value);
	}
	file_put(f);
	return ret;
}

static unsigned int eventfd_poll(struct file *f, struct poll_table *pt)
{
	struct eventfd *e = eventfd_of(f);
	unsigned int mask = 0;

	poll_wait_head(pt, f, &e->poll);
	if (e->count > 0)
		mask |= POLLIN | POLLRDNORM;
	if (e->count < EVENTFD_COUNT_MAX)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

/* An anonymous inode's view, as Linux's anon_inode files show. */
static int eventfd_fstat(struct file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

/* Linux's noop_llseek: the position stays where it is (0). */
static int64_t eventfd_lseek(struct file *f, int64_t off, int whence)
{
	return (int64_t)f->pos;
}

static const struct file_ops eventfd_file_ops = {
	.read  = eventfd_read,
	.write = eventfd_write,
	.lseek = eventfd_lseek,
	.fstat = eventfd_fstat,
	.poll  = eventfd_poll,
};

long sys_eventfd2(unsigned int count, int flags)
{
	struct eventfd *e;
	long fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC))
		return -EINVAL;
	e = kzalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->file.ops = &eventfd_file_ops;
	e->file.flags = O_RDWR | (flags & EFD_NONBLOCK);
	e->file.refs = 1;
	e->count = count;
	e->semaphore = flags & EFD_SEMAPHORE;
	waitqueue_init(&e->wait);
	poll_head_init(&e->poll);
	fd = fdtable_install(process_current()->fdt, &e->file, 0, flags & EFD_CLOEXEC);
	if (fd < 0)
		file_put(&e->file);
	return fd;
}

long sys_eventfd(unsigned int count)
{
	return sys_eventfd2(count, 0);
}
