/* fs/flock.c: flock(2), BSD whole-file advisory locks. A lock belongs to an open file
 * description: dup'd and inherited fds share it, and it goes when the description's last
 * reference does. Shared locks coexist; an exclusive one excludes every other. Changing a
 * lock's kind drops the old one first, so another waiter may slip in, as on Linux. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/sync.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <fs/flock.h>
#include <fs/inode.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>

struct flock_holder {
	struct file *file;
	bool exclusive;
	struct flock_holder *next;
};

/* Hangs off the inode while it has holders or waiters. */
struct flock_set {
	waitqueue_t wait;
	struct flock_holder *holders;
	unsigned int waiters;
};

static struct flock_holder **flock_find(struct flock_set *s, const struct file *f)
{
	struct flock_holder **h;

	for (h = &s->holders; *h; h = &(*h)->next)
		if ((*h)->file == f)
			return h;
	return NULL;
}

static bool flock_conflicts(const struct flock_set *s, const struct file *f, bool exclusive)
{
	const struct flock_holder *h;

	for (h = s->holders; h; h = h->next)
		if (h->file != f && (exclusive || h->exclusive))
			return true;
	return false;
}

/* Drops f's lock, if any, and wakes the waiters to look again. */
static void flock_drop(struct flock_set *s, const struct file *f)
{
	struct flock_holder **h = flock_find(s, f), *gone;

	if (!h)
		return;
	gone = *h;
	*h = gone->next;
	kfree(gone);
	waitqueue_wake_all(&s->wait);
}

/* Frees the set once nobody holds or waits for a lock. */
static void flock_tidy(struct inode *i)
{
	struct flock_set *s = i->flocks;

	if (s && !s->holders && !s->waiters) {
		i->flocks = NULL;
		kfree(s);
	}
}

static int flock_acquire(struct inode *i, struct file *f, bool exclusive, bool nonblock)
{
	struct flock_set *s = i->flocks;
	struct flock_holder **h, *n;
	int err = 0;

	if (!s) {
		s = kzalloc(sizeof(*s));
		if (!s)
			return -ENOMEM;
		waitqueue_init(&s->wait);
		i->flocks = s;
	}
	h = flock_find(s, f);
	if (h && (*h)->exclusive == exclusive)
		return 0;
	if (h)
		flock_drop(s, f);
	while (flock_conflicts(s, f, exclusive)) {
		if (nonblock) {
			err = -EWOULDBLOCK;
			goto out;
		}
		s->waiters++;
		err = thread_sleep(&s->wait, UINT64_MAX);
		s->waiters--;
		if (err == -EINTR) {
			err = -ERESTARTSYS;
			goto out;
		}
		err = 0;
	}
	n = kmalloc(sizeof(*n));
	if (!n) {
		err = -ENOMEM;
		goto out;
	}
	*n = (struct flock_holder){ .file = f, .exclusive = exclusive, .next = s->holders };
	s->holders = n;
out:
	flock_tidy(i);
	return err;
}

long sys_flock(int fd, unsigned int op)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);
	bool nonblock = op & LOCK_NB;
	struct inode *i;
	long err;

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	op &= ~(unsigned int)LOCK_NB;
	if (op != LOCK_SH && op != LOCK_EX && op != LOCK_UN)
		return -EINVAL;
	i = f->inode;
	/* A file without a node (the console) shares it with nobody: any lock is granted. */
	if (!i)
		return 0;
	if (op == LOCK_UN) {
		if (i->flocks) {
			flock_drop(i->flocks, f);
			flock_tidy(i);
		}
		return 0;
	}
	/* The reference keeps f (and its inode) alive if the fd is closed while we sleep. */
	file_get(f);
	err = flock_acquire(i, f, op == LOCK_EX, nonblock);
	file_put(f);
	return err;
}

void flock_file_release(struct file *f)
{
	struct inode *i = f->inode;

	if (!i || !i->flocks)
		return;
	flock_drop(i->flocks, f);
	flock_tidy(i);
}
