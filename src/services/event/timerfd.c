/* event/timerfd.c: timers read through a descriptor: timerfd_create, timerfd_settime and
 * timerfd_gettime. A read returns how many times the timer expired since the last read.
 *
 * Expirations are counted from the clock, not from callbacks: the next expiry is kept
 * as a monotonic instant, and whoever looks (a read, a poll, gettime, the OSTD timer's
 * callback) first adds the periods that have passed. The OSTD timer only wakes sleepers
 * and pollers, so a late callback never loses or invents a tick. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/time.h>
#include <abi/timerfd.h>
#include <event/timerfd.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <time/clock.h>

struct timerfd {
	struct file file;         /* first: file_put frees the timer */
	int clockid;
	uint64_t next;            /* monotonic ns of the next expiry; 0: disarmed */
	uint64_t interval;        /* ns; 0: one-shot */
	uint64_t ticks;           /* expirations not yet read */
	struct timer *timer;      /* wakes at next; NULL when none pending */
	waitqueue_t wait;
	struct poll_head poll;
};

static struct timerfd *timerfd_of(struct file *f)
{
	return (struct timerfd *)f;
}

/* Adds the expirations that have passed to ticks and moves next past now. */
static void timerfd_update(struct timerfd *t)
{
	uint64_t now = clock_monotonic_ns(), n;

	if (!t->next || now < t->next)
		return;
	if (!t->interval) {
		t->ticks++;
		t->next = 0;
		return;
	}
	n = (now - t->next) / t->interval + 1;
	t->ticks += n;
	t->next += n * t->interval;
}

static void timerfd_fire(void *arg);

/* Sets the OSTD timer for the next expiry (or none). A failed timer_add leaves only
 * sleepers without their wake-up; reads and polls still count from the clock. */
static void timerfd_arm(struct timerfd *t)
{
	if (t->timer) {
		timer_cancel(t->timer);
		t->timer = NULL;
	}
	if (t->next)
		t->timer = timer_add(t->next, timerfd_fire, t);
}

static void timerfd_fire(void *arg)
{
	struct timerfd *t = arg;

	t->timer = NULL;   /* freed by OSTD before this call */
	timerfd_update(t);
	timerfd_arm(t);
	waitqueue_wake_all(&t->wait);
	poll_head_wake(&t->poll);
}

/* The file reference held across the sleep keeps the timer alive if another thread
 * closes the descriptor meanwhile. */
static ssize_t timerfd_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct timerfd *t = timerfd_of(f);
	ssize_t ret = 0;

	if (n < sizeof(t->ticks))
		return -EINVAL;
	file_get(f);
	for (timerfd_update(t); !t->ticks; timerfd_update(t)) {
		if (f->flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out_put_file;
		}
		if (thread_sleep(&t->wait, t->next ? t->next : UINT64_MAX) == -EINTR) {
			ret = -ERESTARTSYS;
			goto out_put_file;
		}
	}
	ret = -EFAULT;
	if (copy_to_user(buf, &t->ticks, sizeof(t->ticks)))
		goto out_put_file;
	t->ticks = 0;
	ret = sizeof(t->ticks);
out_put_file:
	file_put(f);
	return ret;
}

static unsigned int timerfd_poll(struct file *f, struct poll_table *pt)
{
	struct timerfd *t = timerfd_of(f);

	poll_wait_head(pt, f, &t->poll);
	timerfd_update(t);
	return t->ticks ? POLLIN | POLLRDNORM : 0;
}

static void timerfd_release(struct file *f)
{
	struct timerfd *t = timerfd_of(f);

	if (t->timer)
		timer_cancel(t->timer);
}

