/* test_timerfd.c: timerfds on the virtual clock: one-shot and periodic expirations,
 * absolute times on both clocks, gettime, disarming, waking readers, pollers and epoll,
 * and the errors for bad arguments. struct itimerspec, the clock ids and the TFD_* flags
 * come from the host's headers (Check pulls in its struct timespec): the same ABI. */
#include <sys/timerfd.h>
#include <abi/epoll.h>
#include <abi/poll.h>
#include <event/epoll.h>
#include <event/timerfd.h>
#include <fs/poll.h>
#include "event_test.h"

static struct timespec ns_ts(uint64_t ns)
{
	return (struct timespec){ (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC) };
}

static uint64_t ts_ns(struct timespec ts)
{
	return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

static long tfd_set(int fd, int flags, uint64_t value, uint64_t interval)
{
	struct itimerspec its = { ns_ts(interval), ns_ts(value) };

	poke(ubuf + EV_IN, &its, sizeof(its));
	return sys_timerfd_settime(fd, flags, uaddr_ptr(ubuf + EV_IN), NULL);
}

static struct itimerspec tfd_get(int fd)
{
	struct itimerspec its;

	ck_assert_int_eq(sys_timerfd_gettime(fd, uaddr_ptr(ubuf + EV_OUT)), 0);
	peek(ubuf + EV_OUT, &its, sizeof(its));
	return its;
}

static int tfd_new(int clockid, int flags)
{
	long fd = sys_timerfd_create(clockid, flags);

	ck_assert_int_ge(fd, 0);
	return (int)fd;
}

BOOTED_TEST(timerfd_read_sleeps_until_a_one_shot_expires_and_counts_one)
{
	uint64_t start, v;
	int fd;

	world_open();
	fd = tfd_new(CLOCK_MONOTONIC, 0);
	start = clock_monotonic_ns();
	ck_assert_int_eq(tfd_set(fd, 0, 30 * MS, 0), 0);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 1);
	ck_assert_uint_eq(clock_monotonic_ns() - start, 30 * MS);
	/* Spent: nothing more comes, and gettime shows it disarmed. */
	ck_assert_uint_eq(ts_ns(tfd_get(fd).it_value), 0);
	world_close();
	return 0;
}

BOOTED_TEST(timerfd_interval_counts_every_period_that_passed)
{
	uint64_t v;
	int fd;

	world_open();
	fd = tfd_new(CLOCK_BOOTTIME, TFD_NONBLOCK);
	ck_assert_int_eq(tfd_set(fd, 0, 10 * MS, 10 * MS), 0);
	ck_assert_int_eq(fd_take_u64(fd, &v), -EAGAIN);
	hal_test_clock_advance(35 * MS);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 3);
	ck_assert_uint_eq(ts_ns(tfd_get(fd).it_value), 5 * MS);
	ck_assert_uint_eq(ts_ns(tfd_get(fd).it_interval), 10 * MS);
	hal_test_clock_advance(5 * MS);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 1);
	world_close();
	return 0;
}

BOOTED_TEST(timerfd_settime_returns_the_old_setting_and_zero_disarms)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } }, old;
	uint64_t v;
	int fd;

	world_open();
	fd = tfd_new(CLOCK_MONOTONIC, TFD_NONBLOCK);
	ck_assert_int_eq(tfd_set(fd, 0, 50 * MS, 20 * MS), 0);
	hal_test_clock_advance(10 * MS);
	poke(ubuf + EV_IN, &its, sizeof(its));
	ck_assert_int_eq(sys_timerfd_settime(fd, 0, uaddr_ptr(ubuf + EV_IN),
					     uaddr_ptr(ubuf + EV_OUT)), 0);
	peek(ubuf + EV_OUT, &old, sizeof(old));
	ck_assert_uint_eq(ts_ns(old.it_value), 40 * MS);
	ck_assert_uint_eq(ts_ns(old.it_interval), 20 * MS);
	hal_test_clock_advance(100 * MS);
	ck_assert_int_eq(fd_take_u64(fd, &v), -EAGAIN);
	ck_assert_uint_eq(ts_ns(tfd_get(fd).it_interval), 0);
	world_close();
	return 0;
}

