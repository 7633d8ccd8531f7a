/* timerfd: a one-shot timer's blocking read returns 1 and then it is disarmed; an
 * interval timer counts at least the periods that passed; TFD_TIMER_ABSTIME in the past
 * expires at once; gettime shows the interval; a zero value disarms; poll and epoll see
 * an expiry; bad clocks, flags and times are EINVAL. Counts that depend on timing are
 * printed as "at least". */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "../errname.h"

#define MS 1000000L

static int failures;

static void show_err(const char *what, long r, int want_errno)
{
	printf("%s: %s\n", what, ERRSTR(r));
	failures += !(r < 0 && errno == want_errno);
}

static int arm(int fd, int flags, long value_ns, long interval_ns)
{
	struct itimerspec its = { { 0, interval_ns }, { 0, value_ns } };

	return timerfd_settime(fd, flags, &its, NULL);
}

static uint64_t take(int fd)
{
	uint64_t v = 0;

	if (read(fd, &v, sizeof(v)) != sizeof(v))
		return 0;
	return v;
}

static void one_shot(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct itimerspec cur;
	uint64_t v;

	printf("cloexec: %d\n", !!(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	arm(fd, 0, 20 * MS, 0);
	v = take(fd);
	printf("one-shot read: %llu\n", (unsigned long long)v);
	failures += v != 1;
	timerfd_gettime(fd, &cur);
	printf("one-shot after: value %ld.%09ld interval %ld.%09ld\n",
	       (long)cur.it_value.tv_sec, cur.it_value.tv_nsec, (long)cur.it_interval.tv_sec,
	       cur.it_interval.tv_nsec);
	close(fd);
}

static void interval(void)
{
	int fd = timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK);
	struct itimerspec cur;
	uint64_t v;

	show_err("nothing yet", (long)take(fd) - 1, EAGAIN);
	arm(fd, 0, 5 * MS, 5 * MS);
	timerfd_gettime(fd, &cur);
	printf("interval: %ld ns, value set: %s\n", cur.it_interval.tv_nsec,
	       cur.it_value.tv_nsec > 0 ? "yes" : "no");
	usleep(30000);
	v = take(fd);
	printf("after 30ms: at least 5: %s\n", v >= 5 ? "yes" : "no");
	failures += v < 5;
	arm(fd, 0, 0, 0);
	usleep(10000);
	show_err("disarmed", (long)take(fd) - 1, EAGAIN);
	close(fd);
}

static void absolute(void)
{
	int mono = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	int real = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
	struct itimerspec its = { { 0, 0 }, { 1, 0 } };
	struct timespec now;
	uint64_t v;

	timerfd_settime(mono, TFD_TIMER_ABSTIME, &its, NULL);
	v = take(mono);
	printf("absolute past: %llu\n", (unsigned long long)v);
	failures += v != 1;
	clock_gettime(CLOCK_REALTIME, &now);
	its.it_value.tv_sec = now.tv_sec + 3600;
	its.it_value.tv_nsec = 0;
	timerfd_settime(real, TFD_TIMER_ABSTIME, &its, NULL);
	timerfd_gettime(real, &its);
	printf("realtime in an hour: %s\n",
	       its.it_value.tv_sec >= 3598 && its.it_value.tv_sec <= 3600 ? "yes" : "no");
	show_err("not expired", (long)take(real) - 1, EAGAIN);
	close(mono);
	close(real);
}

static void pollers(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, 0), ep = epoll_create1(0);
	struct pollfd p = { fd, POLLIN, 0 };
	struct epoll_event ev = { EPOLLIN, { .u64 = 1 } };
	int n;

	arm(fd, 0, 10 * MS, 0);
	n = poll(&p, 1, 1000);
	printf("poll: %d revents 0x%x\n", n, p.revents);
	take(fd);
	epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	printf("epoll before: %d\n", epoll_wait(ep, &ev, 1, 0));
	arm(fd, 0, 10 * MS, 0);
	n = epoll_wait(ep, &ev, 1, 1000);
	printf("epoll: %d events 0x%x\n", n, ev.events);
	close(ep);
	close(fd);
}

static void errors(void)
{
	struct itimerspec bad = { { 0, 0 }, { 0, 1000000000 } }, ok = { { 0, 0 }, { 1, 0 } };
	int fd = timerfd_create(CLOCK_MONOTONIC, 0), p[2];
	char c[4];

	pipe(p);
	show_err("bad clock", timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), EINVAL);
	show_err("bad create flags", timerfd_create(CLOCK_MONOTONIC, 1), EINVAL);
	show_err("bad nsec", timerfd_settime(fd, 0, &bad, NULL), EINVAL);
	show_err("bad settime flags", timerfd_settime(fd, 4, &ok, NULL), EINVAL);
	show_err("bad fd", timerfd_settime(999, 0, &ok, NULL), EBADF);
	show_err("not a timerfd", timerfd_settime(p[0], 0, &ok, NULL), EINVAL);
	show_err("gettime not a timerfd", timerfd_gettime(p[0], &ok), EINVAL);
	show_err("bad pointer", timerfd_settime(fd, 0, (void *)8, NULL), EFAULT);
	show_err("short read", read(fd, c, sizeof(c)), EINVAL);
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	one_shot();
	interval();
	absolute();
	pollers();
	errors();
	printf("failures: %d\n", failures);
	return failures != 0;
}
