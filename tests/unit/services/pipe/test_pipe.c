/* test_pipe.c: pipes through pipe2 and their file operations: filling and draining,
 * PIPE_BUF atomicity, end of file, EPIPE with SIGPIPE, blocking, and capacity changes. */
#include <limits.h>
#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <fs/file.h>
#include <fs/pipe.h>
#include <signal/signal.h>
#include "ostd_check.h"
#include "../futex/misc_world.h"

#define BIG (PIPE_DEFAULT_SIZE + 3 * PAGE_SIZE)

static struct world_proc *wp;
static uaddr_t ubuf;           /* BIG bytes of user memory */
static struct file *rd, *wr;
static int rfd, wfd;

static void pipe_open(int flags)
{
	uaddr_t fds;
	int kfds[2];

	wp = world_init();
	ubuf = world_user_alloc(wp, BIG / PAGE_SIZE);
	fds = world_user_alloc(wp, 1);
	ck_assert_int_eq(sys_pipe2(uaddr_ptr(fds), flags), 0);
	world_peek(wp, fds, kfds, sizeof(kfds));
	rfd = kfds[0];
	wfd = kfds[1];
	rd = fdtable_get(wp->proc.fdt, rfd);
	wr = fdtable_get(wp->proc.fdt, wfd);
	ck_assert_ptr_nonnull(rd);
	ck_assert_ptr_nonnull(wr);
}

static ssize_t pipe_write_at(size_t off, size_t n)
{
	return wr->ops->write(wr, uaddr_ptr(ubuf + off), n, &wr->pos);
}

static ssize_t pipe_read_at(size_t off, size_t n)
{
	return rd->ops->read(rd, uaddr_ptr(ubuf + off), n, &rd->pos);
}

/* Fills ubuf[off, off+n) with a pattern that depends on the byte's stream position. */
static void pattern_put(size_t off, size_t n, size_t stream_pos)
{
	unsigned char b[256];
	size_t i, k;

	for (i = 0; i < n; i += k) {
		size_t j;

		k = n - i < sizeof(b) ? n - i : sizeof(b);
		for (j = 0; j < k; j++)
			b[j] = (unsigned char)((stream_pos + i + j) * 7 + 3);
		world_poke(wp, ubuf + off + i, b, k);
	}
}

static void pattern_check(size_t off, size_t n, size_t stream_pos)
{
	unsigned char b[256];
	size_t i, k;

	for (i = 0; i < n; i += k) {
		size_t j;

		k = n - i < sizeof(b) ? n - i : sizeof(b);
		world_peek(wp, ubuf + off + i, b, k);
		for (j = 0; j < k; j++)
			ck_assert_uint_eq(b[j], (unsigned char)((stream_pos + i + j) * 7 + 3));
	}
}

BOOTED_TEST(pipe2_rejects_unknown_flags_and_installs_two_fds)
{
	uaddr_t fds;

	pipe_open(O_CLOEXEC | O_NONBLOCK);
	/* The stand-in process has no console: the lowest free fds are 0 and 1. */
	ck_assert_int_eq(rfd, 0);
	ck_assert_int_eq(wfd, 1);
	ck_assert(wp->proc.fdt->cloexec[rfd] && wp->proc.fdt->cloexec[wfd]);
	ck_assert(rd->flags & O_NONBLOCK);
	ck_assert(file_is_pipe(rd) && file_is_pipe(wr));
	ck_assert_int_eq(rd->flags & O_ACCMODE, O_RDONLY);
	ck_assert_int_eq(wr->flags & O_ACCMODE, O_WRONLY);
	fds = world_user_alloc(wp, 1);
	ck_assert_int_eq(sys_pipe2(uaddr_ptr(fds), O_APPEND), -EINVAL);
	ck_assert_int_eq(sys_pipe2(uaddr_ptr(0x1000), 0), -EFAULT);
	/* The failed call left no descriptors behind. */
	ck_assert_ptr_null(fdtable_get(wp->proc.fdt, 2));
	ck_assert_int_eq(sys_pipe(uaddr_ptr(fds)), 0);
	ck_assert_ptr_nonnull(fdtable_get(wp->proc.fdt, 2));
	ck_assert(!wp->proc.fdt->cloexec[2]);
	return 0;
}

BOOTED_TEST(pipe_fills_to_its_capacity_and_drains_in_order)
{
	pipe_open(O_NONBLOCK);
	pattern_put(0, BIG, 0);
	/* More than fits: a partial write of exactly the capacity. */
	ck_assert_int_eq(pipe_write_at(0, BIG), PIPE_DEFAULT_SIZE);
	ck_assert_int_eq(pipe_write_at(0, 1), -EAGAIN);
	ck_assert_int_eq(pipe_read_at(0, 100), 100);
	pattern_check(0, 100, 0);
	/* The ring wraps: 100 more bytes go in after the first 100 left. */
	pattern_put(0, 100, PIPE_DEFAULT_SIZE);
	ck_assert_int_eq(pipe_write_at(0, 100), 100);
	ck_assert_int_eq(pipe_read_at(0, BIG), PIPE_DEFAULT_SIZE);
	pattern_check(0, PIPE_DEFAULT_SIZE, 100);
	ck_assert_int_eq(pipe_read_at(0, 1), -EAGAIN);
	return 0;
}

