/* test_posix_timer_period.c: time/posix_timer_period.c's pure arithmetic: how many
 * expiries of a one-shot or periodic timer have passed, where the next one falls, and the
 * overrun cap. */
#include <check.h>
#include <stdint.h>

#include "check_run.h"
#include <abi/sigevent.h>
#include <time/posix_timer.h>

START_TEST(expire_counts_nothing_before_the_deadline_or_when_disarmed)
{
	uint64_t next = 1000;

	ck_assert_uint_eq(posix_timer_expire(&next, 10, 999), 0);
	ck_assert_uint_eq(next, 1000);
	next = 0;
	ck_assert_uint_eq(posix_timer_expire(&next, 10, 5000), 0);
	ck_assert_uint_eq(next, 0);
}
END_TEST

START_TEST(expire_spends_a_one_shot_once)
{
	uint64_t next = 1000;

	ck_assert_uint_eq(posix_timer_expire(&next, 0, 1000), 1);
	ck_assert_uint_eq(next, 0);
	ck_assert_uint_eq(posix_timer_expire(&next, 0, 99999), 0);
}
END_TEST

START_TEST(expire_counts_every_period_passed_and_moves_past_now)
{
	uint64_t next = 1000;

	/* Due at 1000, 1010, ..., 1050: six expiries; the next is 1060. */
	ck_assert_uint_eq(posix_timer_expire(&next, 10, 1055), 6);
	ck_assert_uint_eq(next, 1060);
	/* Exactly at a deadline counts it. */
	ck_assert_uint_eq(posix_timer_expire(&next, 10, 1060), 1);
	ck_assert_uint_eq(next, 1070);
}
END_TEST

START_TEST(expire_with_a_tiny_period_over_a_long_time_is_one_step)
{
	uint64_t next = 1, now = (uint64_t)3600 * 1000000000u;

	ck_assert_uint_eq(posix_timer_expire(&next, 1, now), now);
	ck_assert_uint_eq(next, now + 1);
}
END_TEST

START_TEST(overrun_cap_stops_at_delaytimer_max)
{
	ck_assert_int_eq(posix_timer_overrun_cap(0), 0);
	ck_assert_int_eq(posix_timer_overrun_cap(12), 12);
	ck_assert_int_eq(posix_timer_overrun_cap(DELAYTIMER_MAX), DELAYTIMER_MAX);
	ck_assert_int_eq(posix_timer_overrun_cap((uint64_t)DELAYTIMER_MAX + 1), DELAYTIMER_MAX);
	ck_assert_int_eq(posix_timer_overrun_cap(UINT64_MAX), DELAYTIMER_MAX);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("posix_timer_period");
	TCase *tc = tcase_create("period");

	tcase_add_test(tc, expire_counts_nothing_before_the_deadline_or_when_disarmed);
	tcase_add_test(tc, expire_spends_a_one_shot_once);
	tcase_add_test(tc, expire_counts_every_period_passed_and_moves_past_now);
	tcase_add_test(tc, expire_with_a_tiny_period_over_a_long_time_is_one_step);
	tcase_add_test(tc, overrun_cap_stops_at_delaytimer_max);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
