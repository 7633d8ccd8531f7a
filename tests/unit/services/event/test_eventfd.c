/* test_eventfd.c: eventfd counters: counting and semaphore reads, non-blocking and
 * blocking waits on both sides, the overflow limit, poll readiness and bad arguments. */
#include <abi/eventfd.h>
#include <abi/poll.h>
#include <event/eventfd.h>
#include <fs/poll.h>
#include <signal/signal.h>
#include "event_test.h"

static short poll_now(int fd, short events)
{
	struct pollfd p = { fd, events, 0 };

	poke(ubuf + EV_IN, &p, sizeof(p));
	ck_assert_int_ge(sys_poll(uaddr_ptr(ubuf + EV_IN), 1, 0), 0);
	peek(ubuf + EV_IN, &p, sizeof(p));
	return p.revents;
}

BOOTED_TEST(eventfd_read_takes_the_whole_count_and_writes_add_to_it)
{
	uint64_t v;
	int fd;

	world_open();
	fd = (int)sys_eventfd(3);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fd_put_u64(fd, 4), 8);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(sys_fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	ck_assert_int_eq(fd_take_u64(fd, &v), -EAGAIN);
	world_close();
	return 0;
}

BOOTED_TEST(eventfd_semaphore_reads_one_at_a_time)
{
	uint64_t v;
	int fd;

	world_open();
	fd = (int)sys_eventfd2(2, EFD_SEMAPHORE | EFD_NONBLOCK);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 1);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 1);
	ck_assert_int_eq(fd_take_u64(fd, &v), -EAGAIN);
	world_close();
	return 0;
}

BOOTED_TEST(eventfd_write_past_the_maximum_would_block)
{
	uint64_t v;
	int fd;

	world_open();
	fd = (int)sys_eventfd2(0, EFD_NONBLOCK);
	ck_assert_int_eq(fd_put_u64(fd, EVENTFD_COUNT_MAX), 8);
	ck_assert_int_eq(poll_now(fd, POLLIN | POLLOUT), POLLIN);
	ck_assert_int_eq(fd_put_u64(fd, 1), -EAGAIN);
	/* Adding zero always fits. */
	ck_assert_int_eq(fd_put_u64(fd, 0), 8);
	ck_assert_int_eq(fd_put_u64(fd, UINT64_MAX), -EINVAL);
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, EVENTFD_COUNT_MAX);
	ck_assert_int_eq(poll_now(fd, POLLIN | POLLOUT), POLLOUT);
	world_close();
	return 0;
}

BOOTED_TEST(eventfd_rejects_short_buffers_bad_pointers_and_bad_flags)
{
	int fd;

	world_open();
	fd = (int)sys_eventfd2(1, 0);
	ck_assert_int_eq(fd_take(fd, NULL, 7), -EINVAL);
	ck_assert_int_eq(fd_put(fd, "1234567", 7), -EINVAL);
	ck_assert_int_eq(sys_write(fd, uaddr_ptr(SVC_BAD_PTR), 8), -EFAULT);
	ck_assert_int_eq(sys_read(fd, uaddr_ptr(SVC_BAD_PTR), 8), -EFAULT);
	/* A failed read took nothing. */
	ck_assert_int_eq(poll_now(fd, POLLIN), POLLIN);
	ck_assert_int_eq(sys_eventfd2(0, 0x10), -EINVAL);
	ck_assert_int_eq(sys_lseek(fd, 5, 0), 0);
	world_close();
	return 0;
}

BOOTED_TEST(eventfd_cloexec_marks_the_descriptor)
{
	int fd;

	world_open();
	fd = (int)sys_eventfd2(0, EFD_CLOEXEC);
	ck_assert(proc->fdt->cloexec[fd]);
	world_close();
	return 0;
}

static void eventfd_writer_task(void *arg)
{
	uint64_t v = 5;

	ck_assert_int_eq(task_file_write(arg, &v, sizeof(v)), 8);
}

BOOTED_TEST(eventfd_read_sleeps_until_another_task_writes)
{
	uint64_t v;
	int fd;

	world_open();
	fd = (int)sys_eventfd(0);
	ck_assert_ptr_nonnull(task_spawn(eventfd_writer_task, fdtable_get(proc->fdt, fd)));
	ck_assert_int_eq(fd_take_u64(fd, &v), 8);
	ck_assert_uint_eq(v, 5);
	world_close();
	return 0;
}

static void signal_task(void *arg)
{
	signal_send_thread(arg, SIGUSR1, NULL);
}

BOOTED_TEST(eventfd_read_interrupted_by_a_signal_asks_for_a_restart)
{
	uint64_t v;
	int fd;

	world_open();
	fd = (int)sys_eventfd(0);
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(fd_take_u64(fd, &v), -ERESTARTSYS);
	world_close();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("eventfd");
	TCase *tc = tcase_create("eventfd");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, eventfd_read_takes_the_whole_count_and_writes_add_to_it);
	tcase_add_test(tc, eventfd_semaphore_reads_one_at_a_time);
	tcase_add_test(tc, eventfd_write_past_the_maximum_would_block);
	tcase_add_test(tc, eventfd_rejects_short_buffers_bad_pointers_and_bad_flags);
	tcase_add_test(tc, eventfd_cloexec_marks_the_descriptor);
	tcase_add_test(tc, eventfd_read_sleeps_until_another_task_writes);
	tcase_add_test(tc, eventfd_read_interrupted_by_a_signal_asks_for_a_restart);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