BOOTED_TEST(pipe_writes_up_to_pipe_buf_are_all_or_nothing)
{
	pipe_open(O_NONBLOCK);
	ck_assert_int_eq(pipe_write_at(0, PIPE_DEFAULT_SIZE - 100), PIPE_DEFAULT_SIZE - 100);
	ck_assert_int_eq(pipe_write_at(0, PIPE_BUF), -EAGAIN);
	ck_assert_int_eq(pipe_write_at(0, 101), -EAGAIN);
	ck_assert_int_eq(pipe_write_at(0, 100), 100);
	ck_assert_int_eq(pipe_read_at(0, 200), 200);
	/* Past PIPE_BUF a write may be split. */
	ck_assert_int_eq(pipe_write_at(0, PIPE_BUF + 1), 200);
	return 0;
}

BOOTED_TEST(pipe_read_after_last_writer_closes_returns_zero)
{
	pipe_open(0);
	ck_assert_int_eq(pipe_write_at(0, 10), 10);
	ck_assert_int_eq(fdtable_close(wp->proc.fdt, wfd), 0);
	ck_assert_int_eq(pipe_read_at(0, 100), 10);
	ck_assert_int_eq(pipe_read_at(0, 100), 0);
	ck_assert_int_eq(pipe_read_at(0, 0), 0);
	return 0;
}

BOOTED_TEST(pipe_write_without_readers_fails_with_epipe_and_sends_sigpipe)
{
	pipe_open(0);
	ck_assert_int_eq(fdtable_close(wp->proc.fdt, rfd), 0);
	ck_assert_int_eq(pipe_write_at(0, 10), -EPIPE);
	ck_assert_int_eq(world_last_signal, SIGPIPE);
	ck_assert_ptr_eq(world_last_signal_thread, thread_current());
	ck_assert_int_eq(world_last_siginfo.si_code, SI_USER);
	ck_assert_int_eq(world_last_siginfo.u.kill.pid, WORLD_PID);
	return 0;
}

static void reader_main(struct thread *t, void *arg)
{
	ssize_t *result = arg;

	*result = pipe_read_at(BIG - 64, 64);
}

BOOTED_TEST(pipe_read_blocks_until_a_writer_writes)
{
	ssize_t result = 1234;

	pipe_open(0);
	world_thread_spawn(wp, reader_main, &result);
	world_settle();
	ck_assert_int_eq(result, 1234);
	pattern_put(0, 5, 0);
	ck_assert_int_eq(pipe_write_at(0, 5), 5);
	world_settle();
	ck_assert_int_eq(result, 5);
	pattern_check(BIG - 64, 5, 0);
	return 0;
}

static void writer_main(struct thread *t, void *arg)
{
	ssize_t *result = arg;

	*result = pipe_write_at(0, PIPE_BUF);
}

BOOTED_TEST(pipe_write_blocks_until_room_and_closing_the_reader_ends_it)
{
	ssize_t result[2] = { 1234, 1234 };

	pipe_open(0);
	ck_assert_int_eq(pipe_write_at(0, PIPE_DEFAULT_SIZE - 10), PIPE_DEFAULT_SIZE - 10);
	world_thread_spawn(wp, writer_main, &result[0]);
	world_settle();
	ck_assert_int_eq(result[0], 1234);
	ck_assert_int_eq(pipe_read_at(0, PIPE_BUF), PIPE_BUF);
	world_settle();
	ck_assert_int_eq(result[0], PIPE_BUF);
	/* Full again; a second writer sleeps until the read end goes. */
	world_thread_spawn(wp, writer_main, &result[1]);
	world_settle();
	ck_assert_int_eq(result[1], 1234);
	ck_assert_int_eq(fdtable_close(wp->proc.fdt, rfd), 0);
	world_settle();
	ck_assert_int_eq(result[1], -EPIPE);
	return 0;
}

BOOTED_TEST(pipe_sleep_interrupted_by_a_signal_asks_for_a_restart)
{
	ssize_t result = 1234;
	struct thread *t;

	pipe_open(0);
	t = world_thread_spawn(wp, reader_main, &result);
	world_settle();
	world_interrupt(t);
	world_settle();
	ck_assert_int_eq(result, -ERESTARTSYS);
	return 0;
}

