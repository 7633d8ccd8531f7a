/* test_robust.c: an exiting thread's robust-list walk and clear_child_tid wake-up, on
 * well-formed and hostile lists, and get_robust_list. */
#include <limits.h>
#include <ostd/errno.h>
#include <futex/futex.h>
#include "ostd_check.h"
#include "misc_world.h"

static struct world_proc *wp;
static struct thread *dying;

struct waiter_arg {
	uaddr_t word;
	uint32_t val;
	long result;
	bool done;
};

static void waiter_main(struct thread *t, void *argp)
{
	struct waiter_arg *a = argp;

	a->result = sys_futex(uaddr_ptr(a->word), FUTEX_WAIT, a->val, NULL, NULL, 0);
	a->done = true;
}

/* A thread that only exists to die: it never runs anything. */
static void idle_main(struct thread *t, void *argp)
{
}

static void setup_world(void)
{
	wp = world_init();
	dying = world_thread_spawn(wp, idle_main, NULL);
	world_settle();
}

/* Lays out a robust list head at head whose entries are at entries[0..n) (each an 8-byte
 * next pointer followed at +8 by the lock word), last pointing back to the head. */
static void robust_list_build(uaddr_t head, const uaddr_t *entries, int n, uaddr_t pending)
{
	struct robust_list_head h = { .next = n ? entries[0] : head, .futex_offset = 8,
				      .list_op_pending = pending };
	int i;

	world_poke(wp, head, &h, sizeof(h));
	for (i = 0; i < n; i++) {
		uint64_t next = i + 1 < n ? entries[i + 1] : head;

		world_poke(wp, entries[i], &next, sizeof(next));
	}
}

BOOTED_TEST(robust_exit_marks_held_locks_owner_died_and_wakes_a_waiter)
{
	struct waiter_arg a = { 0 };
	uaddr_t base, head, e[3];
	uint32_t tid;

	setup_world();
	tid = (uint32_t)dying->tid;
	base = world_user_alloc(wp, 1);
	head = base;
	e[0] = base + 64;
	e[1] = base + 128;
	e[2] = base + 192;
	robust_list_build(head, e, 3, 0);
	world_poke32(wp, e[0] + 8, tid | FUTEX_WAITERS);   /* held, contended */
	world_poke32(wp, e[1] + 8, 12345);                  /* someone else's */
	world_poke32(wp, e[2] + 8, tid);                    /* held, uncontended */
	a.word = e[0] + 8;
	a.val = tid | FUTEX_WAITERS;
	world_thread_spawn(wp, waiter_main, &a);
	world_settle();
	ck_assert(!a.done);
	dying->robust_list = head;
	dying->robust_len = sizeof(struct robust_list_head);
	futex_thread_exit(dying);
	world_settle();
	ck_assert(a.done);
	ck_assert_int_eq(a.result, 0);
	ck_assert_uint_eq(world_peek32(wp, e[0] + 8), FUTEX_WAITERS | FUTEX_OWNER_DIED);
	ck_assert_uint_eq(world_peek32(wp, e[1] + 8), 12345);
	ck_assert_uint_eq(world_peek32(wp, e[2] + 8), FUTEX_OWNER_DIED);
	ck_assert_uint_eq(dying->robust_list, 0);
	return 0;
}

BOOTED_TEST(robust_exit_releases_the_pending_lock_too)
{
	uaddr_t base, head, e[1], pending;
	uint32_t tid;

	setup_world();
	tid = (uint32_t)dying->tid;
	base = world_user_alloc(wp, 1);
	head = base;
	e[0] = base + 64;
	pending = base + 256;
	robust_list_build(head, e, 1, pending);
	world_poke32(wp, e[0] + 8, tid);
	world_poke32(wp, pending + 8, tid);
	dying->robust_list = head;
	futex_thread_exit(dying);
	ck_assert_uint_eq(world_peek32(wp, e[0] + 8), FUTEX_OWNER_DIED);
	ck_assert_uint_eq(world_peek32(wp, pending + 8), FUTEX_OWNER_DIED);
	return 0;
}

BOOTED_TEST(robust_walk_of_a_cyclic_list_stops_at_the_limit)
{
	uaddr_t base, head, e[2];
	uint64_t self;
	uint32_t tid;

	setup_world();
	tid = (uint32_t)dying->tid;
	base = world_user_alloc(wp, 1);
	head = base;
	e[0] = base + 64;
	e[1] = base + 128;
	robust_list_build(head, e, 2, 0);
	self = e[0];
	world_poke(wp, e[1], &self, sizeof(self));   /* e1 -> e0 -> e1 -> ... never the head */
	world_poke32(wp, e[0] + 8, tid);
	world_poke32(wp, e[1] + 8, tid);
	dying->robust_list = head;
	futex_thread_exit(dying);
	ck_assert_uint_eq(world_peek32(wp, e[0] + 8), FUTEX_OWNER_DIED);
	ck_assert_uint_eq(world_peek32(wp, e[1] + 8), FUTEX_OWNER_DIED);
	return 0;
}

