/* test_poll.c: poll, ppoll, select and pselect6 over every kind of file: pipes, the
 * console, ramfs files and directories, character devices; blocking, timeouts on the
 * virtual clock, signals, and hostile arguments. */
#include <ostd/errno.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <abi/fcntl.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <fs/chardev.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/pipe.h>
#include <fs/poll.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>
#include "../services_test.h"

/* struct timespec and timeval come from the host headers Check pulls in: the same layout
 * as abi/time.h on x86-64. */

enum { NR_OPEN = 2, NR_CLOSE = 3 };

#define MS 1000000ull

static struct process *proc;
static uaddr_t ubuf;                    /* a page of scratch user memory */
static int rfd, wfd;                    /* a pipe */
static int motd_fd, etc_fd, null_fd;

static void poke(uaddr_t va, const void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, va, buf, n), 0);
}

static void peek(uaddr_t va, void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_from(proc->mm->vs, buf, va, n), 0);
}

static int open_path(const char *path, int flags)
{
	long fd = SVC3(NR_OPEN, svc_user_string(proc, path), flags, 0);

	ck_assert_int_ge(fd, 0);
	return (int)fd;
}

/* A process with /etc/motd, /dev/null and a pipe open; the thread knows its task so that
 * signals can kick its sleeps. */
static void world_open(void)
{
	struct inode *etc, *dev, *f;
	int fds[2];

	proc = svc_process_new();
	thread_current()->task = task_current();
	ck_assert_int_eq(ramfs_create(proc->root, "etc", 3, S_IFDIR | 0755, &etc), 0);
	ck_assert_int_eq(ramfs_create(etc, "motd", 4, S_IFREG | 0644, &f), 0);
	ck_assert_int_eq(ramfs_set_data(f, "hello", 5), 0);
	ck_assert_int_eq(ramfs_create(proc->root, "dev", 3, S_IFDIR | 0755, &dev), 0);
	chardev_populate(dev);
	ubuf = svc_user_alloc(proc, PAGE_SIZE);
	ck_assert_int_eq(sys_pipe2(uaddr_ptr(ubuf), 0), 0);
	peek(ubuf, fds, sizeof(fds));
	rfd = fds[0];
	wfd = fds[1];
	motd_fd = open_path("/etc/motd", O_RDWR);
	etc_fd = open_path("/etc", O_RDONLY | O_DIRECTORY);
	null_fd = open_path("/dev/null", O_RDWR);
}

static void world_close(void)
{
	svc_process_free(proc);
}

/* Polls one descriptor for events with a timeout: the return value, and its revents. */
static long poll_one(int fd, short events, int timeout_ms, short *revents)
{
	struct pollfd pfd = { fd, events, 0x5555 };
	long r;

	poke(ubuf, &pfd, sizeof(pfd));
	r = sys_poll(uaddr_ptr(ubuf), 1, timeout_ms);
	peek(ubuf, &pfd, sizeof(pfd));
	*revents = pfd.revents;
	return r;
}

static ssize_t pipe_put(const char *s, size_t n)
{
	struct file *wr = fdtable_get(proc->fdt, wfd);

	poke(ubuf + 2048, s, n);
	return wr->ops->write(wr, uaddr_ptr(ubuf + 2048), n, &wr->pos);
}

static ssize_t pipe_take(size_t n)
{
	struct file *rd = fdtable_get(proc->fdt, rfd);

	return rd->ops->read(rd, uaddr_ptr(ubuf + 2048), n, &rd->pos);
}