BOOTED_TEST(timerfd_absolute_times_follow_the_timers_clock)
{
	uint64_t v;
	int mono, real;

	world_open();
	mono = tfd_new(CLOCK_MONOTONIC, TFD_NONBLOCK);
	real = tfd_new(CLOCK_REALTIME, TFD_NONBLOCK);
	hal_test_clock_advance(100 * MS);
	/* Already passed: expires at once. */
	ck_assert_int_eq(tfd_set(mono, TFD_TIMER_ABSTIME, 50 * MS, 0), 0);
	ck_assert_int_eq(fd_take_u64(mono, &v), 8);
	ck_assert_uint_eq(v, 1);
	ck_assert_int_eq(tfd_set(real, TFD_TIMER_ABSTIME, clock_realtime_ns() + 20 * MS, 0), 0);
	ck_assert_uint_eq(ts_ns(tfd_get(real).it_value), 20 * MS);
	ck_assert_int_eq(fd_take_u64(real, &v), -EAGAIN);
	hal_test_clock_advance(20 * MS);
	ck_assert_int_eq(fd_take_u64(real, &v), 8);
	world_close();
	return 0;
}

BOOTED_TEST(timerfd_expiry_wakes_poll_and_epoll)
{
	struct pollfd p = { 0, POLLIN, 0 };
	struct epoll_event ev = { EPOLLIN, 77 };
	uint64_t start;
	int fd, ep;

	world_open();
	fd = tfd_new(CLOCK_MONOTONIC, 0);
	p.fd = fd;
	start = clock_monotonic_ns();
	ck_assert_int_eq(tfd_set(fd, 0, 15 * MS, 0), 0);
	poke(ubuf + EV_DATA, &p, sizeof(p));
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf + EV_DATA), 1, -1), 1);
	ck_assert_uint_eq(clock_monotonic_ns() - start, 15 * MS);
	ck_assert_int_eq(tfd_set(fd, 0, 15 * MS, 0), 0);
	ep = (int)sys_epoll_create1(0);
	poke(ubuf + EV_DATA, &ev, sizeof(ev));
	ck_assert_int_eq(sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, uaddr_ptr(ubuf + EV_DATA)), 0);
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf + EV_OUT), 4, -1), 1);
	ck_assert_uint_eq(clock_monotonic_ns() - start, 30 * MS);
	world_close();
	return 0;
}

BOOTED_TEST(timerfd_rejects_bad_clocks_flags_times_and_descriptors)
{
	struct itimerspec bad = { { 0, 0 }, { 0, NSEC_PER_SEC } };
	int fd;

	world_open();
	ck_assert_int_eq(sys_timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), -EINVAL);
	ck_assert_int_eq(sys_timerfd_create(99, 0), -EINVAL);
	ck_assert_int_eq(sys_timerfd_create(CLOCK_MONOTONIC, 1), -EINVAL);
	fd = tfd_new(CLOCK_MONOTONIC, TFD_CLOEXEC);
	ck_assert(proc->fdt->cloexec[fd]);
	ck_assert_int_eq(tfd_set(fd, 4, 1, 0), -EINVAL);
	ck_assert_int_eq(tfd_set(99, 0, 1, 0), -EBADF);
	ck_assert_int_eq(tfd_set(rfd, 0, 1, 0), -EINVAL);
	poke(ubuf + EV_IN, &bad, sizeof(bad));
	ck_assert_int_eq(sys_timerfd_settime(fd, 0, uaddr_ptr(ubuf + EV_IN), NULL), -EINVAL);
	ck_assert_int_eq(sys_timerfd_settime(fd, 0, uaddr_ptr(SVC_BAD_PTR), NULL), -EFAULT);
	ck_assert_int_eq(sys_timerfd_gettime(fd, uaddr_ptr(SVC_BAD_PTR)), -EFAULT);
	ck_assert_int_eq(sys_timerfd_gettime(wfd, uaddr_ptr(ubuf)), -EINVAL);
	ck_assert_int_eq(fd_take(fd, NULL, 4), -EINVAL);
	/* An armed timer closed before it fires leaves nothing behind. */
	ck_assert_int_eq(tfd_set(fd, 0, 10 * MS, 10 * MS), 0);
	ck_assert_int_eq(sys_close(fd), 0);
	hal_test_clock_advance(50 * MS);
	world_close();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("timerfd");
	TCase *tc = tcase_create("timerfd");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, timerfd_read_sleeps_until_a_one_shot_expires_and_counts_one);
	tcase_add_test(tc, timerfd_interval_counts_every_period_that_passed);
	tcase_add_test(tc, timerfd_settime_returns_the_old_setting_and_zero_disarms);
	tcase_add_test(tc, timerfd_absolute_times_follow_the_timers_clock);
	tcase_add_test(tc, timerfd_expiry_wakes_poll_and_epoll);
	tcase_add_test(tc, timerfd_rejects_bad_clocks_flags_times_and_descriptors);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
