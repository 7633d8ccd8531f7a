/* test_posix_timer.c: POSIX timers on the virtual clock: exact overrun counts while the
 * signal waits, the signal of a deleted or re-armed timer dropped at dequeue, SIGEV_NONE
 * counting down, the per-process limit, and timers freed with their process.
 * struct itimerspec and the clock ids come from the host's <time.h>: the same ABI. */
#include <time.h>
#include <ostd/errno.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <abi/sigevent.h>
#include <signal/internal.h>
#include <signal/signal.h>
#include <time/posix_timer.h>
#include "../services_test.h"

#define MS 1000000ull

static struct process *proc;
static uaddr_t ubuf;        /* scratch user memory: [0] in, [512] out */

static void world_open(void)
{
	proc = svc_process_new();
	ubuf = svc_user_alloc(proc, PAGE_SIZE);
}

static int timer_new(int signo, int notify)
{
	struct sigevent ev = { .sigev_value = 77, .sigev_signo = signo, .sigev_notify = notify };
	int id = -1;

	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, ubuf, &ev, sizeof(ev)), 0);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, uaddr_ptr(ubuf),
					  uaddr_ptr(ubuf + 512)), 0);
	ck_assert_int_eq(vmspace_copy_from(proc->mm->vs, &id, ubuf + 512, sizeof(id)), 0);
	return id;
}

static long timer_set(int id, uint64_t value, uint64_t interval)
{
	struct itimerspec its = {
		{ (time_t)(interval / NSEC_PER_SEC), (long)(interval % NSEC_PER_SEC) },
		{ (time_t)(value / NSEC_PER_SEC), (long)(value % NSEC_PER_SEC) } };

	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, ubuf, &its, sizeof(its)), 0);
	return sys_timer_settime(id, 0, uaddr_ptr(ubuf), NULL);
}

static uint64_t timer_left(int id)
{
	struct itimerspec its;

	ck_assert_int_eq(sys_timer_gettime(id, uaddr_ptr(ubuf + 512)), 0);
	ck_assert_int_eq(vmspace_copy_from(proc->mm->vs, &its, ubuf + 512, sizeof(its)), 0);
	return (uint64_t)its.it_value.tv_sec * NSEC_PER_SEC + (uint64_t)its.it_value.tv_nsec;
}

/* Moves the virtual clock and lets the timers' callbacks run. */
static void advance(uint64_t ns)
{
	hal_test_clock_advance(ns);
	task_yield();
}

BOOTED_TEST(posix_timer_counts_expiries_while_its_signal_waits_as_overruns)
{
	ksiginfo_t info;
	int id;

	world_open();
	thread_current()->sigmask |= SIG_BIT(SIGUSR1);
	id = timer_new(SIGUSR1, SIGEV_SIGNAL);
	ck_assert_int_eq(timer_set(id, 10 * MS, 10 * MS), 0);
	/* Due at 10, 20, 30, 40 and 50 ms: one signal and four overruns. */
	advance(55 * MS);
	ck_assert(proc->shared_pending.set & SIG_BIT(SIGUSR1));
	ck_assert_int_eq(signal_dequeue(thread_current(), SIG_BIT(SIGUSR1), &info), SIGUSR1);
	ck_assert_int_eq(info.si_code, SI_TIMER);
	ck_assert_int_eq(info.u.timer.tid, id);
	ck_assert_int_eq(info.u.timer.overrun, 4);
	ck_assert_uint_eq(info.u.timer.value, 77);
	ck_assert_int_eq(info.__pad0, 0);
	ck_assert_int_eq(sys_timer_getoverrun(id), 4);
	ck_assert_uint_eq(timer_left(id), 5 * MS);
	svc_process_free(proc);
	return 0;
}

BOOTED_TEST(posix_timer_signal_of_a_deleted_or_rearmed_timer_is_dropped)
{
	ksiginfo_t info;
	int id;

	world_open();
	thread_current()->sigmask |= SIG_BIT(SIGUSR2);
	id = timer_new(SIGUSR2, SIGEV_SIGNAL);
	ck_assert_int_eq(timer_set(id, 1 * MS, 0), 0);
	advance(2 * MS);
	ck_assert_int_eq(timer_set(id, 1000 * MS, 0), 0);
	ck_assert(proc->shared_pending.set & SIG_BIT(SIGUSR2));
	ck_assert_int_eq(signal_dequeue(thread_current(), SIG_BIT(SIGUSR2), &info), 0);
	ck_assert_int_eq(timer_set(id, 1 * MS, 0), 0);
	advance(2 * MS);
	ck_assert_int_eq(sys_timer_delete(id), 0);
	ck_assert_int_eq(signal_dequeue(thread_current(), SIG_BIT(SIGUSR2), &info), 0);
	ck_assert_int_eq(sys_timer_delete(id), -EINVAL);
	svc_process_free(proc);
	return 0;
}

