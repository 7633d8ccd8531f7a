/* test_futex.c: futex wait/wake/requeue/wake-op through sys_futex, with threads that are
 * plain kernel tasks (misc_world.h) and the test HAL's virtual clock for timeouts. */
#include <limits.h>
#include <ostd/errno.h>
#include <ostd/task.h>
#include <ostd/user_copy.h>
#include <futex/futex.h>
#include <signal/signal.h>
#include "ostd_check.h"
#include "misc_world.h"

static struct world_proc *wp;

/* A waiter: waits on word for val with bitset (FUTEX_WAIT when 0), records its result
 * and its place in the order of wake-ups. */
struct waiter_arg {
	uaddr_t word;
	uint32_t val;
	uint32_t bitset;
	uaddr_t timeout;        /* a struct timespec in user memory, or 0 */
	long result;
	int done_order;         /* 1-based order of return; 0 while sleeping */
};

static int returned;

static long futex_call(uaddr_t uaddr, int op, uint32_t val, uaddr_t timeout, uaddr_t uaddr2,
		       uint32_t val3)
{
	return sys_futex(uaddr_ptr(uaddr), op, val, uaddr_ptr(timeout), uaddr_ptr(uaddr2), val3);
}

static void waiter_main(struct thread *t, void *argp)
{
	struct waiter_arg *a = argp;

	if (a->bitset)
		a->result = futex_call(a->word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, a->val,
				       a->timeout, 0, a->bitset);
	else
		a->result = futex_call(a->word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, a->val,
				       a->timeout, 0, 0);
	a->done_order = ++returned;
}

static uaddr_t user_timespec(int64_t sec, int64_t nsec)
{
	struct timespec ts = { sec, nsec };
	uaddr_t a = world_user_alloc(wp, 1);

	world_poke(wp, a, &ts, sizeof(ts));
	return a;
}

static void setup_world(void)
{
	returned = 0;
	wp = world_init();
}

