/* test_signalfd.c: signalfd: reading blocked pending signals as records, several per
 * read, readiness for poll and epoll, waking a blocked reader when a signal is sent,
 * changing the mask of an existing signalfd, and the errors for bad arguments. */
#include <abi/epoll.h>
#include <abi/poll.h>
#include <abi/signalfd.h>
#include <event/epoll.h>
#include <event/signalfd.h>
#include <fs/poll.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>
#include "event_test.h"

static long sfd_set(int fd, kernel_sigset_t mask, int flags)
{
	poke(ubuf + EV_IN, &mask, sizeof(mask));
	return sys_signalfd4(fd, uaddr_ptr(ubuf + EV_IN), sizeof(mask), flags);
}

static long sfd_read(int fd, size_t n, struct signalfd_siginfo *out)
{
	long r = sys_read(fd, uaddr_ptr(ubuf + EV_DATA), n);

	if (r > 0)
		peek(ubuf + EV_DATA, out, (size_t)r);
	return r;
}

/* Sends sig to the test thread as kill(2) from pid 7 would. */
static void send_user(int sig)
{
	ksiginfo_t k = { .si_signo = sig, .si_code = SI_USER };

	k.u.kill.pid = 7;
	k.u.kill.uid = 1000;
	ck_assert_int_eq(signal_send_process(proc, sig, &k), 0);
}

BOOTED_TEST(signalfd_read_takes_pending_blocked_signals_as_records)
{
	struct signalfd_siginfo rec[3];
	struct thread *t;
	int fd;

	world_open();
	t = thread_current();
	t->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2);
	fd = (int)sfd_set(-1, SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2), SFD_NONBLOCK);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), rec), -EAGAIN);
	send_user(SIGUSR2);
	send_user(SIGUSR1);
	/* Both in one read, lowest number first; then none is pending any more. */
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), rec), 2 * sizeof(rec[0]));
	ck_assert_uint_eq(rec[0].ssi_signo, SIGUSR1);
	ck_assert_int_eq(rec[0].ssi_code, SI_USER);
	ck_assert_uint_eq(rec[0].ssi_pid, 7);
	ck_assert_uint_eq(rec[0].ssi_uid, 1000);
	ck_assert_uint_eq(rec[1].ssi_signo, SIGUSR2);
	ck_assert(!signal_pending(t));
	ck_assert_uint_eq(t->proc->shared_pending.set, 0);
	world_close();
	return 0;
}

BOOTED_TEST(signalfd_sees_only_signals_in_its_mask)
{
	struct signalfd_siginfo rec;
	int fd;

	world_open();
	thread_current()->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2);
	fd = (int)sfd_set(-1, SIG_BIT(SIGUSR1), SFD_NONBLOCK);
	send_user(SIGUSR2);
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), &rec), -EAGAIN);
	/* A new mask for the same descriptor. */
	ck_assert_int_eq(sfd_set(fd, SIG_BIT(SIGUSR2), 0), fd);
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), &rec), sizeof(rec));
	ck_assert_uint_eq(rec.ssi_signo, SIGUSR2);
	world_close();
	return 0;
}

static void signal_task(void *arg)
{
	ksiginfo_t k = { .si_signo = SIGUSR1, .si_code = SI_QUEUE };

	k.u.kill.value = 1234;
	signal_send_thread(arg, SIGUSR1, &k);
}

BOOTED_TEST(signalfd_blocked_reader_wakes_when_the_signal_is_sent)
{
	struct signalfd_siginfo rec;
	int fd;

	world_open();
	thread_current()->sigmask = SIG_BIT(SIGUSR1);
	fd = (int)sfd_set(-1, SIG_BIT(SIGUSR1), 0);
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), &rec), sizeof(rec));
	ck_assert_uint_eq(rec.ssi_signo, SIGUSR1);
	ck_assert_int_eq(rec.ssi_code, SI_QUEUE);
	ck_assert_int_eq(rec.ssi_int, 1234);
	ck_assert_uint_eq(rec.ssi_ptr, 1234);
	world_close();
	return 0;
}

BOOTED_TEST(signalfd_poll_and_epoll_wake_when_the_signal_is_sent)
{
	struct pollfd p = { 0, POLLIN, 0 };
	struct epoll_event ev = { EPOLLIN, 5 };
	struct signalfd_siginfo rec;
	int fd, ep;

	world_open();
	thread_current()->sigmask = SIG_BIT(SIGUSR1);
	fd = (int)sfd_set(-1, SIG_BIT(SIGUSR1), 0);
	p.fd = fd;
	poke(ubuf + EV_OUT, &p, sizeof(p));
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf + EV_OUT), 1, 0), 0);
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(sys_poll(uaddr_ptr(ubuf + EV_OUT), 1, -1), 1);
	ck_assert_int_eq(sfd_read(fd, sizeof(rec), &rec), sizeof(rec));
	ep = (int)sys_epoll_create1(0);
	poke(ubuf + EV_OUT, &ev, sizeof(ev));
	ck_assert_int_eq(sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, uaddr_ptr(ubuf + EV_OUT)), 0);
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf + EV_OUT), 1, 0), 0);
	ck_assert_ptr_nonnull(task_spawn(signal_task, thread_current()));
	ck_assert_int_eq(sys_epoll_wait(ep, uaddr_ptr(ubuf + EV_OUT), 1, -1), 1);
	world_close();
	return 0;
}

BOOTED_TEST(signalfd_rejects_bad_sizes_flags_pointers_and_descriptors)
{
	kernel_sigset_t mask = SIG_BIT(SIGUSR1);
	struct signalfd_siginfo rec;
	int fd;

	world_open();
	poke(ubuf + EV_IN, &mask, sizeof(mask));
	ck_assert_int_eq(sys_signalfd4(-1, uaddr_ptr(ubuf + EV_IN), 4, 0), -EINVAL);
	ck_assert_int_eq(sys_signalfd4(-1, uaddr_ptr(SVC_BAD_PTR), 8, 0), -EFAULT);
	ck_assert_int_eq(sys_signalfd4(-1, uaddr_ptr(ubuf + EV_IN), 8, 1), -EINVAL);
	ck_assert_int_eq(sys_signalfd4(99, uaddr_ptr(ubuf + EV_IN), 8, 0), -EBADF);
	ck_assert_int_eq(sys_signalfd4(rfd, uaddr_ptr(ubuf + EV_IN), 8, 0), -EINVAL);
	fd = (int)sys_signalfd(-1, uaddr_ptr(ubuf + EV_IN), 8);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(sfd_read(fd, sizeof(rec) - 1, &rec), -EINVAL);
	/* SIGKILL and SIGSTOP cannot be taken this way. */
	ck_assert_int_ge(sfd_set(-1, ~0ull, SFD_CLOEXEC), 0);
	world_close();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("signalfd");
	TCase *tc = tcase_create("signalfd");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, signalfd_read_takes_pending_blocked_signals_as_records);
	tcase_add_test(tc, signalfd_sees_only_signals_in_its_mask);
	tcase_add_test(tc, signalfd_blocked_reader_wakes_when_the_signal_is_sent);
	tcase_add_test(tc, signalfd_poll_and_epoll_wake_when_the_signal_is_sent);
	tcase_add_test(tc, signalfd_rejects_bad_sizes_flags_pointers_and_descriptors);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