BOOTED_TEST(poll_reports_pipe_ends_readable_writable_hup_and_err)
{
	short rev;

	world_open();
	ck_assert_int_eq(poll_one(rfd, POLLIN, 0, &rev), 0);
	ck_assert_int_eq(rev, 0);
	ck_assert_int_eq(poll_one(wfd, POLLOUT, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLOUT);
	ck_assert_int_eq(pipe_put("abc", 3), 3);
	ck_assert_int_eq(poll_one(rfd, POLLIN | POLLRDNORM, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLIN | POLLRDNORM);
	/* Without writers the read end hangs up, data or not; HUP needs no asking. */
	ck_assert_int_eq(SVC1(NR_CLOSE, wfd), 0);
	ck_assert_int_eq(poll_one(rfd, POLLIN, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLIN | POLLHUP);
	ck_assert_int_eq(pipe_take(3), 3);
	ck_assert_int_eq(poll_one(rfd, 0, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLHUP);
	world_close();
	return 0;
}

BOOTED_TEST(poll_pipe_write_end_needs_pipe_buf_room_and_errs_without_readers)
{
	static char junk[PIPE_BUF];
	short rev;
	size_t put = 0;

	world_open();
	while (put < PIPE_DEFAULT_SIZE - PIPE_BUF + 1) {
		size_t k = MIN(sizeof(junk) / 2, PIPE_DEFAULT_SIZE - PIPE_BUF + 1 - put);

		ck_assert_int_eq(pipe_put(junk, k), (long)k);
		put += k;
	}
	ck_assert_int_eq(poll_one(wfd, POLLOUT, 0, &rev), 0);
	ck_assert_int_eq(rev, 0);
	ck_assert_int_eq(pipe_take(1), 1);
	ck_assert_int_eq(poll_one(wfd, POLLOUT, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLOUT);
	ck_assert_int_eq(SVC1(NR_CLOSE, rfd), 0);
	ck_assert_int_eq(poll_one(wfd, POLLOUT, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLOUT | POLLERR);
	world_close();
	return 0;
}

BOOTED_TEST(poll_files_directories_and_devices_are_always_ready)
{
	short rev;

	world_open();
	ck_assert_int_eq(poll_one(motd_fd, POLLIN | POLLOUT | POLLPRI, -1, &rev), 1);
	ck_assert_int_eq(rev, POLLIN | POLLOUT);
	ck_assert_int_eq(poll_one(etc_fd, POLLIN | POLLRDNORM, -1, &rev), 1);
	ck_assert_int_eq(rev, POLLIN | POLLRDNORM);
	ck_assert_int_eq(poll_one(null_fd, POLLOUT | POLLWRNORM, -1, &rev), 1);
	ck_assert_int_eq(rev, POLLOUT | POLLWRNORM);
	ck_assert_int_eq(poll_one(1, POLLOUT | POLLIN, -1, &rev), 1);
	ck_assert_int_eq(rev, POLLOUT);
	world_close();
	return 0;
}

BOOTED_TEST(poll_console_input_is_readable_when_fed_and_the_read_gets_the_bytes)
{
	uaddr_t rbuf;
	char got[8] = { 0 };
	short rev;

	world_open();
	rbuf = svc_user_alloc(proc, PAGE_SIZE);
	ck_assert_int_eq(poll_one(0, POLLIN, 0, &rev), 0);
	hal_test_console_feed("hi\n", 3);
	ck_assert_int_eq(poll_one(0, POLLIN, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLIN);
	/* Polling twice loses nothing: the bytes wait for the read. */
	ck_assert_int_eq(poll_one(0, POLLIN, 0, &rev), 1);
	ck_assert_int_eq(sys_read(0, uaddr_ptr(rbuf), 2), 2);
	ck_assert_int_eq(sys_read(0, uaddr_ptr(rbuf + 2), 8), 1);
	peek(rbuf, got, 3);
	ck_assert_str_eq(got, "hi\n");
	ck_assert_int_eq(poll_one(0, POLLIN, 0, &rev), 0);
	world_close();
	return 0;
}

BOOTED_TEST(poll_console_end_of_input_is_readable_and_reads_zero)
{
	uaddr_t rbuf;
	short rev;

	world_open();
	rbuf = svc_user_alloc(proc, PAGE_SIZE);
	hal_test_console_eof();
	ck_assert_int_eq(poll_one(0, POLLIN, 0, &rev), 1);
	ck_assert_int_eq(rev, POLLIN);
	ck_assert_int_eq(sys_read(0, uaddr_ptr(rbuf), 8), 0);
	world_close();
	return 0;
}

static void feed_on_idle(void *arg)
{
	hal_test_console_feed("x", 1);
	hal_test_set_idle_hook(NULL, NULL);
}

BOOTED_TEST(poll_sleeps_until_console_input_arrives)
{
	short rev;

	world_open();
	hal_test_set_idle_hook(feed_on_idle, NULL);
	ck_assert_int_eq(poll_one(0, POLLIN, -1, &rev), 1);
	ck_assert_int_eq(rev, POLLIN);
	world_close();
	return 0;
}

/* A kernel task that writes to the pipe once the poller sleeps (it runs only then). */
static void pipe_writer_task(void *arg)
{
	struct file *wr = arg;

	task_set_vmspace(task_current(), proc->mm->vs);
	ck_assert_int_eq(wr->ops->write(wr, uaddr_ptr(ubuf + 2048), 2, &wr->pos), 2);
}

BOOTED_TEST(poll_sleeps_until_another_task_writes_the_pipe)
{
	struct pollfd pfd[3] = { { rfd, POLLIN, 0 }, { -1, POLLIN, 0 }, { 0, POLLIN, 0 } };
	uint64_t start;

	world_open();
	pfd[0].fd = rfd;
	poke(ubuf, pfd, sizeof(pfd));
	poke(ubuf + 2048, "ok", 2);
	start = clock_monotonic_ns();
	ck_assert_ptr_nonnull(task_spawn(pipe_writer_task, fdtable_get(proc->fdt, wfd)));
	/* Watches the console too: the call sleeps on its queue, and the pipe still wakes it. */
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf), 3, -1), 1);
	peek(ubuf, pfd, sizeof(pfd));
	ck_assert_int_eq(pfd[0].revents, POLLIN);
	ck_assert_int_eq(pfd[1].revents, 0);
	ck_assert_int_eq(pfd[2].revents, 0);
	ck_assert_uint_eq(clock_monotonic_ns(), start);
	/* The call left nothing behind on the pipe: a later wake touches no stale entry. */
	ck_assert_int_eq(pipe_take(2), 2);
	ck_assert_int_eq(pipe_put("z", 1), 1);
	world_close();
	return 0;
}

BOOTED_TEST(poll_times_out_on_the_virtual_clock)
{
	uint64_t start;
	short rev;

	world_open();
	start = clock_monotonic_ns();
	ck_assert_int_eq(poll_one(rfd, POLLIN, 250, &rev), 0);
	ck_assert_int_eq(rev, 0);
	ck_assert_uint_ge(clock_monotonic_ns() - start, 250 * MS);
	ck_assert_uint_lt(clock_monotonic_ns() - start, 260 * MS);
	/* The registration died with the call. */
	ck_assert_int_eq(pipe_put("a", 1), 1);
	world_close();
	return 0;
}

BOOTED_TEST(poll_marks_closed_fds_nval_and_skips_negative_ones)
{
	struct pollfd pfd[4] = { { 77, POLLIN, 0 }, { -5, POLLIN, 0 }, { 0, 0, 0 },
				 { 0, POLLOUT, 0 } };
	int opath;

	world_open();
	opath = open_path("/etc", O_PATH);
	pfd[2].fd = opath;
	pfd[3].fd = motd_fd;
	poke(ubuf, pfd, sizeof(pfd));
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf), 4, 0), 3);
	peek(ubuf, pfd, sizeof(pfd));
	ck_assert_int_eq(pfd[0].revents, POLLNVAL);
	ck_assert_int_eq(pfd[1].revents, 0);
	ck_assert_int_eq(pfd[2].revents, POLLNVAL);
	ck_assert_int_eq(pfd[3].revents, POLLOUT);
	ck_assert_int_eq(pfd[0].fd, 77);
	ck_assert_int_eq(pfd[0].events, POLLIN);
	world_close();
	return 0;
}

BOOTED_TEST(poll_rejects_bad_pointers_and_too_many_fds)
{
	world_open();
	ck_assert_int_eq(sys_poll(uaddr_ptr(SVC_BAD_PTR), 1, 0), -EFAULT);
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf), FDTABLE_SIZE + 1, 0), -EINVAL);
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf), 0xffffffffu, 0), -EINVAL);
	/* Past the end of the mapping: the copy faults part-way. */
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf + PAGE_SIZE - 4), 1, 0), -EFAULT);
	ck_assert_int_eq(sys_poll(uaddr_ptr(SVC_BAD_PTR), 0, 0), 0);
	world_close();
	return 0;
}