BOOTED_TEST(futex_wake_wakes_waiters_oldest_first)
{
	struct waiter_arg a[3];
	uaddr_t word;
	int i;

	setup_world();
	word = world_user_alloc(wp, 1);
	for (i = 0; i < 3; i++) {
		a[i] = (struct waiter_arg){ .word = word };
		world_thread_spawn(wp, waiter_main, &a[i]);
		world_settle();
	}
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(a[i].done_order, 0);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0), 1);
	world_settle();
	ck_assert_int_eq(a[0].done_order, 1);
	ck_assert_int_eq(a[1].done_order, 0);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0), 2);
	world_settle();
	ck_assert_int_eq(a[1].done_order, 2);
	ck_assert_int_eq(a[2].done_order, 3);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(a[i].result, 0);
	/* Nobody left: a wake finds no one. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0), 0);
	return 0;
}

BOOTED_TEST(futex_wake_of_zero_still_wakes_one_as_linux_does)
{
	struct waiter_arg a[2];
	uaddr_t word;
	int i;

	setup_world();
	word = world_user_alloc(wp, 1);
	for (i = 0; i < 2; i++) {
		a[i] = (struct waiter_arg){ .word = word };
		world_thread_spawn(wp, waiter_main, &a[i]);
	}
	world_settle();
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 0, 0, 0, 0), 1);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 5, 0, 0, 0), 1);
	world_settle();
	return 0;
}

BOOTED_TEST(futex_wait_returns_eagain_when_the_word_differs)
{
	uaddr_t word;

	setup_world();
	word = world_user_alloc(wp, 1);
	world_poke32(wp, word, 7);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 6, 0, 0, 0), -EAGAIN);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT, 6, 0, 0, 0), -EAGAIN);
	return 0;
}

BOOTED_TEST(futex_rejects_bad_arguments_with_linux_errors)
{
	uaddr_t word, bad_ts;

	setup_world();
	word = world_user_alloc(wp, 1);
	bad_ts = user_timespec(0, 1000000000);
	ck_assert_int_eq(futex_call(word + 1, FUTEX_WAIT, 0, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word + 2, FUTEX_WAKE, 1, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT_BITSET, 0, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE_BITSET, 1, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT, 0, bad_ts, 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT, 0, user_timespec(-1, 0), 0, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT, 0, 0x1000, 0, 0), -EFAULT);
	ck_assert_int_eq(futex_call(0x1000, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, 0, 0, 0), -EFAULT);
	ck_assert_int_eq(futex_call(0x1000, FUTEX_WAKE, 1, 0, 0, 0), -EFAULT);
	ck_assert_int_eq(futex_call(word, FUTEX_CMP_REQUEUE, 1, 1, 0x1000, 0), -EFAULT);
	ck_assert_int_eq(futex_call(word, FUTEX_REQUEUE, (uint32_t)-1, 1, word, 0), -EINVAL);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0, 0), -ENOSYS);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, 0, 0, 0), -ENOSYS);
	ck_assert_int_eq(futex_call(word, FUTEX_LOCK_PI, 0, 0, 0, 0), -ENOSYS);
	ck_assert_int_eq(futex_call(word, 99, 0, 0, 0, 0), -ENOSYS);
	/* FUTEX_WAKE_OP with an unknown operation or comparison. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE_OP, 1, 1, word, 7u << 28), -ENOSYS);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE_OP, 1, 1, word, 9u << 24), -ENOSYS);
	return 0;
}

BOOTED_TEST(futex_wait_times_out_on_the_virtual_clock)
{
	uaddr_t word, ts;
	uint64_t start;

	setup_world();
	word = world_user_alloc(wp, 1);
	ts = user_timespec(2, 500);
	start = hal_test_clock_now();
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, ts, 0, 0),
			 -ETIMEDOUT);
	ck_assert_uint_ge(hal_test_clock_now(), start + 2000000500ull);
	ck_assert_uint_lt(hal_test_clock_now(), start + 3000000000ull);
	return 0;
}

BOOTED_TEST(futex_wait_bitset_timeout_is_an_absolute_deadline)
{
	uaddr_t word;

	setup_world();
	word = world_user_alloc(wp, 1);
	hal_test_clock_advance(5000000000ull);
	/* Monotonic 7 s: two seconds from now. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0,
				    user_timespec(7, 0), 0, FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	ck_assert_uint_ge(hal_test_clock_now(), 7000000000ull);
	ck_assert_uint_lt(hal_test_clock_now(), 7100000000ull);
	/* A deadline already past times out at once, after the value check. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0,
				    user_timespec(1, 0), 0, FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 1,
				    user_timespec(1, 0), 0, FUTEX_BITSET_MATCH_ANY), -EAGAIN);
	/* On the realtime clock: the epoch offset of the test HAL plus one second. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG |
				    FUTEX_CLOCK_REALTIME, 0,
				    user_timespec((int64_t)(HAL_TEST_EPOCH_NS / 1000000000ull) + 8,
						  0), 0, FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	ck_assert_uint_ge(hal_test_clock_now(), 8000000000ull);
	ck_assert_uint_lt(hal_test_clock_now(), 8100000000ull);
	return 0;
}

BOOTED_TEST(futex_wake_bitset_wakes_only_matching_waiters)
{
	struct waiter_arg a[3];
	uaddr_t word;
	int i;

	setup_world();
	word = world_user_alloc(wp, 1);
	a[0] = (struct waiter_arg){ .word = word, .bitset = 0x1 };
	a[1] = (struct waiter_arg){ .word = word, .bitset = 0x2 };
	a[2] = (struct waiter_arg){ .word = word, .bitset = 0x6 };
	for (i = 0; i < 3; i++)
		world_thread_spawn(wp, waiter_main, &a[i]);
	world_settle();
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0,
				    0x4), 1);
	world_settle();
	ck_assert_int_eq(a[2].done_order, 1);
	ck_assert_int_eq(a[0].done_order, 0);
	ck_assert_int_eq(a[1].done_order, 0);
	/* A plain FUTEX_WAKE matches every bitset. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0), 2);
	world_settle();
	return 0;
}

BOOTED_TEST(futex_cmp_requeue_wakes_then_moves_and_counts_both)
{
	struct waiter_arg a[4];
	uaddr_t from, to;
	int i;

	setup_world();
	from = world_user_alloc(wp, 1);
	to = world_user_alloc(wp, 1);
	world_poke32(wp, from, 3);
	for (i = 0; i < 4; i++) {
		a[i] = (struct waiter_arg){ .word = from, .val = 3 };
		world_thread_spawn(wp, waiter_main, &a[i]);
	}
	world_settle();
	ck_assert_int_eq(futex_call(from, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 1, 2, to, 4),
			 -EAGAIN);
	/* Wake one, move two (the count rides in the timeout slot), leave one. */
	ck_assert_int_eq(futex_call(from, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 1, 2, to, 3), 3);
	world_settle();
	ck_assert_int_eq(a[0].done_order, 1);
	ck_assert_int_eq(futex_call(from, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0), 1);
	world_settle();
	ck_assert_int_eq(a[3].done_order, 2);
	ck_assert_int_eq(futex_call(to, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0), 1);
	world_settle();
	ck_assert_int_eq(a[1].done_order, 3);   /* order kept across the move */
	ck_assert_int_eq(futex_call(to, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0), 1);
	world_settle();
	ck_assert_int_eq(a[2].done_order, 4);
	return 0;
}

