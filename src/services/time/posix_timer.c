/* time/posix_timer.c: POSIX per-process timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun and timer_delete.
 *
 * As in event/timerfd.c, expiries are counted from the clock, not from callbacks: the next
 * expiry is a monotonic instant, and whoever looks first adds the periods that passed. A
 * timer has at most one signal queued (Linux's preallocated sigqueue): expiries while it
 * waits are overruns, reported in the signal when it is dequeued (signal_timer_dequeue_hook)
 * and by timer_getoverrun afterwards. */
#include <ostd/compiler.h>
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/sigevent.h>
#include <abi/siginfo.h>
#include <abi/signal.h>
#include <abi/time.h>
#include <abi/timerfd.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <time/clock.h>
#include <time/posix_timer.h>

/* Far enough that a program never waits that long, near enough that sums cannot wrap. */
#define POSIX_TIMER_NS_MAX (UINT64_MAX / 4)
/* While a timer's signal waits, or is ignored, its callback only counts overruns: it
 * comes at most this often, so a 1 ns period cannot keep the CPU in callbacks. */
#define POSIX_TIMER_RECHECK_NS 10000000ull
/* In the unused padding of a queued siginfo: "queued by a timer", so a program's own
 * rt_sigqueueinfo with SI_TIMER is delivered untouched. Cleared before delivery. */
#define POSIX_TIMER_MARK 0x544d5231

struct posix_timer {
	struct posix_timer *next_in_process;
	struct process *proc;
	int id;
	int clockid;
	int notify;             /* SIGEV_SIGNAL, SIGEV_NONE or SIGEV_THREAD_ID */
	int signo;
	int tid;                /* SIGEV_THREAD_ID's thread */
	uint64_t value;         /* sigev_value, the signal's si_value */
	uint64_t next;          /* monotonic ns of the next uncounted expiry; 0: disarmed */
	uint64_t interval;      /* ns; 0: one-shot */
	uint64_t overrun;       /* expiries since the queued signal, not yet reported */
	int overrun_last;       /* what the last delivered signal reported */
	bool sig_queued;        /* its signal waits in a queue */
	struct timer *timer;    /* the OSTD callback; NULL when none is pending */
};

static struct posix_timer *posix_timer_find(struct process *p, int id)
{
	struct posix_timer *pt;

	for (pt = p->posix_timers; pt; pt = pt->next_in_process)
		if (pt->id == id)
			return pt;
	return NULL;
}

static unsigned int posix_timer_count(const struct process *p)
{
	const struct posix_timer *pt;
	unsigned int n = 0;

	for (pt = p->posix_timers; pt; pt = pt->next_in_process)
		n++;
	return n;
}

/* The queue the timer's signal goes to, or NULL when its thread is gone. */
static struct sigqueue *posix_timer_queue(struct posix_timer *pt, struct thread **target)
{
	*target = NULL;
	if (pt->notify != SIGEV_THREAD_ID)
		return &pt->proc->shared_pending;
	*target = thread_find_in(pt->proc, pt->tid);
	return *target ? &(*target)->pending : NULL;
}

/* Queues the timer's signal for n new expiries, or counts them as overruns while the
 * last one still waits. A signal flushed unseen (its action set to SIG_IGN) no longer
 * waits: its bit is gone, and the next expiry queues a new one. */
static void posix_timer_notify(struct posix_timer *pt, uint64_t n)
{
	ksiginfo_t k = { .si_signo = pt->signo, .si_code = SI_TIMER, .__pad0 = POSIX_TIMER_MARK };
	struct thread *target;
	struct sigqueue *q = posix_timer_queue(pt, &target);

	if (pt->notify == SIGEV_NONE || !q || pt->proc->state != PROCESS_ALIVE)
		return;
	if (pt->sig_queued && (q->set & SIG_BIT(pt->signo))) {
		pt->overrun += n;
		return;
	}
	pt->overrun = n - 1;
	k.u.timer.tid = pt->id;
	k.u.timer.value = pt->value;
	if (target)
		(void)signal_send_thread(target, pt->signo, &k);
	else
		(void)signal_send_process(pt->proc, pt->signo, &k);
	/* Not queued when ignored (or the queue is full): the next expiry tries again. */
	pt->sig_queued = (q->set & SIG_BIT(pt->signo)) != 0;
}

/* Counts the expiries that have passed and announces them. */
static void posix_timer_update(struct posix_timer *pt)
{
	uint64_t n = posix_timer_expire(&pt->next, pt->interval, clock_monotonic_ns());

	if (n)
		posix_timer_notify(pt, n);
}

static void posix_timer_fire(void *arg);

/* Sets the OSTD callback for the next expiry. recheck: the signal waits or was thrown
 * away, so the callback only needs to count. A failed timer_add leaves the signal late,
 * never the counts wrong: gettime and dequeueing count from the clock. */
