/* test_epoll.c: epoll over pipes and eventfds: level- and edge-triggered reports,
 * one-shot, removal (by DEL and by closing the file), nesting, sleeping, timeouts,
 * signals, and the errors Linux gives for bad arguments. */
#include <abi/epoll.h>
#include <abi/signal.h>
#include <event/epoll.h>
#include <event/eventfd.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>
#include "event_test.h"

static long ep_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { events, data };

	poke(ubuf + EV_IN, &ev, sizeof(ev));
	return sys_epoll_ctl(epfd, op, fd, uaddr_ptr(ubuf + EV_IN));
}

/* Waits for up to max (<= 8) events into out. */
static long ep_wait(int epfd, int max, int timeout_ms, struct epoll_event *out)
{
	long n = sys_epoll_wait(epfd, uaddr_ptr(ubuf + EV_OUT), max, timeout_ms);

	if (n > 0)
		peek(ubuf + EV_OUT, out, (size_t)n * sizeof(*out));
	return n;
}

static int ep_new(void)
{
	long fd = sys_epoll_create1(0);

	ck_assert_int_ge(fd, 0);
	return (int)fd;
}

BOOTED_TEST(epoll_level_triggered_reports_a_pipe_until_it_is_drained)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 42), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	ck_assert_int_eq(fd_put(wfd, "ab", 2), 2);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].events, EPOLLIN);
	ck_assert_uint_eq(ev[0].data, 42);
	/* Still readable: reported again. */
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_int_eq(fd_take(rfd, NULL, 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_int_eq(fd_take(rfd, NULL, 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_edge_triggered_reports_each_write_once)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN | EPOLLET, 7), 0);
	ck_assert_int_eq(fd_put(wfd, "a", 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].events, EPOLLIN);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	/* New data is a new edge even though the pipe never stopped being readable. */
	ck_assert_int_eq(fd_put(wfd, "b", 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	ck_assert_int_eq(fd_take(rfd, NULL, 8), 2);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_oneshot_reports_once_until_mod_rearms_it)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN | EPOLLONESHOT, 1), 0);
	ck_assert_int_eq(fd_put(wfd, "a", 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	ck_assert_int_eq(fd_put(wfd, "b", 1), 1);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	/* Still registered: ADD fails, MOD re-arms and the pending data shows at once. */
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), -EEXIST);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_MOD, rfd, EPOLLIN | EPOLLONESHOT, 2), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].data, 2);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_del_stops_reports_and_a_second_del_is_enoent)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), 0);
	ck_assert_int_eq(fd_put(wfd, "a", 1), 1);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_DEL, rfd, 0, 0), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_DEL, rfd, 0, 0), -ENOENT);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_MOD, rfd, EPOLLIN, 0), -ENOENT);
	/* DEL needs no event: a bad pointer does not matter. */
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), 0);
	ck_assert_int_eq(sys_epoll_ctl(ep, EPOLL_CTL_DEL, rfd, uaddr_ptr(SVC_BAD_PTR)), 0);
	ck_assert_int_eq(fd_put(wfd, "b", 1), 1);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_ctl_rejects_what_linux_rejects)
{
	int ep, ep2, opath;

	world_open();
	ep = ep_new();
	ep2 = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, 99, EPOLLIN, 0), -EBADF);
	ck_assert_int_eq(ep_ctl(99, EPOLL_CTL_ADD, rfd, EPOLLIN, 0), -EBADF);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, reg_fd, EPOLLIN, 0), -EPERM);
	opath = (int)sys_openat(AT_FDCWD, uaddr_ptr(svc_user_string(proc, "/file")), O_PATH, 0);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, opath, EPOLLIN, 0), -EBADF);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0), -EINVAL);
	ck_assert_int_eq(ep_ctl(rfd, EPOLL_CTL_ADD, wfd, EPOLLIN, 0), -EINVAL);
	ck_assert_int_eq(ep_ctl(ep, 99, rfd, EPOLLIN, 0), -EINVAL);
	ck_assert_int_eq(sys_epoll_ctl(ep, EPOLL_CTL_ADD, rfd, uaddr_ptr(SVC_BAD_PTR)),
			 -EFAULT);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN | EPOLLEXCLUSIVE | EPOLLPRI, 0),
			 -EINVAL);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN | EPOLLEXCLUSIVE, 0), 0);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_MOD, rfd, EPOLLIN, 0), -EINVAL);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, ep2, EPOLLIN, 0), 0);
	ck_assert_int_eq(ep_ctl(ep2, EPOLL_CTL_ADD, ep, EPOLLIN, 0), -ELOOP);
	ck_assert_int_eq(sys_epoll_create(0), -EINVAL);
	ck_assert_int_eq(sys_epoll_create1(1), -EINVAL);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_closing_the_file_removes_its_registration)
{
	struct epoll_event ev[8];
	int ep, dupfd;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), 0);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, wfd, EPOLLOUT, 2), 0);
	/* A duplicate keeps the file open: the registration stays. */
	dupfd = (int)sys_dup(wfd);
	ck_assert_int_eq(sys_close(wfd), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].data, 2);
	/* The last descriptor gone, the write end is freed and its item with it; the
	 * read end, still registered, now hangs up. */
	ck_assert_int_eq(sys_close(dupfd), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].data, 1);
	ck_assert_uint_eq(ev[0].events, EPOLLHUP);
	ck_assert_int_eq(sys_close(rfd), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_closing_the_instance_unhooks_every_item)
{
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), 0);
	ck_assert_int_eq(sys_close(ep), 0);
	/* A write wakes the pipe's watchers: none is left to touch freed memory. */
	ck_assert_int_eq(fd_put(wfd, "a", 1), 1);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_reports_err_and_hup_without_asking)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, wfd, 0, 5), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	ck_assert_int_eq(sys_close(rfd), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].events, EPOLLERR);
	world_close();
	return 0;
}