BOOTED_TEST(futex_requeue_onto_the_same_word_counts_each_waiter_once)
{
	struct waiter_arg a[3];
	uaddr_t word;
	int i;

	setup_world();
	word = world_user_alloc(wp, 1);
	for (i = 0; i < 3; i++) {
		a[i] = (struct waiter_arg){ .word = word };
		world_thread_spawn(wp, waiter_main, &a[i]);
	}
	world_settle();
	ck_assert_int_eq(futex_call(word, FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG, 0, INT_MAX, word, 0),
			 3);
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0), 3);
	world_settle();
	return 0;
}

BOOTED_TEST(futex_wake_op_updates_the_second_word_and_wakes_by_comparison)
{
	struct waiter_arg a[2];
	uaddr_t w1, w2;

	setup_world();
	w1 = world_user_alloc(wp, 1);
	w2 = world_user_alloc(wp, 1);
	world_poke32(wp, w2, 5);
	a[0] = (struct waiter_arg){ .word = w1 };
	a[1] = (struct waiter_arg){ .word = w2, .val = 5 };
	world_thread_spawn(wp, waiter_main, &a[0]);
	world_thread_spawn(wp, waiter_main, &a[1]);
	world_settle();
	/* op ADD 2 on w2; compare old == 4: false, so only w1's waiter wakes. */
	ck_assert_int_eq(futex_call(w1, FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG, 1, 1, w2,
				    ((uint32_t)FUTEX_OP_ADD << 28) | (FUTEX_OP_CMP_EQ << 24) | (2 << 12) | 4),
			 1);
	ck_assert_uint_eq(world_peek32(wp, w2), 7);
	/* op OR (1 << 4); compare old (7) > -1, signed: true. */
	ck_assert_int_eq(futex_call(w1, FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG, 1, 1, w2,
				    ((uint32_t)(FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT) << 28) |
				    (FUTEX_OP_CMP_GT << 24) | (4 << 12) | 0xfff), 1);
	ck_assert_uint_eq(world_peek32(wp, w2), 0x17);
	world_settle();
	ck_assert_int_eq(a[0].result, 0);
	ck_assert_int_eq(a[1].result, 0);
	return 0;
}

BOOTED_TEST(futex_private_wait_is_not_woken_from_another_process_sharing_the_page)
{
	struct world_proc *other;
	struct waiter_arg a = { 0 };
	uaddr_t word;

	setup_world();
	other = world_proc_new();
	word = world_user_alloc(wp, 1) + 64;
	a.word = world_user_share(wp, word, other);
	ck_assert_uint_ne(a.word, word);
	a.bitset = FUTEX_BITSET_MATCH_ANY;
	world_thread_spawn(other, waiter_main, &a);
	world_settle();
	ck_assert_int_eq(a.done_order, 0);
	/* The waiter used the private flag: a shared wake from another process misses it. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE, 1, 0, 0, 0), 0);
	ck_assert_int_eq(futex_wake_private(word, 1), 0);
	world_settle();
	ck_assert_int_eq(a.done_order, 0);
	return 0;
}

static void shared_waiter_main(struct thread *t, void *argp)
{
	struct waiter_arg *a = argp;

	a->result = futex_call(a->word, FUTEX_WAIT, a->val, 0, 0, 0);
	a->done_order = ++returned;
}

BOOTED_TEST(futex_shared_wait_is_woken_through_a_different_address_of_the_same_page)
{
	struct world_proc *other;
	struct waiter_arg a = { 0 };
	uaddr_t word;

	setup_world();
	other = world_proc_new();
	word = world_user_alloc(wp, 1) + 64;
	a.word = world_user_share(wp, word, other);
	world_thread_spawn(other, shared_waiter_main, &a);
	world_settle();
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE, 1, 0, 0, 0), 1);
	world_settle();
	ck_assert_int_eq(a.done_order, 1);
	ck_assert_int_eq(a.result, 0);
	return 0;
}

BOOTED_TEST(futex_wait_interrupted_by_a_signal_asks_for_a_restart_timed_ones_with_time_left)
{
	struct waiter_arg a[2];
	struct thread *t[2];
	uaddr_t word;

	setup_world();
	word = world_user_alloc(wp, 1);
	a[0] = (struct waiter_arg){ .word = word };
	a[1] = (struct waiter_arg){ .word = word, .timeout = user_timespec(100, 0) };
	t[0] = world_thread_spawn(wp, waiter_main, &a[0]);
	t[1] = world_thread_spawn(wp, waiter_main, &a[1]);
	world_settle();
	world_interrupt(t[0]);
	world_interrupt(t[1]);
	world_settle();
	/* The untimed wait restarts as is; the timed one goes on through restart_syscall
	 * until the same deadline, which its thread's restart block keeps. */
	ck_assert_int_eq(a[0].result, -ERESTARTSYS);
	ck_assert_int_eq(a[1].result, -ERESTART_RESTARTBLOCK);
	ck_assert_ptr_nonnull(t[1]->restart.fn);
	ck_assert_uint_eq(t[1]->restart.uaddr, word);
	ck_assert_ptr_null(t[0]->restart.fn);
	/* Both left the queue: nothing to wake. */
	ck_assert_int_eq(futex_call(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0), 0);
	return 0;
}