BOOTED_TEST(robust_walk_stops_quietly_at_a_bad_pointer)
{
	uaddr_t base, head, e[2];
	uint64_t wild = 0xdead0000ull;
	uint32_t tid;

	setup_world();
	tid = (uint32_t)dying->tid;
	base = world_user_alloc(wp, 1);
	head = base;
	e[0] = base + 64;
	e[1] = base + 128;
	robust_list_build(head, e, 2, 0);
	world_poke(wp, e[0], &wild, sizeof(wild));
	world_poke32(wp, e[0] + 8, tid);
	world_poke32(wp, e[1] + 8, tid);
	dying->robust_list = head;
	futex_thread_exit(dying);
	ck_assert_uint_eq(world_peek32(wp, e[0] + 8), FUTEX_OWNER_DIED);
	ck_assert_uint_eq(world_peek32(wp, e[1] + 8), tid);   /* unreachable: untouched */

	/* A head that is not even mapped, and an unaligned lock word. */
	dying->robust_list = 0x1000;
	futex_thread_exit(dying);
	head = world_user_alloc(wp, 1);
	e[0] = head + 64;
	robust_list_build(head, e, 1, 0);
	{
		struct robust_list_head h = { .next = e[0], .futex_offset = 9 };

		world_poke(wp, head, &h, sizeof(h));
	}
	dying->robust_list = head;
	futex_thread_exit(dying);
	return 0;
}

BOOTED_TEST(exit_clears_child_tid_and_wakes_the_joiner)
{
	struct waiter_arg a = { 0 };
	uaddr_t word;

	setup_world();
	word = world_user_alloc(wp, 1) + 16;
	world_poke32(wp, word, (uint32_t)dying->tid);
	a.word = word;
	a.val = (uint32_t)dying->tid;
	world_thread_spawn(wp, waiter_main, &a);
	world_settle();
	ck_assert(!a.done);
	dying->clear_child_tid = word;
	futex_thread_exit(dying);
	world_settle();
	ck_assert(a.done);
	ck_assert_int_eq(a.result, 0);
	ck_assert_uint_eq(world_peek32(wp, word), 0);
	ck_assert_uint_eq(dying->clear_child_tid, 0);
	/* A clear_child_tid that faults is ignored. */
	dying->clear_child_tid = 0x1000;
	futex_thread_exit(dying);
	return 0;
}

BOOTED_TEST(get_robust_list_reports_the_head_and_its_size)
{
	uaddr_t out;
	uint64_t got[2];

	setup_world();
	out = world_user_alloc(wp, 1);
	thread_current()->robust_list = 0x12340;
	dying->robust_list = 0x56780;
	ck_assert_int_eq(sys_get_robust_list(0, uaddr_ptr(out), uaddr_ptr(out + 8)), 0);
	world_peek(wp, out, got, sizeof(got));
	ck_assert_uint_eq(got[0], 0x12340);
	ck_assert_uint_eq(got[1], 24);   /* Linux's struct robust_list_head */
	ck_assert_int_eq(sys_get_robust_list(dying->tid, uaddr_ptr(out), uaddr_ptr(out + 8)), 0);
	world_peek(wp, out, got, sizeof(got));
	ck_assert_uint_eq(got[0], 0x56780);
	ck_assert_int_eq(sys_get_robust_list(4242, uaddr_ptr(out), uaddr_ptr(out + 8)), -ESRCH);
	ck_assert_int_eq(sys_get_robust_list(0, uaddr_ptr(0x1000), uaddr_ptr(out)), -EFAULT);
	return 0;
}

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Random lists over two pages: pointers into them (aligned or not, PI bit or not), wild
 * ones, odd offsets. Each walk must end, whatever it finds. */
BOOTED_TEST(robust_walk_of_random_lists_always_ends)
{
	uint64_t words[2 * PAGE_SIZE / 8];
	uaddr_t base;
	int round;
	size_t i;

	setup_world();
	base = world_user_alloc(wp, 2);
	for (round = 0; round < 300; round++) {
		for (i = 0; i < ARRAY_SIZE(words); i++) {
			switch (rng_next() % 4) {
			case 0:
				words[i] = base + (rng_next() % (2 * PAGE_SIZE)) / 8 * 8;
				break;
			case 1:
				words[i] = base + rng_next() % (2 * PAGE_SIZE);
				break;
			case 2:
				words[i] = (uint64_t)(uint32_t)dying->tid |
					   (rng_next() & FUTEX_WAITERS);
				break;
			default:
				words[i] = rng_next();
				break;
			}
		}
		words[1] = rng_next() % 3 == 0 ? rng_next() : (rng_next() % 64) * 4;
		world_poke(wp, base, words, sizeof(words));
		dying->robust_list = base + (rng_next() % 8 == 0 ? rng_next() % PAGE_SIZE : 0);
		dying->clear_child_tid = rng_next() % 2 ? base + rng_next() % (2 * PAGE_SIZE)
							: rng_next();
		futex_thread_exit(dying);
		ck_assert_uint_eq(dying->robust_list, 0);
		ck_assert_uint_eq(dying->clear_child_tid, 0);
	}
	return 0;
}

int main(void)
{
	Suite *s = suite_create("robust");
	TCase *tc = tcase_create("robust");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, robust_exit_marks_held_locks_owner_died_and_wakes_a_waiter);
	tcase_add_test(tc, robust_exit_releases_the_pending_lock_too);
	tcase_add_test(tc, robust_walk_of_a_cyclic_list_stops_at_the_limit);
	tcase_add_test(tc, robust_walk_stops_quietly_at_a_bad_pointer);
	tcase_add_test(tc, exit_clears_child_tid_and_wakes_the_joiner);
	tcase_add_test(tc, get_robust_list_reports_the_head_and_its_size);
	tcase_add_test(tc, robust_walk_of_random_lists_always_ends);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