static void signal_task(void *arg)
{
	signal_send_thread(arg, SIGUSR1, NULL);
}

BOOTED_TEST(poll_interrupted_by_a_signal_asks_for_a_restart)
{
	short rev;

	world_open();
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(poll_one(rfd, POLLIN, -1, &rev), -ERESTARTNOHAND);
	ck_assert_int_eq(rev, 0);
	world_close();
	return 0;
}

BOOTED_TEST(ppoll_mask_unblocks_for_the_call_and_stays_for_the_handler)
{
	struct thread *t;
	kernel_sigset_t none = 0, all = ~0ull;
	struct pollfd pfd = { 0, POLLIN, 0 };
	uaddr_t umask;

	world_open();
	t = thread_current();
	pfd.fd = rfd;
	poke(ubuf, &pfd, sizeof(pfd));
	umask = ubuf + 512;
	t->sigmask = SIG_BIT(SIGUSR1);
	ck_assert_int_eq(signal_send_thread(t, SIGUSR1, NULL), 0);
	/* Blocked by the call's mask too: a zero timeout, and the old mask is back. */
	poke(umask, &all, sizeof(all));
	poke(ubuf + 256, &(struct timespec){ 0, 0 }, sizeof(struct timespec));
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, uaddr_ptr(ubuf + 256), uaddr_ptr(umask),
				   sizeof(kernel_sigset_t)), 0);
	ck_assert_uint_eq(t->sigmask, SIG_BIT(SIGUSR1));
	ck_assert(!t->restore_sigmask);
	/* Unblocked by the call's mask: interrupted, and delivery will restore the mask. */
	poke(umask, &none, sizeof(none));
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, NULL, uaddr_ptr(umask),
				   sizeof(kernel_sigset_t)), -ERESTARTNOHAND);
	ck_assert(t->restore_sigmask);
	ck_assert_uint_eq(t->saved_sigmask, SIG_BIT(SIGUSR1));
	ck_assert_uint_eq(t->sigmask, 0);
	t->restore_sigmask = false;
	t->sigmask = SIG_BIT(SIGUSR1);
	world_close();
	return 0;
}