/* An anonymous inode's view, as Linux's anon_inode files show. */
static int timerfd_fstat(struct file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

/* Linux's noop_llseek: the position stays where it is (0). */
static int64_t timerfd_lseek(struct file *f, int64_t off, int whence)
{
	return (int64_t)f->pos;
}

static const struct file_ops timerfd_file_ops = {
	.read    = timerfd_read,
	.lseek   = timerfd_lseek,
	.fstat   = timerfd_fstat,
	.poll    = timerfd_poll,
	.release = timerfd_release,
};

/* The clocks a timerfd may follow; the alarm clocks behave as their plain twins, since
 * nothing here suspends. */
static bool timerfd_clock_is_valid(int clockid)
{
	return clockid == CLOCK_REALTIME || clockid == CLOCK_MONOTONIC ||
	       clockid == CLOCK_BOOTTIME || clockid == CLOCK_REALTIME_ALARM ||
	       clockid == CLOCK_BOOTTIME_ALARM;
}

static bool timerfd_clock_is_realtime(int clockid)
{
	return clockid == CLOCK_REALTIME || clockid == CLOCK_REALTIME_ALARM;
}

long sys_timerfd_create(int clockid, int flags)
{
	struct timerfd *t;
	long fd;

	if (!timerfd_clock_is_valid(clockid) || (flags & ~(TFD_NONBLOCK | TFD_CLOEXEC)))
		return -EINVAL;
	t = kzalloc(sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->file.ops = &timerfd_file_ops;
	t->file.flags = O_RDWR | (flags & TFD_NONBLOCK);
	t->file.refs = 1;
	t->clockid = clockid;
	waitqueue_init(&t->wait);
	poll_head_init(&t->poll);
	fd = fdtable_install(process_current()->fdt, &t->file, 0, flags & TFD_CLOEXEC);
	if (fd < 0)
		file_put(&t->file);
	return fd;
}

/* The timerfd open at fd: -EBADF when none is, -EINVAL when it is another file. */
static long timerfd_get(int fd, struct timerfd **out)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f || (f->flags & O_PATH))
		return -EBADF;
	if (f->ops != &timerfd_file_ops)
		return -EINVAL;
	*out = timerfd_of(f);
	return 0;
}

/* timespec_to_ns, kept far from overflow when added to a clock (tens of years). */
static int timerfd_timespec_ns(const struct timespec *ts, uint64_t *ns)
{
	int err = timespec_to_ns(ts, ns);

	*ns = MIN(*ns, UINT64_MAX / 4);
	return err;
}

/* What gettime reports: the time to the next expiry and the interval. */
static void timerfd_current(struct timerfd *t, struct itimerspec *cur)
{
	uint64_t now = clock_monotonic_ns();

	timerfd_update(t);
	cur->it_value = timespec_from_ns(t->next > now ? t->next - now :
					       t->next ? 1 : 0);
	cur->it_interval = timespec_from_ns(t->interval);
}

/* The monotonic instant of the first expiry for a value of ns (non-zero). An absolute
 * value is on the timer's clock; a realtime one maps through the clocks' offset now. */
static uint64_t timerfd_first_expiry(const struct timerfd *t, uint64_t ns, bool absolute)
{
	uint64_t now = clock_monotonic_ns(), real;

	if (!absolute)
		return ns > UINT64_MAX / 2 - now ? UINT64_MAX / 2 : now + ns;
	if (!timerfd_clock_is_realtime(t->clockid))
		return ns ? ns : 1;
	real = clock_realtime_ns();
	if (ns <= real)
		return now ? now : 1;        /* already passed: expires at once */
	return now + (ns - real);
}

long sys_timerfd_settime(int fd, int flags, const struct itimerspec __user *new_value,
			 struct itimerspec __user *old_value)
{
	struct itimerspec nv, ov;
	struct timerfd *t;
	uint64_t value, interval;
	long err;

	if (copy_from_user(&nv, new_value, sizeof(nv)))
		return -EFAULT;
	if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
		return -EINVAL;
	if (timerfd_timespec_ns(&nv.it_value, &value) ||
	    timerfd_timespec_ns(&nv.it_interval, &interval))
		return -EINVAL;
	err = timerfd_get(fd, &t);
	if (err)
		return err;
	timerfd_current(t, &ov);
	/* A new setting forgets the expirations nobody read, as Linux's does. */
	t->ticks = 0;
	t->interval = value ? interval : 0;
	t->next = value ? timerfd_first_expiry(t, value, flags & TFD_TIMER_ABSTIME) : 0;
	timerfd_arm(t);
	if (old_value && copy_to_user(old_value, &ov, sizeof(ov)))
		return -EFAULT;
	return 0;
}

long sys_timerfd_gettime(int fd, struct itimerspec __user *cur_value)
{
	struct itimerspec cur;
	struct timerfd *t;
	long err;

	err = timerfd_get(fd, &t);
	if (err)
		return err;
	timerfd_current(t, &cur);
	if (copy_to_user(cur_value, &cur, sizeof(cur)))
		return -EFAULT;
	return 0;
}
