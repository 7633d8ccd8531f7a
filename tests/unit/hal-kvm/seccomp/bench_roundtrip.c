/* bench_roundtrip.c: prints the seccomp engine's null-syscall round trip (guest getpid to
 * the VMM and back) with handoff spinning on and off. A measurement, not a test: the
 * numbers are printed, never asserted. It runs as a Check test only because the fake
 * machine (guest_env.c) reports set-up failures through Check. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "guest_env.h"

#define ROUNDS 20000

static double bench_us_per_trip(bool spin)
{
	static struct guest_env env;
	struct timespec a, b;
	int i;

	env_setup(&env, spin);
	ENV_LOAD(&env, getpid_loop);
	ck_assert_int_eq(env_run(&env, 5000), USER_RETURN_SYSCALL);   /* starts the stub */
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < ROUNDS; i++)
		ck_assert_int_eq(env_run(&env, 5000), USER_RETURN_SYSCALL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	env_teardown(&env);
	return ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) /
	       ROUNDS / 1e3;
}

START_TEST(print_null_syscall_round_trip)
{
	double spin = bench_us_per_trip(true), sleep = bench_us_per_trip(false);

	printf("seccomp engine null syscall round trip: spin %.2f us, no spin %.2f us\n",
	       spin, sleep);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("seccomp_bench");
	TCase *tc = tcase_create("roundtrip");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, print_null_syscall_round_trip);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