BOOTED_TEST(ppoll_writes_back_the_time_left_and_rejects_bad_timeouts)
{
	struct pollfd pfd = { 0, POLLIN, 0 };
	struct timespec ts = { 1, 500 * (long)MS };
	uaddr_t uts;

	world_open();
	pfd.fd = rfd;
	poke(ubuf, &pfd, sizeof(pfd));
	uts = ubuf + 256;
	poke(uts, &ts, sizeof(ts));
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, uaddr_ptr(uts), NULL, 0), 0);
	peek(uts, &ts, sizeof(ts));
	ck_assert_int_eq(ts.tv_sec, 0);
	ck_assert_int_eq(ts.tv_nsec, 0);
	ts = (struct timespec){ 0, NSEC_PER_SEC };
	poke(uts, &ts, sizeof(ts));
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, uaddr_ptr(uts), NULL, 0), -EINVAL);
	ts = (struct timespec){ -1, 0 };
	poke(uts, &ts, sizeof(ts));
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, uaddr_ptr(uts), NULL, 0), -EINVAL);
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, uaddr_ptr(SVC_BAD_PTR), NULL, 0), -EFAULT);
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, NULL, uaddr_ptr(ubuf + 512), 4), -EINVAL);
	ck_assert_int_eq(sys_ppoll(uaddr_ptr(ubuf), 1, NULL, uaddr_ptr(SVC_BAD_PTR), 8), -EFAULT);
	world_close();
	return 0;
}

static void fdset_set(uint64_t *set, int fd)
{
	set[fd / 64] |= 1ull << (fd % 64);
}

static bool fdset_isset(const uint64_t *set, int fd)
{
	return set[fd / 64] & (1ull << (fd % 64));
}

