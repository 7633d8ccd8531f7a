/* test_sigqueue.c: pending-signal queues (signal/sigqueue.c). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <signal/sigqueue.h>

#include "ostd_check.h"

static ksiginfo_t info_of(int sig, int code)
{
	return (ksiginfo_t){ .si_signo = sig, .si_code = code };
}

BOOTED_TEST(standard_signal_is_pending_once_and_keeps_first_info)
{
	struct sigqueue q;
	ksiginfo_t a = info_of(SIGUSR1, 1), b = info_of(SIGUSR1, 2), out;

	sigqueue_init(&q);
	ck_assert_int_eq(sigqueue_add(&q, &a), 0);
	ck_assert_int_eq(sigqueue_add(&q, &b), 0);
	ck_assert_uint_eq(q.set, SIG_BIT(SIGUSR1));
	ck_assert_int_eq(sigqueue_take(&q, SIGUSR1, &out), 0);
	ck_assert_int_eq(out.si_code, 1);
	ck_assert_uint_eq(q.set, 0);
	ck_assert_int_eq(sigqueue_take(&q, SIGUSR1, &out), -ENOENT);
	return 0;
}

BOOTED_TEST(realtime_signal_queues_every_instance_in_order)
{
	struct sigqueue q;
	ksiginfo_t out;
	int k;

	sigqueue_init(&q);
	for (k = 0; k < 3; k++) {
		ksiginfo_t i = info_of(SIGRTMIN + 1, -k);

		ck_assert_int_eq(sigqueue_add(&q, &i), 0);
	}
	for (k = 0; k < 3; k++) {
		ck_assert_uint_eq(q.set, SIG_BIT(SIGRTMIN + 1));
		ck_assert_int_eq(sigqueue_take(&q, SIGRTMIN + 1, &out), 0);
		ck_assert_int_eq(out.si_code, -k);
	}
	ck_assert_uint_eq(q.set, 0);
	ck_assert_uint_eq(q.rt_count, 0);
	return 0;
}

BOOTED_TEST(realtime_queue_full_returns_eagain)
{
	struct sigqueue q;
	ksiginfo_t i = info_of(40, -1);
	int k;

	sigqueue_init(&q);
	for (k = 0; k < SIGQUEUE_RT_DEPTH; k++)
		ck_assert_int_eq(sigqueue_add(&q, &i), 0);
	ck_assert_int_eq(sigqueue_add(&q, &i), -EAGAIN);
	/* Standard signals still fit. */
	i.si_signo = SIGHUP;
	ck_assert_int_eq(sigqueue_add(&q, &i), 0);
	sigqueue_clear(&q);
	ck_assert_uint_eq(q.set, 0);
	ck_assert_ptr_null(q.head);
	return 0;
}

BOOTED_TEST(add_rejects_signal_numbers_out_of_range)
{
	struct sigqueue q;
	ksiginfo_t zero = info_of(0, 0), big = info_of(65, 0);

	sigqueue_init(&q);
	ck_assert_int_eq(sigqueue_add(&q, &zero), -EINVAL);
	ck_assert_int_eq(sigqueue_add(&q, &big), -EINVAL);
	ck_assert_int_eq(sigqueue_take(&q, 0, &zero), -ENOENT);
	ck_assert_int_eq(sigqueue_take(&q, 65, &zero), -ENOENT);
	return 0;
}

BOOTED_TEST(flush_removes_only_the_given_signals)
{
	struct sigqueue q;
	ksiginfo_t a = info_of(SIGINT, 0), b = info_of(SIGRTMIN, -1), c = info_of(SIGTERM, 0),
		   out;
	struct heap_stats before, after;

	heap_stats_get(&before);
	sigqueue_init(&q);
	sigqueue_add(&q, &a);
	sigqueue_add(&q, &b);
	sigqueue_add(&q, &b);
	sigqueue_add(&q, &c);
	sigqueue_flush(&q, SIG_BIT(SIGRTMIN) | SIG_BIT(SIGINT));
	ck_assert_uint_eq(q.set, SIG_BIT(SIGTERM));
	ck_assert_uint_eq(q.rt_count, 0);
	ck_assert_int_eq(sigqueue_take(&q, SIGTERM, &out), 0);
	ck_assert_ptr_null(q.head);
	ck_assert_ptr_null(q.tail);
	/* The tail stays right after a flush of the last entry: adding still works. */
	ck_assert_int_eq(sigqueue_add(&q, &a), 0);
	sigqueue_clear(&q);
	heap_stats_get(&after);
	ck_assert_uint_eq(after.live_objects, before.live_objects);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("sigqueue");
	TCase *tc = tcase_create("sigqueue");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, standard_signal_is_pending_once_and_keeps_first_info);
	tcase_add_test(tc, realtime_signal_queues_every_instance_in_order);
	tcase_add_test(tc, realtime_queue_full_returns_eagain);
	tcase_add_test(tc, add_rejects_signal_numbers_out_of_range);
	tcase_add_test(tc, flush_removes_only_the_given_signals);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