BOOTED_TEST(pipe_size_rounds_up_and_refuses_to_drop_data)
{
	pipe_open(O_NONBLOCK);
	ck_assert_int_eq(pipe_fcntl_size(rd, false, 0), PIPE_DEFAULT_SIZE);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, 5000), 8192);
	ck_assert_int_eq(pipe_fcntl_size(rd, false, 0), 8192);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, 0), PAGE_SIZE);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, 3 * PAGE_SIZE), 4 * PAGE_SIZE);
	/* Wrap the data around the ring, then move it into a new one. */
	pattern_put(0, 3 * PAGE_SIZE, 0);
	ck_assert_int_eq(pipe_write_at(0, 3 * PAGE_SIZE), 3 * PAGE_SIZE);
	ck_assert_int_eq(pipe_read_at(0, 2 * PAGE_SIZE), 2 * PAGE_SIZE);
	pattern_put(0, 2 * PAGE_SIZE, 3 * PAGE_SIZE);
	ck_assert_int_eq(pipe_write_at(0, 2 * PAGE_SIZE), 2 * PAGE_SIZE);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, PAGE_SIZE), -EBUSY);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, PIPE_MAX_SIZE * 2), -EPERM);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, 1ul << 32), -EINVAL);
	ck_assert_int_eq(pipe_fcntl_size(wr, true, PIPE_MAX_SIZE), PIPE_MAX_SIZE);
	ck_assert_int_eq(pipe_read_at(0, BIG), 3 * PAGE_SIZE);
	pattern_check(0, 3 * PAGE_SIZE, 2 * PAGE_SIZE);
	ck_assert_int_eq(pipe_fcntl_size(rd, true, PAGE_SIZE), PAGE_SIZE);
	return 0;
}

BOOTED_TEST(pipe_fcntl_size_on_another_file_is_ebadf)
{
	static const struct file_ops other_ops = { 0 };
	struct file *other;

	pipe_open(0);
	other = file_alloc(&other_ops, NULL, 0);
	ck_assert_ptr_nonnull(other);
	ck_assert_int_eq(pipe_fcntl_size(other, false, 0), -EBADF);
	ck_assert(!file_is_pipe(other));
	file_put(other);
	return 0;
}

BOOTED_TEST(pipe_fionread_and_fstat_describe_a_fifo)
{
	struct stat st;
	int n;

	pipe_open(0);
	ck_assert_int_eq(pipe_write_at(0, 42), 42);
	ck_assert_int_eq(rd->ops->ioctl(rd, FIONREAD, ubuf), 0);
	world_peek(wp, ubuf, &n, sizeof(n));
	ck_assert_int_eq(n, 42);
	ck_assert_int_eq(rd->ops->ioctl(rd, FIONREAD, 0x1000), -EFAULT);
	ck_assert_int_eq(rd->ops->ioctl(rd, 0x5401, ubuf), -ENOTTY);
	ck_assert_int_eq(rd->ops->fstat(rd, &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFIFO | 0600);
	ck_assert_int_eq(st.st_blksize, 4096);
	ck_assert_int_eq(wr->ops->lseek(wr, 0, SEEK_SET), -ESPIPE);
	return 0;
}

BOOTED_TEST(pipe_write_from_a_bad_buffer_is_efault)
{
	pipe_open(0);
	ck_assert_int_eq(wr->ops->write(wr, uaddr_ptr(0x1000), 10, &wr->pos), -EFAULT);
	ck_assert_int_eq(pipe_write_at(0, 10), 10);
	ck_assert_int_eq(rd->ops->read(rd, uaddr_ptr(0x1000), 10, &rd->pos), -EFAULT);
	ck_assert_int_eq(pipe_read_at(0, 10), 10);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("pipe");
	TCase *tc = tcase_create("pipe");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, pipe2_rejects_unknown_flags_and_installs_two_fds);
	tcase_add_test(tc, pipe_fills_to_its_capacity_and_drains_in_order);
	tcase_add_test(tc, pipe_writes_up_to_pipe_buf_are_all_or_nothing);
	tcase_add_test(tc, pipe_read_after_last_writer_closes_returns_zero);
	tcase_add_test(tc, pipe_write_without_readers_fails_with_epipe_and_sends_sigpipe);
	tcase_add_test(tc, pipe_read_blocks_until_a_writer_writes);
	tcase_add_test(tc, pipe_write_blocks_until_room_and_closing_the_reader_ends_it);
	tcase_add_test(tc, pipe_sleep_interrupted_by_a_signal_asks_for_a_restart);
	tcase_add_test(tc, pipe_size_rounds_up_and_refuses_to_drop_data);
	tcase_add_test(tc, pipe_fcntl_size_on_another_file_is_ebadf);
	tcase_add_test(tc, pipe_fionread_and_fstat_describe_a_fifo);
	tcase_add_test(tc, pipe_write_from_a_bad_buffer_is_efault);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
