/* bench_roundtrip.c: prints the seccomp engine's null-syscall round trip (guest getpid to
 * the VMM and back) with handoff spinning on and off, and what one address space costs
 * (create + first run to the first syscall, then destroy: what a guest fork pays).
 * A measurement, not a test: the
 * numbers are printed, never asserted. It runs as a Check test only because the fake
 * machine (guest_env.c) reports set-up failures through Check. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "guest_env.h"

#define ROUNDS 20000
#define SPACES 200

static uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

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

static int bench_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The median of n samples in µs (sorts them). */
static double bench_median_us(uint64_t *ns, int n)
{
	qsort(ns, (size_t)n, sizeof(*ns), bench_cmp_u64);
	return (double)ns[n / 2] / 1e3;
}

/* Creates, runs to the first syscall and destroys SPACES spaces, gap_us apart (a fork
 * loop does guest work between forks, in which the next spare stub starts); prints the
 * median costs of create + first run, and of destroy (with the context's release). */
static void bench_space_life(unsigned int gap_us)
{
	static struct guest_env env;
	static uint64_t create[SPACES], destroy[SPACES];
	uint64_t t0, t1, t2;
	int i;

	env_setup(&env, true);
	ENV_LOAD(&env, getpid_loop);
	usleep(100 * 1000);     /* the spares requested at init start meanwhile */
	for (i = 0; i < SPACES; i++) {
		struct engine_space *s;
		struct user_context ctx = { 0 };

		env_ctx_init(&ctx, ENV_CODE_VA, ENV_STACK_VA + PAGE_SIZE - 64);
		t0 = bench_now_ns();
		ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &s), 0);
		ck_assert_int_eq(env_run_ctx(s, &ctx, 5000), USER_RETURN_SYSCALL);
		t1 = bench_now_ns();
		seccomp_engine_ops.space_destroy(s);
		seccomp_engine_ops.thread_release(ctx.engine);
		t2 = bench_now_ns();
		create[i] = t1 - t0;
		destroy[i] = t2 - t1;
		if (gap_us)
			usleep(gap_us);
	}
	env_teardown(&env);
	printf("seccomp engine space create + first run %.1f us, destroy %.1f us "
	       "(medians, %u us apart)\n", bench_median_us(create, SPACES),
	       bench_median_us(destroy, SPACES), gap_us);
}

START_TEST(print_space_create_and_destroy)
{
	bench_space_life(2000);
	bench_space_life(0);
}
END_TEST

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
	tcase_add_test(tc, print_space_create_and_destroy);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
