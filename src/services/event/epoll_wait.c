/* event/epoll_wait.c: epoll_wait, epoll_pwait and epoll_pwait2: collecting the ready
 * items of an instance (level-triggered, edge-triggered, one-shot) and sleeping until an
 * item's file wakes the instance, the timeout passes or a signal is pending. */
#include <ostd/errno.h>
#include <ostd/sync.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <event/epoll.h>
#include <event/epoll_internal.h>
#include <fs/file.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>
#include <time/clock.h>

/* Linux's EP_MAX_EVENTS: the largest maxevents whose array size fits an int. */
#define EPOLL_MAX_EVENTS ((int)(0x7fffffff / sizeof(struct epoll_event)))
/* Items whose files cannot wake the instance are looked at again this often. */
#define EPOLL_NAP_NS (10 * 1000000ull)
#define NSEC_PER_MSEC 1000000ull

/* The events to report for item now. An item that cannot be woken (polled) has no
 * wake-ups to mark edges, so for it an edge is a bit that was clear at the last look. */
static unsigned int epoll_item_due(struct epoll_item *item)
{
	unsigned int mask = epoll_item_events(item), fresh;

	if (!item->polled)
		return mask;
	fresh = mask & ~item->last_mask;
	item->last_mask = mask;
	return (item->event.events & EPOLLET) ? fresh : mask;
}

/* After item was reported: a one-shot disarms, a level-triggered item stays ready until
 * a later scan finds it is not; an edge-triggered one waits for its next wake-up. */
static void epoll_item_reported(struct epoll_item *item)
{
	if (item->event.events & EPOLLONESHOT)
		item->event.events &= EPOLL_PRIVATE_BITS;
	else if (!(item->event.events & EPOLLET) || item->polled)
		epoll_ready_add(item);
}

/* One pass over ep's ready list (Linux's ep_send_events): up to max events go to uev.
 * The count, or -EFAULT when not even the first could be written; items not reached
 * stay ready. */
static long epoll_collect(struct epoll *ep, struct epoll_event __user *uev, int max)
{
	struct epoll_item *item = epoll_ready_take(ep), *next;
	bool stop = false;
	long count = 0;

	for (; item; item = next) {
		struct epoll_event ev;
		unsigned int mask;

		next = item->next_ready;
		if (stop || count == max) {
			epoll_ready_add(item);
			continue;
		}
		mask = epoll_item_due(item);
		if (!mask) {
			if (item->polled && (item->event.events & ~EPOLL_PRIVATE_BITS))
				epoll_ready_add(item);
			continue;
		}
		ev.events = mask;
		ev.data = item->event.data;
		if (copy_to_user(&uev[count], &ev, sizeof(ev))) {
			epoll_ready_add(item);
			stop = true;
			continue;
		}
		count++;
		epoll_item_reported(item);
	}
	return stop && !count ? -EFAULT : count;
}

/* Whether a ready item can be woken, so the instance may sleep without a nap. */
static bool epoll_has_polled_ready(const struct epoll *ep)
{
	const struct epoll_item *item;

	for (item = ep->ready_first; item; item = item->next_ready)
		if (item->polled)
			return true;
	return false;
}

static bool epoll_has_woken_ready(const struct epoll *ep)
{
	const struct epoll_item *item;

	for (item = ep->ready_first; item; item = item->next_ready)
		if (!item->polled)
			return true;
	return false;
}

/* Linux's ep_poll: events first, then the timeout, then signals; epoll_wait is never
 * restarted, so a signal gives -EINTR. deadline is monotonic (UINT64_MAX: never); zero
 * means look once. */
static long epoll_wait_run(struct epoll *ep, struct epoll_event __user *uev, int max,
			   uint64_t deadline, bool zero)
{
	struct thread *t = thread_current();
	bool timed_out = zero;
	long n;

	for (;;) {
		uint64_t wake = deadline, now;

		n = epoll_collect(ep, uev, max);
		if (n || timed_out)
			return n;
		if (t && signal_pending(t))
			return -EINTR;
		now = clock_monotonic_ns();
		if (epoll_has_polled_ready(ep) &&
		    (deadline <= now || deadline - now > EPOLL_NAP_NS))
			wake = now + EPOLL_NAP_NS;
		if (!epoll_has_woken_ready(ep))
			thread_sleep(&ep->wait, wake);
		timed_out = clock_monotonic_ns() >= deadline;
	}
}

/* ns: the timeout's length, UINT64_MAX for none. */
static long epoll_wait_do(int epfd, struct epoll_event __user *uev, int maxevents,
			  uint64_t ns)
{
	struct file *f;
	uint64_t now, deadline;
	long ret;

	if (maxevents <= 0 || maxevents > EPOLL_MAX_EVENTS)
		return -EINVAL;
	f = fdtable_get(process_current()->fdt, epfd);
	if (!f)
		return -EBADF;
	if (!file_is_epoll(f))
		return -EINVAL;
	now = clock_monotonic_ns();
	deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	/* Held across the sleep: another thread may close epfd meanwhile. */
	file_get(f);
	ret = epoll_wait_run(epoll_of(f), uev, maxevents, deadline, ns == 0);
	file_put(f);
	return ret;
}

static uint64_t epoll_ms_to_ns(int timeout_ms)
{
	return timeout_ms < 0 ? UINT64_MAX : (uint64_t)timeout_ms * NSEC_PER_MSEC;
}

long sys_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
		    int timeout_ms)
{
	return epoll_wait_do(epfd, events, maxevents, epoll_ms_to_ns(timeout_ms));
}

long sys_epoll_pwait(int epfd, struct epoll_event __user *events, int maxevents,
		     int timeout_ms, const kernel_sigset_t __user *sigmask, size_t sigsetsize)
{
	long ret = signal_set_call_mask(sigmask, sigsetsize);

	if (ret)
		return ret;
	ret = epoll_wait_do(epfd, events, maxevents, epoll_ms_to_ns(timeout_ms));
	signal_end_call_mask(ret == -EINTR);
	return ret;
}

long sys_epoll_pwait2(int epfd, struct epoll_event __user *events, int maxevents,
		      const struct timespec __user *timeout,
		      const kernel_sigset_t __user *sigmask, size_t sigsetsize)
{
	uint64_t ns;
	long ret;

	ret = timespec_from_user_ns(timeout, &ns);
	if (ret)
		return ret;
	ret = signal_set_call_mask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = epoll_wait_do(epfd, events, maxevents, ns);
	signal_end_call_mask(ret == -EINTR);
	return ret;
}