static void posix_timer_arm(struct posix_timer *pt, bool recheck)
{
	uint64_t at = pt->next;

	if (pt->timer) {
		timer_cancel(pt->timer);
		pt->timer = NULL;
	}
	if (!pt->next || pt->notify == SIGEV_NONE)
		return;
	if (recheck)
		at = MAX(at, clock_monotonic_ns() + POSIX_TIMER_RECHECK_NS);
	pt->timer = timer_add(at, posix_timer_fire, pt);
}

static void posix_timer_fire(void *arg)
{
	struct posix_timer *pt = arg;

	pt->timer = NULL;   /* freed by OSTD before this call */
	posix_timer_update(pt);
	/* A queued signal re-arms the timer when it is dequeued. */
	posix_timer_arm(pt, true);
}

/* signal_timer_dequeue_hook: info is a timer's signal, dequeued by t. */
static bool posix_timer_dequeued(struct thread *t, ksiginfo_t *info)
{
	struct posix_timer *pt;

	if (info->__pad0 != POSIX_TIMER_MARK)
		return true;
	info->__pad0 = 0;
	pt = posix_timer_find(t->proc, info->u.timer.tid);
	/* Linux (6.12 on) drops the signal of a timer deleted or re-armed since. */
	if (!pt || !pt->sig_queued || pt->signo != info->si_signo)
		return false;
	pt->sig_queued = false;
	/* Periods that passed since it was queued are overruns too. */
	pt->overrun += posix_timer_expire(&pt->next, pt->interval, clock_monotonic_ns());
	pt->overrun_last = posix_timer_overrun_cap(pt->overrun);
	pt->overrun = 0;
	info->u.timer.overrun = pt->overrun_last;
	posix_timer_arm(pt, false);
	return true;
}

static void posix_timer_free(struct posix_timer *pt)
{
	if (pt->timer)
		timer_cancel(pt->timer);
	kfree(pt);
}

void posix_timer_release(struct process *p)
{
	struct posix_timer *pt;

	while ((pt = p->posix_timers)) {
		p->posix_timers = pt->next_in_process;
		posix_timer_free(pt);
	}
}

/* timer_create's clocks: -EINVAL for unknown ones, -EOPNOTSUPP for those Linux has but
 * cannot time: the raw and coarse clocks, and the alarm clocks, which need an RTC. */
static int posix_timer_check_clock(int clockid)
{
	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return 0;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
		return -EOPNOTSUPP;
	default:
		/* Negative ids name other processes' CPU clocks: not kept here. */
		return -EINVAL;
	}
}

/* Linux's good_sigevent: a known notify, a signal 1..64 unless SIGEV_NONE, and for
 * SIGEV_THREAD_ID a thread of the caller's process. */
static int posix_timer_check_sigevent(struct process *p, const struct sigevent *ev)
{
	switch (ev->sigev_notify) {
	case SIGEV_THREAD_ID:
		if (!thread_find_in(p, ev->u.tid))
			return -EINVAL;
		/* fall through */
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
		if (ev->sigev_signo <= 0 || ev->sigev_signo > KERNEL_NSIG)
			return -EINVAL;
		return 0;
	case SIGEV_NONE:
		return 0;
	default:
		return -EINVAL;
	}
}

/* The lowest free id from the process's cursor on, as Linux hands them out in order. */
static int posix_timer_alloc_id(struct process *p)
{
	int id = p->posix_timer_next_id;

	while (posix_timer_find(p, id))
		id = id == INT32_MAX ? 0 : id + 1;
	p->posix_timer_next_id = id == INT32_MAX ? 0 : id + 1;
	return id;
}

static struct posix_timer *posix_timer_new(struct process *p, int clockid,
					   const struct sigevent *ev)
{
	struct posix_timer *pt = kzalloc(sizeof(*pt));

	if (!pt)
		return NULL;
	pt->proc = p;
	pt->clockid = clockid;
	pt->id = posix_timer_alloc_id(p);
	if (ev) {
		/* The kernel cannot start threads: libc's SIGEV_THREAD is its own business. */
		pt->notify = ev->sigev_notify == SIGEV_THREAD ? SIGEV_SIGNAL : ev->sigev_notify;
		pt->signo = ev->sigev_signo;
		pt->tid = ev->u.tid;
		pt->value = ev->sigev_value;
	} else {
		pt->notify = SIGEV_SIGNAL;
		pt->signo = SIGALRM;
		pt->value = (uint64_t)pt->id;
	}
	pt->next_in_process = p->posix_timers;
	p->posix_timers = pt;
	return pt;
}

static void posix_timer_unlink(struct posix_timer *pt)
{
	struct posix_timer **link;

	for (link = &pt->proc->posix_timers; *link; link = &(*link)->next_in_process) {
		if (*link == pt) {
			*link = pt->next_in_process;
			return;
		}
	}
}

