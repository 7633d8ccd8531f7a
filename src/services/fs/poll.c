/* fs/poll.c: poll, ppoll, select and pselect6: scanning files for readiness, sleeping
 * until one of them changes, a timeout or a signal (the wake-up design is in fs/poll.h). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/resource.h>
#include <abi/time.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/restart.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>
#include <time/clock.h>

/* Linux's fs.nr_open default: no poll call may list more, whatever RLIMIT_NOFILE says,
 * which bounds the kernel copy of the array. */
#define POLL_NFDS_MAX (1u << 20)
/* A call that could not register everywhere (out of memory) looks again this often. */
#define POLL_RETRY_NS (10 * 1000000ull)
#define NSEC_PER_MSEC 1000000ull
#define NSEC_PER_USEC 1000ull
#define USEC_PER_SEC  1000000ll

/* select's readiness classes, as Linux groups poll events (fs/select.c). */
#define POLL_IN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLL_OUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLL_EX_SET  (POLLPRI)

#define FDSET_LONGS (POLL_FD_SETSIZE / 64)

/* When a call gives up. */
struct poll_timeout {
	uint64_t deadline;     /* monotonic ns; UINT64_MAX: never */
	bool zero;             /* a zero timeout: scan once, never sleep */
};

/* What one scan of a call's descriptors needs; scan returns the ready count. */
struct poll_scan {
	long (*scan)(void *ctx, struct poll_table *pt);
	void *ctx;
};

static void poll_table_init(struct poll_table *pt, bool registering)
{
	memset(pt, 0, sizeof(*pt));
	pt->task = task_current();
	waitqueue_init(&pt->own_wq);
	pt->sleep_wq = &pt->own_wq;
	pt->registering = registering;
}

void poll_entry_unhook(struct poll_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		e->head->first = e->next;
	if (e->next)
		e->next->prev = e->prev;
}

/* Unhooks every entry from its object, so no wake reaches the table after the call. */
static void poll_table_release(struct poll_table *pt)
{
	struct poll_entry *e, *next;

	for (e = pt->entries; e; e = next) {
		next = e->next_in_table;
		poll_entry_unhook(e);
		file_put(e->file);
		kfree(e);
	}
	pt->entries = NULL;
}

/* The file open at fd for polling, or NULL. O_PATH files count as not open, as Linux's
 * fdget skips them. */
static struct file *poll_file(struct fdtable *fdt, int fd)
{
	struct file *f = fdtable_get(fdt, fd);

	if (!f || (f->flags & O_PATH))
		return NULL;
	return f;
}

static unsigned int poll_file_mask(struct file *f, struct poll_table *pt)
{
	if (!f->ops->poll)
		return POLL_DEFAULT_MASK;
	return f->ops->poll(f, pt);
}

static bool poll_signal_pending(void)
{
	struct thread *t = thread_current();

	return t && signal_pending(t);
}

/* The first instant a sleep should end: the deadline, or sooner when a registration
 * was lost and only a fresh scan can notice a change. */
static uint64_t poll_wake_time(const struct poll_table *pt, uint64_t deadline)
{
	uint64_t now = clock_monotonic_ns();

	if (!pt->lost || deadline <= now || deadline - now <= POLL_RETRY_NS)
		return deadline;
	return now + POLL_RETRY_NS;
}

/* Scans until something is ready, the timeout passes or a signal is pending: the ready
 * count, 0 on timeout, -ERESTARTNOHAND for a signal, or the scan's error. A change seen
 * while scanning (triggered) scans again rather than sleeping through it. */
static long poll_run(const struct poll_scan *s, const struct poll_timeout *to)
{
	struct poll_table pt;
	bool timed_out = to->zero;
	long count;

	poll_table_init(&pt, !to->zero);
	for (;;) {
		pt.triggered = false;
		count = s->scan(s->ctx, &pt);
		pt.registering = false;
		if (count == 0 && poll_signal_pending())
			count = -ERESTARTNOHAND;
		if (count || timed_out)
			break;
		if (!pt.triggered)
			thread_sleep(pt.sleep_wq, poll_wake_time(&pt, to->deadline));
		timed_out = clock_monotonic_ns() >= to->deadline;
	}
	poll_table_release(&pt);
	return count;
}