/* A small deterministic generator for the hostile-argument test. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* An address near the test's pages, or anywhere at all. */
static uaddr_t rng_addr(uaddr_t base)
{
	switch (rng_next() % 4) {
	case 0:
		return base + rng_next() % (3 * PAGE_SIZE);
	case 1:
		return (base + rng_next() % (2 * PAGE_SIZE)) & ~3ull;
	case 2:
		return 0;
	default:
		return rng_next();
	}
}

static bool futex_errno_is_expected(long r)
{
	return r >= 0 || r == -EINVAL || r == -EFAULT || r == -EAGAIN || r == -ENOSYS ||
	       r == -ETIMEDOUT;
}

BOOTED_TEST(futex_survives_random_hostile_arguments)
{
	uaddr_t base, uaddr;
	int i, op, cmd;
	uint32_t val, cur;
	long r;

	setup_world();
	base = world_user_alloc(wp, 2);
	for (i = 0; i < 20000; i++) {
		op = (int)(rng_next() % 16) | (int)(rng_next() & 0x180);
		if (rng_next() % 8 == 0)
			op = (int)rng_next();
		cmd = op & FUTEX_CMD_MASK;
		uaddr = rng_addr(base);
		val = (uint32_t)rng_next();
		/* A wait must not find its value, or it would sleep for good. */
		if ((cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) &&
		    !vmspace_copy_from(wp->mm.vs, &cur, uaddr & ~3ull, sizeof(cur)))
			val = cur + 1;
		r = futex_call(uaddr, op, val, rng_addr(base), rng_addr(base), (uint32_t)rng_next());
		ck_assert_msg(futex_errno_is_expected(r), "op %#x returned %ld", op, r);
	}
	return 0;
}

int main(void)
{
	Suite *s = suite_create("futex");
	TCase *tc = tcase_create("futex");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, futex_wake_wakes_waiters_oldest_first);
	tcase_add_test(tc, futex_wake_of_zero_still_wakes_one_as_linux_does);
	tcase_add_test(tc, futex_wait_returns_eagain_when_the_word_differs);
	tcase_add_test(tc, futex_rejects_bad_arguments_with_linux_errors);
	tcase_add_test(tc, futex_wait_times_out_on_the_virtual_clock);
	tcase_add_test(tc, futex_wait_bitset_timeout_is_an_absolute_deadline);
	tcase_add_test(tc, futex_wake_bitset_wakes_only_matching_waiters);
	tcase_add_test(tc, futex_cmp_requeue_wakes_then_moves_and_counts_both);
	tcase_add_test(tc, futex_requeue_onto_the_same_word_counts_each_waiter_once);
	tcase_add_test(tc, futex_wake_op_updates_the_second_word_and_wakes_by_comparison);
	tcase_add_test(tc, futex_private_wait_is_not_woken_from_another_process_sharing_the_page);
	tcase_add_test(tc, futex_shared_wait_is_woken_through_a_different_address_of_the_same_page);
	tcase_add_test(tc, futex_wait_interrupted_by_a_signal_asks_for_a_restart_timed_ones_with_time_left);
	tcase_add_test(tc, futex_survives_random_hostile_arguments);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