BOOTED_TEST(select_round_trips_fd_sets_with_only_ready_bits_left)
{
	uint64_t in[16] = { 0 }, out[16] = { 0 }, ex[16] = { 0 };
	uaddr_t uin, uout, uex;
	int n;

	world_open();
	uin = ubuf;
	uout = ubuf + 128;
	uex = ubuf + 256;
	fdset_set(in, rfd);
	fdset_set(in, motd_fd);
	fdset_set(out, wfd);
	fdset_set(ex, motd_fd);
	n = MAX(MAX(rfd, wfd), motd_fd) + 1;
	poke(uin, in, sizeof(in));
	poke(uout, out, sizeof(out));
	poke(uex, ex, sizeof(ex));
	ck_assert_int_eq(sys_select(n, uaddr_ptr(uin), uaddr_ptr(uout), uaddr_ptr(uex), NULL), 2);
	peek(uin, in, sizeof(in));
	peek(uout, out, sizeof(out));
	peek(uex, ex, sizeof(ex));
	ck_assert(!fdset_isset(in, rfd));
	ck_assert(fdset_isset(in, motd_fd));
	ck_assert(fdset_isset(out, wfd));
	ck_assert(!fdset_isset(ex, motd_fd));
	ck_assert_uint_eq(in[0], 1ull << motd_fd);
	ck_assert_uint_eq(out[0], 1ull << wfd);
	ck_assert_uint_eq(ex[0], 0);
	/* A hung-up read end is readable for select. */
	ck_assert_int_eq(SVC1(NR_CLOSE, wfd), 0);
	memset(in, 0, sizeof(in));
	fdset_set(in, rfd);
	poke(uin, in, sizeof(in));
	ck_assert_int_eq(sys_select(rfd + 1, uaddr_ptr(uin), NULL, NULL, NULL), 1);
	peek(uin, in, sizeof(in));
	ck_assert(fdset_isset(in, rfd));
	world_close();
	return 0;
}

BOOTED_TEST(select_times_out_clearing_the_sets_and_writing_back_zero_time)
{
	uint64_t in[1] = { 0 };
	struct timeval tv = { 1, 500000 };
	uint64_t start;

	world_open();
	fdset_set(in, rfd);
	poke(ubuf, in, sizeof(in));
	poke(ubuf + 256, &tv, sizeof(tv));
	start = clock_monotonic_ns();
	ck_assert_int_eq(sys_select(rfd + 1, uaddr_ptr(ubuf), NULL, NULL,
				    uaddr_ptr(ubuf + 256)), 0);
	ck_assert_uint_ge(clock_monotonic_ns() - start, 1500 * MS);
	peek(ubuf, in, sizeof(in));
	ck_assert_uint_eq(in[0], 0);
	peek(ubuf + 256, &tv, sizeof(tv));
	ck_assert_int_eq(tv.tv_sec, 0);
	ck_assert_int_eq(tv.tv_usec, 0);
	world_close();
	return 0;
}

BOOTED_TEST(select_rejects_closed_fds_bad_sets_and_bad_timeouts)
{
	uint64_t in[16] = { 0 };
	struct timeval tv = { 0, -1 };

	world_open();
	fdset_set(in, 40);
	poke(ubuf, in, sizeof(in));
	ck_assert_int_eq(sys_select(41, uaddr_ptr(ubuf), NULL, NULL, NULL), -EBADF);
	/* Only fds below n count (a zero timeout: nothing else is watched). */
	tv = (struct timeval){ 0, 0 };
	poke(ubuf + 512, &tv, sizeof(tv));
	ck_assert_int_eq(sys_select(40, uaddr_ptr(ubuf), NULL, NULL, uaddr_ptr(ubuf + 512)), 0);
	ck_assert_int_eq(sys_select(-1, NULL, NULL, NULL, NULL), -EINVAL);
	ck_assert_int_eq(sys_select(1, uaddr_ptr(SVC_BAD_PTR), NULL, NULL, NULL), -EFAULT);
	tv = (struct timeval){ 0, -1 };
	poke(ubuf + 256, &tv, sizeof(tv));
	ck_assert_int_eq(sys_select(0, NULL, NULL, NULL, uaddr_ptr(ubuf + 256)), -EINVAL);
	ck_assert_int_eq(sys_select(0, NULL, NULL, NULL, uaddr_ptr(SVC_BAD_PTR)), -EFAULT);
	/* Microseconds past a second carry over. */
	tv = (struct timeval){ 0, 2000000 };
	poke(ubuf + 256, &tv, sizeof(tv));
	ck_assert_int_eq(sys_select(0, NULL, NULL, NULL, uaddr_ptr(ubuf + 256)), 0);
	/* n past FD_SETSIZE is capped: only 1024 bits are read. */
	memset(in, 0, sizeof(in));
	poke(ubuf + PAGE_SIZE - sizeof(in), in, sizeof(in));
	ck_assert_int_eq(sys_select(1 << 30, uaddr_ptr(ubuf + PAGE_SIZE - sizeof(in)), NULL,
				    NULL, uaddr_ptr(ubuf + 512)), 0);
	world_close();
	return 0;
}