/* A timeout of ns from now (UINT64_MAX: none). */
static void poll_timeout_set(struct poll_timeout *to, uint64_t ns)
{
	uint64_t now = clock_monotonic_ns();

	to->zero = ns == 0;
	to->deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
}

static int poll_timeout_from_timespec(const struct timespec __user *uts,
				      struct poll_timeout *to)
{
	uint64_t ns;
	int err = timespec_from_user_ns(uts, &ns);

	if (err)
		return err;
	poll_timeout_set(to, ns);
	return 0;
}

/* select's timeval: microseconds past a second carry into seconds, as Linux's do. */
static int poll_timeout_from_timeval(const struct timeval __user *utv,
				     struct poll_timeout *to)
{
	struct timeval tv;
	struct timespec ts;
	uint64_t ns = UINT64_MAX;
	int err;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		ts.tv_nsec = (tv.tv_usec % USEC_PER_SEC) * (int64_t)NSEC_PER_USEC;
		if (__builtin_add_overflow(tv.tv_sec, tv.tv_usec / USEC_PER_SEC, &ts.tv_sec))
			ts.tv_sec = tv.tv_sec < 0 ? -1 : INT64_MAX;
		err = timespec_to_ns(&ts, &ns);
		if (err)
			return err;
	}
	poll_timeout_set(to, ns);
	return 0;
}

/* Linux's poll_select_finish: the temporary signal mask ends unless a signal handler is
 * about to run (then delivery restores it), and the time left goes back to the caller
 * (not for a zero or endless timeout). A failed write-back is not an error, but an
 * interrupted call can no longer restart with the time left: it fails with EINTR. */
static long poll_finish(const struct poll_timeout *to, void __user *utime, bool timeval,
			long ret)
{
	uint64_t now = clock_monotonic_ns();
	uint64_t left = to->deadline > now ? to->deadline - now : 0;
	struct timespec ts = timespec_from_ns(left);
	struct timeval tv = { ts.tv_sec, ts.tv_nsec / (int64_t)NSEC_PER_USEC };
	int err;

	signal_end_call_mask(ret == -ERESTARTNOHAND);
	if (!utime || to->zero || to->deadline == UINT64_MAX)
		return ret;
	if (timeval)
		err = copy_to_user(utime, &tv, sizeof(tv));
	else
		err = copy_to_user(utime, &ts, sizeof(ts));
	if (err && ret == -ERESTARTNOHAND)
		return -EINTR;
	return ret;
}

/* ---- poll ---- */

struct pollfd_scan {
	struct fdtable *fdt;
	struct pollfd *fds;
	unsigned int nfds;
};

static long pollfd_scan(void *ctx, struct poll_table *pt)
{
	struct pollfd_scan *c = ctx;
	long count = 0;
	unsigned int i;

	for (i = 0; i < c->nfds; i++) {
		struct pollfd *p = &c->fds[i];
		struct file *f;
		unsigned int mask;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		f = poll_file(c->fdt, p->fd);
		mask = POLLNVAL;
		if (f)
			mask = poll_file_mask(f, pt) &
			       ((unsigned int)(unsigned short)p->events | POLLERR | POLLHUP);
		p->revents = (short)mask;
		if (mask)
			count++;
	}
	return count;
}

/* Only revents goes back, field by field, as on Linux: fd and events stay the
 * caller's even if another thread changed them meanwhile. */
static int pollfd_copy_revents(struct pollfd __user *ufds, const struct pollfd *fds,
			       unsigned int nfds)
{
	unsigned int i;

	for (i = 0; i < nfds; i++)
		if (copy_to_user(&ufds[i].revents, &fds[i].revents, sizeof(fds[i].revents)))
			return -EFAULT;
	return 0;
}