long sys_timer_create(int clockid, const struct sigevent __user *sevp, int __user *timerid)
{
	struct process *p = process_current();
	struct sigevent ev;
	struct posix_timer *pt;
	int err;

	if (sevp && copy_from_user(&ev, sevp, sizeof(ev)))
		return -EFAULT;
	err = posix_timer_check_clock(clockid);
	if (err)
		return err;
	if (posix_timer_count(p) >= POSIX_TIMER_MAX)
		return -EAGAIN;
	if (sevp) {
		err = posix_timer_check_sigevent(p, &ev);
		if (err)
			return err;
	}
	if (!signal_timer_dequeue_hook)
		signal_timer_dequeue_hook = posix_timer_dequeued;
	pt = posix_timer_new(p, clockid, sevp ? &ev : NULL);
	if (!pt)
		return -ENOMEM;
	if (copy_to_user(timerid, &pt->id, sizeof(pt->id))) {
		posix_timer_unlink(pt);
		posix_timer_free(pt);
		return -EFAULT;
	}
	return 0;
}

/* What timer_gettime reports: the time to the next expiry and the interval. It counts
 * nothing and sends nothing: callbacks and dequeueing do. */
static void posix_timer_report(const struct posix_timer *pt, struct itimerspec *cur)
{
	uint64_t now = clock_monotonic_ns(), next = pt->next;

	(void)posix_timer_expire(&next, pt->interval, now);
	/* A one-shot that is due but whose callback has not run yet reads as spent. */
	cur->it_value = timespec_from_ns(next > now ? next - now : 0);
	cur->it_interval = timespec_from_ns(pt->interval);
}

/* The monotonic instant of the first expiry for a value of ns (non-zero). An absolute
 * value is on the timer's clock: the realtime ones map through the clocks' offset now,
 * the CPU-time ones through the process's start (clock_read's approximation). */
static uint64_t posix_timer_first_expiry(const struct posix_timer *pt, uint64_t ns,
					 bool absolute)
{
	uint64_t now = clock_monotonic_ns(), base;

	if (!absolute)
		return now + ns;
	switch (pt->clockid) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		base = clock_realtime_ns();
		return ns <= base ? now : now + (ns - base);
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		ns = ns > POSIX_TIMER_NS_MAX - pt->proc->start_ns ? POSIX_TIMER_NS_MAX :
		     ns + pt->proc->start_ns;
		return MAX(ns, 1);
	default:
		return MAX(ns, 1);
	}
}

/* timespec_to_ns, capped far from overflow once added to a clock. */
static int posix_timer_ns(const struct timespec *ts, uint64_t *ns)
{
	int err = timespec_to_ns(ts, ns);

	*ns = MIN(*ns, POSIX_TIMER_NS_MAX);
	return err;
}

long sys_timer_settime(int timerid, int flags, const struct itimerspec __user *new_value,
		       struct itimerspec __user *old_value)
{
	struct itimerspec nv, ov;
	struct posix_timer *pt;
	uint64_t value, interval;

	if (!new_value)
		return -EINVAL;
	if (copy_from_user(&nv, new_value, sizeof(nv)))
		return -EFAULT;
	if (posix_timer_ns(&nv.it_value, &value) || posix_timer_ns(&nv.it_interval, &interval))
		return -EINVAL;
	pt = posix_timer_find(process_current(), timerid);
	if (!pt)
		return -EINVAL;
	posix_timer_report(pt, &ov);
	/* A signal still queued belongs to the old setting: it is dropped when dequeued. */
	pt->sig_queued = false;
	pt->overrun = 0;
	pt->overrun_last = 0;
	pt->interval = value ? interval : 0;
	pt->next = value ? posix_timer_first_expiry(pt, value, flags & TIMER_ABSTIME) : 0;
	posix_timer_arm(pt, false);
	/* Like Linux, the new setting stands even when the old one cannot be written. */
	if (old_value && copy_to_user(old_value, &ov, sizeof(ov)))
		return -EFAULT;
	return 0;
}

long sys_timer_gettime(int timerid, struct itimerspec __user *cur_value)
{
	struct posix_timer *pt = posix_timer_find(process_current(), timerid);
	struct itimerspec cur;

	if (!pt)
		return -EINVAL;
	posix_timer_report(pt, &cur);
	if (copy_to_user(cur_value, &cur, sizeof(cur)))
		return -EFAULT;
	return 0;
}

long sys_timer_getoverrun(int timerid)
{
	struct posix_timer *pt = posix_timer_find(process_current(), timerid);

	if (!pt)
		return -EINVAL;
	return pt->overrun_last;
}

long sys_timer_delete(int timerid)
{
	struct posix_timer *pt = posix_timer_find(process_current(), timerid);

	if (!pt)
		return -EINVAL;
	posix_timer_unlink(pt);
	posix_timer_free(pt);
	return 0;
}