/* Advances the clock by 100 ms, then writes to the pipe: the poller had 1 s. */
static void late_writer_task(void *arg)
{
	struct file *wr = arg;

	hal_test_clock_advance(100 * MS);
	task_set_vmspace(task_current(), proc->mm->vs);
	ck_assert_int_eq(wr->ops->write(wr, uaddr_ptr(ubuf + 2048), 1, &wr->pos), 1);
}

BOOTED_TEST(pselect6_wakes_on_a_write_and_writes_back_the_time_left)
{
	uint64_t in[1] = { 0 };
	struct timespec ts = { 1, 0 };
	struct { uint64_t ss; uint64_t len; } sig = { 0, 8 };
	kernel_sigset_t mask = 0;

	world_open();
	fdset_set(in, rfd);
	poke(ubuf, in, sizeof(in));
	poke(ubuf + 256, &ts, sizeof(ts));
	poke(ubuf + 512, &mask, sizeof(mask));
	sig.ss = ubuf + 512;
	poke(ubuf + 768, &sig, sizeof(sig));
	ck_assert_ptr_nonnull(task_spawn(late_writer_task, fdtable_get(proc->fdt, wfd)));
	ck_assert_int_eq(sys_pselect6(rfd + 1, uaddr_ptr(ubuf), NULL, NULL,
				      uaddr_ptr(ubuf + 256), uaddr_ptr(ubuf + 768)), 1);
	peek(ubuf, in, sizeof(in));
	ck_assert(fdset_isset(in, rfd));
	peek(ubuf + 256, &ts, sizeof(ts));
	ck_assert_int_eq(ts.tv_sec, 0);
	ck_assert_int_eq(ts.tv_nsec, 900 * (long)MS);
	ck_assert(!thread_current()->restore_sigmask);
	/* A bad argument pack, a bad mask size. */
	ck_assert_int_eq(sys_pselect6(0, NULL, NULL, NULL, NULL, uaddr_ptr(SVC_BAD_PTR)),
			 -EFAULT);
	sig.len = 4;
	poke(ubuf + 768, &sig, sizeof(sig));
	ck_assert_int_eq(sys_pselect6(0, NULL, NULL, NULL, NULL, uaddr_ptr(ubuf + 768)),
			 -EINVAL);
	world_close();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("poll");
	TCase *tc = tcase_create("poll");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, poll_reports_pipe_ends_readable_writable_hup_and_err);
	tcase_add_test(tc, poll_pipe_write_end_needs_pipe_buf_room_and_errs_without_readers);
	tcase_add_test(tc, poll_files_directories_and_devices_are_always_ready);
	tcase_add_test(tc, poll_console_input_is_readable_when_fed_and_the_read_gets_the_bytes);
	tcase_add_test(tc, poll_console_end_of_input_is_readable_and_reads_zero);
	tcase_add_test(tc, poll_sleeps_until_console_input_arrives);
	tcase_add_test(tc, poll_sleeps_until_another_task_writes_the_pipe);
	tcase_add_test(tc, poll_times_out_on_the_virtual_clock);
	tcase_add_test(tc, poll_marks_closed_fds_nval_and_skips_negative_ones);
	tcase_add_test(tc, poll_rejects_bad_pointers_and_too_many_fds);
	tcase_add_test(tc, poll_interrupted_by_a_signal_asks_for_a_restart);
	tcase_add_test(tc, ppoll_mask_unblocks_for_the_call_and_stays_for_the_handler);
	tcase_add_test(tc, ppoll_writes_back_the_time_left_and_rejects_bad_timeouts);
	tcase_add_test(tc, select_round_trips_fd_sets_with_only_ready_bits_left);
	tcase_add_test(tc, select_times_out_clearing_the_sets_and_writing_back_zero_time);
	tcase_add_test(tc, select_rejects_closed_fds_bad_sets_and_bad_timeouts);
	tcase_add_test(tc, pselect6_wakes_on_a_write_and_writes_back_the_time_left);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