static long poll_do(struct pollfd __user *ufds, unsigned int nfds,
		    const struct poll_timeout *to)
{
	struct process *proc = process_current();
	struct pollfd_scan c = { proc->fdt, NULL, nfds };
	struct poll_scan s = { pollfd_scan, &c };
	long ret;

	if (nfds > POLL_NFDS_MAX || nfds > proc->rlimits[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	if (nfds) {
		c.fds = kcalloc(nfds, sizeof(*c.fds));
		if (!c.fds)
			return -ENOMEM;
		if (copy_from_user(c.fds, ufds, nfds * sizeof(*c.fds))) {
			ret = -EFAULT;
			goto out_free_fds;
		}
	}
	ret = poll_run(&s, to);
	if (pollfd_copy_revents(ufds, c.fds, nfds))
		ret = -EFAULT;
out_free_fds:
	kfree(c.fds);
	return ret;
}

static long poll_resume(const struct restart_block *rb);

/* A poll with a timeout that a signal without a handler interrupted goes on through
 * restart_syscall with the time left, as Linux's do_restart_poll; an endless one
 * restarts as is. */
static long poll_timed(struct pollfd __user *fds, unsigned int nfds,
		       const struct poll_timeout *to)
{
	long ret = poll_do(fds, nfds, to);
	struct restart_block rb = { .fn = poll_resume, .deadline_ns = to->deadline,
				    .uaddr = uptr_addr(fds), .val = nfds };

	if (ret == -ERESTARTNOHAND && to->deadline != UINT64_MAX)
		return restart_block_set(&rb);
	return ret;
}

static long poll_resume(const struct restart_block *rb)
{
	struct poll_timeout to = { .deadline = rb->deadline_ns, .zero = false };

	return poll_timed(uaddr_ptr(rb->uaddr), rb->val, &to);
}

long sys_poll(struct pollfd __user *fds, unsigned int nfds, int timeout_ms)
{
	struct poll_timeout to;

	poll_timeout_set(&to, timeout_ms < 0 ? UINT64_MAX :
			 (uint64_t)timeout_ms * NSEC_PER_MSEC);
	return poll_timed(fds, nfds, &to);
}

long sys_ppoll(struct pollfd __user *fds, unsigned int nfds,
	       const struct timespec __user *tsp, const kernel_sigset_t __user *sigmask,
	       size_t sigsetsize)
{
	struct poll_timeout to;
	long ret;

	ret = poll_timeout_from_timespec(tsp, &to);
	if (ret)
		return ret;
	ret = signal_set_call_mask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = poll_do(fds, nfds, &to);
	return poll_finish(&to, (void __user *)tsp, false, ret);
}

/* ---- select ---- */

struct fdset_scan {
	struct fdtable *fdt;
	int n;
	uint64_t in[FDSET_LONGS], out[FDSET_LONGS], ex[FDSET_LONGS];
	uint64_t res_in[FDSET_LONGS], res_out[FDSET_LONGS], res_ex[FDSET_LONGS];
};

static bool fdset_has(const uint64_t *set, int fd)
{
	return set[fd / 64] & (1ull << (fd % 64));
}

static void fdset_add(uint64_t *set, int fd)
{
	set[fd / 64] |= 1ull << (fd % 64);
}

/* Linux's do_select: a descriptor closed since the call began is just not ready. */
static long fdset_scan(void *ctx, struct poll_table *pt)
{
	struct fdset_scan *c = ctx;
	long count = 0;
	int fd;

	memset(c->res_in, 0, sizeof(c->res_in));
	memset(c->res_out, 0, sizeof(c->res_out));
	memset(c->res_ex, 0, sizeof(c->res_ex));
	for (fd = 0; fd < c->n; fd++) {
		bool in = fdset_has(c->in, fd), out = fdset_has(c->out, fd);
		bool ex = fdset_has(c->ex, fd);
		struct file *f;
		unsigned int mask;

		if (!in && !out && !ex)
			continue;
		f = poll_file(c->fdt, fd);
		if (!f)
			continue;
		mask = poll_file_mask(f, pt);
		if (in && (mask & POLL_IN_SET)) {
			fdset_add(c->res_in, fd);
			count++;
		}
		if (out && (mask & POLL_OUT_SET)) {
			fdset_add(c->res_out, fd);
			count++;
		}
		if (ex && (mask & POLL_EX_SET)) {
			fdset_add(c->res_ex, fd);
			count++;
		}
	}
	return count;
}

/* Copies in one set of nbytes (NULL: empty). */
static int fdset_get(uint64_t *set, const uint64_t __user *uset, size_t nbytes)
{
	memset(set, 0, FDSET_LONGS * sizeof(*set));
	if (uset && copy_from_user(set, uset, nbytes))
		return -EFAULT;
	return 0;
}

static int fdset_put(uint64_t __user *uset, const uint64_t *set, size_t nbytes)
{
	if (uset && copy_to_user(uset, set, nbytes))
		return -EFAULT;
	return 0;
}

/* Every descriptor named in a set must be open before anything waits. */
static int fdset_check_open(const struct fdset_scan *c)
{
	int fd;

	for (fd = 0; fd < c->n; fd++)
		if ((fdset_has(c->in, fd) || fdset_has(c->out, fd) || fdset_has(c->ex, fd)) &&
		    !poll_file(c->fdt, fd))
			return -EBADF;
	return 0;
}

static long select_do(int n, uint64_t __user *inp, uint64_t __user *outp,
		      uint64_t __user *exp, const struct poll_timeout *to)
{
	struct fdset_scan *c;
	struct poll_scan s;
	size_t nbytes;
	long ret;

	if (n < 0)
		return -EINVAL;
	c = kzalloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->fdt = process_current()->fdt;
	c->n = MIN(n, POLL_FD_SETSIZE);
	nbytes = (size_t)(c->n + 63) / 64 * sizeof(uint64_t);
	ret = -EFAULT;
	if (fdset_get(c->in, inp, nbytes) || fdset_get(c->out, outp, nbytes) ||
	    fdset_get(c->ex, exp, nbytes))
		goto out_free_scan;
	ret = fdset_check_open(c);
	if (ret)
		goto out_free_scan;
	s = (struct poll_scan){ fdset_scan, c };
	ret = poll_run(&s, to);
	if (ret < 0)
		goto out_free_scan;
	if (fdset_put(inp, c->res_in, nbytes) || fdset_put(outp, c->res_out, nbytes) ||
	    fdset_put(exp, c->res_ex, nbytes))
		ret = -EFAULT;
out_free_scan:
	kfree(c);
	return ret;
}

long sys_select(int n, uint64_t __user *inp, uint64_t __user *outp, uint64_t __user *exp,
		struct timeval __user *tvp)
{
	struct poll_timeout to;
	long ret;

	ret = poll_timeout_from_timeval(tvp, &to);
	if (ret)
		return ret;
	ret = select_do(n, inp, outp, exp, &to);
	return poll_finish(&to, tvp, true, ret);
}

/* pselect6's sixth argument: where the mask is and its size. */
struct pselect_sigmask {
	uint64_t ss;
	uint64_t ss_len;
};

long sys_pselect6(int n, uint64_t __user *inp, uint64_t __user *outp, uint64_t __user *exp,
		  struct timespec __user *tsp, const void __user *sig)
{
	struct pselect_sigmask sm = { 0, 0 };
	struct poll_timeout to;
	long ret;

	if (sig && copy_from_user(&sm, sig, sizeof(sm)))
		return -EFAULT;
	ret = poll_timeout_from_timespec(tsp, &to);
	if (ret)
		return ret;
	ret = signal_set_call_mask(uaddr_ptr(sm.ss), (size_t)sm.ss_len);
	if (ret)
		return ret;
	ret = select_do(n, inp, outp, exp, &to);
	return poll_finish(&to, tsp, false, ret);
}