static void pipe_writer_task(void *arg)
{
	ck_assert_int_eq(task_file_write(arg, "w", 1), 1);
}

BOOTED_TEST(epoll_wait_sleeps_until_another_task_writes)
{
	struct epoll_event ev[8];
	uint64_t start;
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 3), 0);
	start = clock_monotonic_ns();
	ck_assert_ptr_nonnull(task_spawn(pipe_writer_task, fdtable_get(proc->fdt, wfd)));
	ck_assert_int_eq(ep_wait(ep, 8, -1, ev), 1);
	ck_assert_uint_eq(ev[0].data, 3);
	ck_assert_uint_eq(clock_monotonic_ns(), start);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_wait_times_out_on_the_virtual_clock)
{
	struct epoll_event ev[8];
	uint64_t start;
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 3), 0);
	start = clock_monotonic_ns();
	ck_assert_int_eq(ep_wait(ep, 8, 120, ev), 0);
	ck_assert_uint_ge(clock_monotonic_ns() - start, 120 * MS);
	ck_assert_uint_lt(clock_monotonic_ns() - start, 130 * MS);
	world_close();
	return 0;
}

static void signal_task(void *arg)
{
	signal_send_thread(arg, SIGUSR1, NULL);
}

BOOTED_TEST(epoll_wait_interrupted_by_a_signal_returns_eintr)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 3), 0);
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(ep_wait(ep, 8, -1, ev), -EINTR);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_pwait_blocks_signals_for_the_call_only)
{
	kernel_sigset_t all = ~0ull;
	struct thread *t;
	int ep;

	world_open();
	t = thread_current();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, rfd, EPOLLIN, 3), 0);
	ck_assert_int_eq(signal_send_thread(t, SIGUSR1, NULL), 0);
	t->sigmask = 0;
	poke(ubuf + EV_IN, &all, sizeof(all));
	/* Blocked by the call's mask: it times out, and the old mask is back after. */
	ck_assert_int_eq(sys_epoll_pwait(ep, uaddr_ptr(ubuf + EV_OUT), 8, 10,
					 uaddr_ptr(ubuf + EV_IN), sizeof(kernel_sigset_t)), 0);
	ck_assert_uint_eq(t->sigmask, 0);
	ck_assert(!t->restore_sigmask);
	/* Unblocked, the pending signal interrupts; delivery restores the mask. */
	ck_assert_int_eq(sys_epoll_pwait(ep, uaddr_ptr(ubuf + EV_OUT), 8, 10,
					 uaddr_ptr(ubuf + EV_IN + 64), sizeof(kernel_sigset_t)),
			 -EINTR);
	ck_assert_int_eq(sys_epoll_pwait(ep, uaddr_ptr(ubuf + EV_OUT), 8, 10,
					 uaddr_ptr(ubuf + EV_IN), 4), -EINVAL);
	ck_assert_int_eq(sys_epoll_pwait(ep, uaddr_ptr(ubuf + EV_OUT), 8, 10,
					 uaddr_ptr(SVC_BAD_PTR), 8), -EFAULT);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_pwait2_takes_a_timespec_and_rejects_bad_ones)
{
	struct timespec ts = { 0, 50 * MS }, bad = { 0, 1000000000 };
	uint64_t start;
	int ep;

	world_open();
	ep = ep_new();
	poke(ubuf + EV_IN, &ts, sizeof(ts));
	poke(ubuf + EV_IN + 64, &bad, sizeof(bad));
	start = clock_monotonic_ns();
	ck_assert_int_eq(sys_epoll_pwait2(ep, uaddr_ptr(ubuf + EV_OUT), 8,
					  uaddr_ptr(ubuf + EV_IN), NULL, 0), 0);
	ck_assert_uint_ge(clock_monotonic_ns() - start, 50 * MS);
	ck_assert_int_eq(sys_epoll_pwait2(ep, uaddr_ptr(ubuf + EV_OUT), 8,
					  uaddr_ptr(ubuf + EV_IN + 64), NULL, 0), -EINVAL);
	ck_assert_int_eq(sys_epoll_pwait2(ep, uaddr_ptr(ubuf + EV_OUT), 8,
					  uaddr_ptr(SVC_BAD_PTR), NULL, 0), -EFAULT);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_wait_rejects_bad_counts_descriptors_and_buffers)
{
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf), 0, 0), -EINVAL);
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf), -1, 0), -EINVAL);
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf), 0x7fffffff, 0), -EINVAL);
	ck_assert_int_eq(sys_epoll_wait(99, uaddr_ptr(ubuf), 1, 0), -EBADF);
	ck_assert_int_eq(sys_epoll_wait(rfd, uaddr_ptr(ubuf), 1, 0), -EINVAL);
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, wfd, EPOLLOUT, 1), 0);
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(SVC_BAD_PTR), 1, 0), -EFAULT);
	/* The item was not lost to the fault. */
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf), 1, 0), 1);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_reports_at_most_maxevents_and_the_rest_next_time)
{
	struct epoll_event ev[8];
	int ep, efd[3], i;

	world_open();
	ep = ep_new();
	for (i = 0; i < 3; i++) {
		efd[i] = (int)sys_eventfd2(1, 0);
		ck_assert_int_ge(efd[i], 0);
		ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, efd[i], EPOLLIN | EPOLLET, 10 + i),
				 0);
	}
	ck_assert_int_eq(ep_wait(ep, 2, 0, ev), 2);
	ck_assert_int_eq(ep_wait(ep, 2, 0, ev), 1);
	ck_assert_int_eq(ep_wait(ep, 2, 0, ev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_nested_instance_is_readable_when_the_inner_one_is)
{
	struct epoll_event ev[8];
	int outer, inner;

	world_open();
	outer = ep_new();
	inner = ep_new();
	ck_assert_int_eq(ep_ctl(inner, EPOLL_CTL_ADD, rfd, EPOLLIN, 1), 0);
	ck_assert_int_eq(ep_ctl(outer, EPOLL_CTL_ADD, inner, EPOLLIN, 2), 0);
	ck_assert_int_eq(ep_wait(outer, 8, 0, ev), 0);
	ck_assert_int_eq(fd_put(wfd, "x", 1), 1);
	ck_assert_int_eq(ep_wait(outer, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].data, 2);
	ck_assert_uint_eq(ev[0].events, EPOLLIN);
	ck_assert_int_eq(ep_wait(inner, 8, 0, ev), 1);
	ck_assert_uint_eq(ev[0].data, 1);
	ck_assert_int_eq(fd_take(rfd, NULL, 1), 1);
	ck_assert_int_eq(ep_wait(outer, 8, 0, ev), 0);
	/* Closing the inner instance drops it from the outer one. */
	ck_assert_int_eq(sys_close(inner), 0);
	ck_assert_int_eq(fd_put(wfd, "y", 1), 1);
	ck_assert_int_eq(ep_wait(outer, 8, 0, ev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(epoll_watches_the_console_by_polling_it)
{
	struct epoll_event ev[8];
	int ep;

	world_open();
	ep = ep_new();
	ck_assert_int_eq(ep_ctl(ep, EPOLL_CTL_ADD, 0, EPOLLIN, 9), 0);
	ck_assert_int_eq(ep_wait(ep, 8, 0, ev), 0);
	hal_test_console_feed("k\n", 2);
	ck_assert_int_eq(ep_wait(ep, 8, 50, ev), 1);
	ck_assert_uint_eq(ev[0].data, 9);
	world_close();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("epoll");
	TCase *tc = tcase_create("epoll");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, epoll_level_triggered_reports_a_pipe_until_it_is_drained);
	tcase_add_test(tc, epoll_edge_triggered_reports_each_write_once);
	tcase_add_test(tc, epoll_oneshot_reports_once_until_mod_rearms_it);
	tcase_add_test(tc, epoll_del_stops_reports_and_a_second_del_is_enoent);
	tcase_add_test(tc, epoll_ctl_rejects_what_linux_rejects);
	tcase_add_test(tc, epoll_closing_the_file_removes_its_registration);
	tcase_add_test(tc, epoll_closing_the_instance_unhooks_every_item);
	tcase_add_test(tc, epoll_reports_err_and_hup_without_asking);
	tcase_add_test(tc, epoll_wait_sleeps_until_another_task_writes);
	tcase_add_test(tc, epoll_wait_times_out_on_the_virtual_clock);
	tcase_add_test(tc, epoll_wait_interrupted_by_a_signal_returns_eintr);
	tcase_add_test(tc, epoll_pwait_blocks_signals_for_the_call_only);
	tcase_add_test(tc, epoll_pwait2_takes_a_timespec_and_rejects_bad_ones);
	tcase_add_test(tc, epoll_wait_rejects_bad_counts_descriptors_and_buffers);
	tcase_add_test(tc, epoll_reports_at_most_maxevents_and_the_rest_next_time);
	tcase_add_test(tc, epoll_nested_instance_is_readable_when_the_inner_one_is);
	tcase_add_test(tc, epoll_watches_the_console_by_polling_it);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