BOOTED_TEST(posix_timer_sigev_none_counts_down_and_sends_nothing)
{
	int id;

	world_open();
	id = timer_new(0, SIGEV_NONE);
	ck_assert_int_eq(timer_set(id, 30 * MS, 0), 0);
	advance(10 * MS);
	ck_assert_uint_eq(timer_left(id), 20 * MS);
	advance(25 * MS);
	ck_assert_uint_eq(timer_left(id), 0);
	ck_assert_uint_eq(proc->shared_pending.set, 0);
	svc_process_free(proc);
	return 0;
}

BOOTED_TEST(posix_timer_create_fails_eagain_past_the_per_process_limit)
{
	int i;

	world_open();
	for (i = 0; i < POSIX_TIMER_MAX; i++)
		ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, NULL, uaddr_ptr(ubuf + 512)), 0);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, NULL, uaddr_ptr(ubuf + 512)),
			 -EAGAIN);
	/* Armed timers go with the process (ASan reports any leak). */
	ck_assert_int_eq(timer_set(5, 10 * MS, 10 * MS), 0);
	svc_process_free(proc);
	return 0;
}

BOOTED_TEST(posix_timer_rejects_bad_clocks_sigevents_times_and_ids)
{
	struct sigevent ev = { .sigev_signo = 65, .sigev_notify = SIGEV_SIGNAL };
	int id;

	world_open();
	ck_assert_int_eq(sys_timer_create(99, NULL, uaddr_ptr(ubuf + 512)), -EINVAL);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC_RAW, NULL, uaddr_ptr(ubuf + 512)),
			 -EOPNOTSUPP);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, uaddr_ptr(SVC_BAD_PTR),
					  uaddr_ptr(ubuf + 512)), -EFAULT);
	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, ubuf, &ev, sizeof(ev)), 0);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, uaddr_ptr(ubuf),
					  uaddr_ptr(ubuf + 512)), -EINVAL);
	ev.sigev_signo = SIGUSR1;
	ev.sigev_notify = SIGEV_THREAD_ID;
	ev.u.tid = 4242;
	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, ubuf, &ev, sizeof(ev)), 0);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, uaddr_ptr(ubuf),
					  uaddr_ptr(ubuf + 512)), -EINVAL);
	ck_assert_int_eq(sys_timer_create(CLOCK_MONOTONIC, NULL, uaddr_ptr(SVC_BAD_PTR)),
			 -EFAULT);
	id = timer_new(SIGUSR1, SIGEV_SIGNAL);
	ck_assert_int_eq(timer_set(id, NSEC_PER_SEC, 0), 0);
	ck_assert_int_eq(sys_timer_settime(id, 0, NULL, NULL), -EINVAL);
	ck_assert_int_eq(sys_timer_settime(id, 0, uaddr_ptr(SVC_BAD_PTR), NULL), -EFAULT);
	ck_assert_int_eq(sys_timer_gettime(id + 1, uaddr_ptr(ubuf + 512)), -EINVAL);
	ck_assert_int_eq(sys_timer_gettime(id, uaddr_ptr(SVC_BAD_PTR)), -EFAULT);
	ck_assert_int_eq(sys_timer_getoverrun(-1), -EINVAL);
	svc_process_free(proc);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("posix_timer");
	TCase *tc = tcase_create("posix_timer");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, posix_timer_counts_expiries_while_its_signal_waits_as_overruns);
	tcase_add_test(tc, posix_timer_signal_of_a_deleted_or_rearmed_timer_is_dropped);
	tcase_add_test(tc, posix_timer_sigev_none_counts_down_and_sends_nothing);
	tcase_add_test(tc, posix_timer_create_fails_eagain_past_the_per_process_limit);
	tcase_add_test(tc, posix_timer_rejects_bad_clocks_sigevents_times_and_ids);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
