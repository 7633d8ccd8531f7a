/* ostd_check.h: Check helpers for tests that run inside a booted kernel.
 *
 *   BOOTED_TEST(frame_alloc_returns_zeroed_frame)
 *   {
 *           ...ck_assert...;
 *           return 0;
 *   }
 *
 * defines a Check test of that name which boots OSTD on the test HAL (hal_test.h) and runs
 * the body in the first kernel task; the test passes when the body returns 0 and the
 * machine shuts down cleanly. Add it with tcase_add_test() as usual; reset the HAL with
 * tcase_add_checked_fixture(tc, hal_test_reset, NULL). */
#ifndef TESTS_UNIT_SUPPORT_OSTD_CHECK_H
#define TESTS_UNIT_SUPPORT_OSTD_CHECK_H

#include <check.h>
#include "check_run.h"

#include "hal_test.h"

#define BOOTED_TEST(name)                                                     \
	static int name##_body(void *arg);                                    \
	START_TEST(name)                                                      \
	{                                                                     \
		ck_assert_int_eq(ostd_test_boot(name##_body, NULL), 0);       \
	}                                                                     \
	END_TEST                                                              \
	static int name##_body(void *arg __attribute__((unused)))

#endif
