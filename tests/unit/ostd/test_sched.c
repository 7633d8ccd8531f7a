/* test_sched.c: tasks, the scheduler, wait queues, mutexes, timers, user-mode deadlines
 * and the machine's boot and shutdown (src/ostd/sched.c, task.c, sync.c, time.c,
 * user_mode.c, run.c, console.c, log.c) on the virtual clock of the test HAL. */
#include <check.h>
#include <string.h>

#include <ostd/console.h>
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/sync.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <ostd/user_mode.h>
#include <ostd/vmspace.h>

#include "ostd_check.h"

#define MS 1000000ull

/* What ran, in order, as a string of task names. */
static char trace[64];

static void trace_add(char c)
{
	size_t n = strlen(trace);

	ck_assert_uint_lt(n, sizeof(trace) - 1);
	trace[n] = c;
	trace[n + 1] = '\0';
}

static void record_once(void *arg)
{
	trace_add(*(const char *)arg);
}

/* Lets every other task run to completion or to its next sleep. */
static void yield_a_lot(void)
{
	for (int i = 0; i < 20; i++)
		task_yield();
}

BOOTED_TEST(tasks_run_in_spawn_order)
{
	trace[0] = '\0';
	ck_assert_ptr_nonnull(task_spawn(record_once, "a"));
	ck_assert_ptr_nonnull(task_spawn(record_once, "b"));
	ck_assert_ptr_nonnull(task_spawn(record_once, "c"));
	ck_assert_str_eq(trace, "");
	yield_a_lot();
	ck_assert_str_eq(trace, "abc");
	return 0;
}

static void record_thrice(void *arg)
{
	for (int i = 0; i < 3; i++) {
		trace_add(*(const char *)arg);
		task_yield();
	}
}

BOOTED_TEST(task_yield_round_robins_between_runnable_tasks)
{
	trace[0] = '\0';
	task_spawn(record_thrice, "x");
	task_spawn(record_thrice, "y");
	yield_a_lot();
	ck_assert_str_eq(trace, "xyxyxy");
	return 0;
}

static void exit_early(void *arg)
{
	trace_add('e');
	task_exit();
}

BOOTED_TEST(task_exit_ends_the_task_and_its_stack_is_freed)
{
	struct heap_stats a, b;

	trace[0] = '\0';
	heap_stats_get(&a);
	task_spawn(exit_early, NULL);
	yield_a_lot();
	heap_stats_get(&b);
	ck_assert_str_eq(trace, "e");
	ck_assert_uint_eq(b.live_objects, a.live_objects);
	return 0;
}

/* Runs for 7 ms of the virtual clock, yields, then runs 3 ms more. */
static void run_7_then_3(void *arg)
{
	hal_test_clock_advance(7 * MS);
	task_yield();
	hal_test_clock_advance(3 * MS);
}

BOOTED_TEST(task_cpu_ns_counts_only_the_time_a_task_runs)
{
	struct task *me = task_current(), *t = task_spawn(run_7_then_3, NULL);
	uint64_t mine = task_cpu_ns(me);

	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(task_cpu_ns(t), 0);
	task_yield();               /* t runs 7 ms, then yields back */
	ck_assert_uint_eq(task_cpu_ns(t), 7 * MS);
	/* The current task's count goes on while it runs, not while t did. */
	ck_assert_uint_eq(task_cpu_ns(me), mine);
	hal_test_clock_advance(2 * MS);
	ck_assert_uint_eq(task_cpu_ns(me), mine + 2 * MS);
	yield_a_lot();
	return 0;
}

BOOTED_TEST(task_data_and_vmspace_are_attached_to_the_task)
{
	struct task *t = task_current();
	int x;

	ck_assert_ptr_nonnull(t);
	task_set_data(t, &x);
	ck_assert_ptr_eq(task_data(t), &x);
	ck_assert_ptr_null(task_vmspace(t));
	return 0;
}

static waitqueue_t wq = WAITQUEUE_INIT;

static void wait_and_record(void *arg)
{
	waitqueue_wait(&wq);
	trace_add(*(const char *)arg);
}

BOOTED_TEST(waitqueue_wake_one_wakes_longest_waiter_and_wake_all_the_rest)
{
	trace[0] = '\0';
	waitqueue_init(&wq);
	task_spawn(wait_and_record, "1");
	task_spawn(wait_and_record, "2");
	task_spawn(wait_and_record, "3");
	yield_a_lot();
	ck_assert(!waitqueue_is_empty(&wq));
	ck_assert_int_eq(waitqueue_wake_one(&wq), 1);
	yield_a_lot();
	ck_assert_str_eq(trace, "1");
	ck_assert_int_eq(waitqueue_wake_all(&wq), 2);
	yield_a_lot();
	ck_assert_str_eq(trace, "123");
	ck_assert(waitqueue_is_empty(&wq));
	ck_assert_int_eq(waitqueue_wake_one(&wq), 0);
	return 0;
}

BOOTED_TEST(waitqueue_wait_until_times_out_on_the_virtual_clock)
{
	waitqueue_t q = WAITQUEUE_INIT;
	uint64_t start = clock_monotonic_ns();

	ck_assert_int_eq(waitqueue_wait_until(&q, start + 5 * MS), -ETIMEDOUT);
	ck_assert_uint_eq(clock_monotonic_ns(), start + 5 * MS);
	ck_assert(waitqueue_is_empty(&q));
	ck_assert_int_eq(waitqueue_wait_until(&q, start), -ETIMEDOUT);
	return 0;
}

static void wake_wq(void *arg)
{
	waitqueue_wake_one(arg);
}

BOOTED_TEST(waitqueue_wait_until_returns_zero_when_woken_in_time)
{
	waitqueue_t q = WAITQUEUE_INIT;
	uint64_t start = clock_monotonic_ns();

	task_spawn(wake_wq, &q);
	ck_assert_int_eq(waitqueue_wait_until(&q, start + 5 * MS), 0);
	ck_assert_uint_eq(clock_monotonic_ns(), start);
	/* The cancelled timeout never fires later. */
	ck_assert_int_eq(waitqueue_wait_until(&q, start + 10 * MS), -ETIMEDOUT);
	return 0;
}

static int timed_result = 1;

static void timed_wait(void *arg)
{
	timed_result = waitqueue_wait_until(arg, clock_monotonic_ns() + 5 * MS);
}

static void plain_wait(void *arg)
{
	waitqueue_wait(arg);
}

BOOTED_TEST(waitqueue_woken_waiter_whose_deadline_passes_before_it_runs_leaves_queue_intact)
{
	waitqueue_t q = WAITQUEUE_INIT;

	task_spawn(timed_wait, &q);
	task_spawn(plain_wait, &q);
	yield_a_lot();
	ck_assert_int_eq(waitqueue_wake_one(&q), 1);
	hal_test_clock_advance(10 * MS);
	yield_a_lot();
	ck_assert_int_eq(timed_result, 0);
	ck_assert(!waitqueue_is_empty(&q));
	ck_assert_int_eq(waitqueue_wake_all(&q), 1);
	yield_a_lot();
	return 0;
}

static mutex_t mtx = MUTEX_INIT;

static void lock_record_unlock(void *arg)
{
	mutex_lock(&mtx);
	trace_add(*(const char *)arg);
	task_yield();
	mutex_unlock(&mtx);
}

BOOTED_TEST(mutex_unlock_hands_the_mutex_to_the_longest_waiter)
{
	trace[0] = '\0';
	mutex_init(&mtx);
	mutex_lock(&mtx);
	task_spawn(lock_record_unlock, "b");
	task_spawn(lock_record_unlock, "c");
	yield_a_lot();
	ck_assert_str_eq(trace, "");
	mutex_unlock(&mtx);
	ck_assert_ptr_nonnull(mtx.owner);
	/* Relocking queues behind both waiters. */
	mutex_lock(&mtx);
	trace_add('a');
	ck_assert_str_eq(trace, "bca");
	mutex_unlock(&mtx);
	ck_assert_ptr_null(mtx.owner);
	return 0;
}

BOOTED_TEST(spinlock_trylock_fails_while_held)
{
	spinlock_t l = SPINLOCK_INIT;

	spin_lock(&l);
	ck_assert(!spin_trylock(&l));
	spin_unlock(&l);
	ck_assert(spin_trylock(&l));
	spin_unlock(&l);
	return 0;
}

BOOTED_TEST(timers_fire_in_deadline_order_and_cancel_works)
{
	waitqueue_t q = WAITQUEUE_INIT;
	uint64_t now = clock_monotonic_ns();
	struct timer *t;

	trace[0] = '\0';
	ck_assert_ptr_nonnull(timer_add(now + 30 * MS, record_once, "3"));
	ck_assert_ptr_nonnull(timer_add(now + 10 * MS, record_once, "1"));
	t = timer_add(now + 15 * MS, record_once, "x");
	ck_assert_ptr_nonnull(timer_add(now + 20 * MS, record_once, "2"));
	ck_assert_ptr_nonnull(timer_add(now + 20 * MS, record_once, "4"));
	timer_cancel(t);
	ck_assert_int_eq(waitqueue_wait_until(&q, now + 25 * MS), -ETIMEDOUT);
	ck_assert_str_eq(trace, "124");
	ck_assert_int_eq(waitqueue_wait_until(&q, now + 50 * MS), -ETIMEDOUT);
	ck_assert_str_eq(trace, "1243");
	return 0;
}

struct exec_script {
	uint64_t deadline_seen;
	uint64_t advance;
	int calls;
};

static enum user_return scripted_exec(struct user_context *ctx, struct vmspace *vs,
				      uint64_t deadline_ns, void *arg)
{
	struct exec_script *s = arg;

	s->calls++;
	s->deadline_seen = deadline_ns;
	hal_test_clock_advance(s->advance);
	ctx->regs.rax = 39;
	return USER_RETURN_SYSCALL;
}

BOOTED_TEST(user_mode_execute_runs_until_next_timer_and_fires_it_after)
{
	struct exec_script s = { .advance = 7 * MS };
	struct vmspace *vs = vmspace_create();
	struct user_context ctx = { 0 };
	uint64_t now = clock_monotonic_ns();

	trace[0] = '\0';
	hal_test_set_execute(scripted_exec, &s);
	user_context_init(&ctx, 0x401000, 0x7ffff000);
	ck_assert_uint_eq(ctx.regs.rip, 0x401000);
	ck_assert_uint_eq(ctx.regs.rsp, 0x7ffff000);
	ck_assert_uint_eq(ctx.regs.rflags, 0x202);
	ck_assert_int_eq(user_mode_execute(&ctx, vs), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(s.deadline_seen, UINT64_MAX);
	ck_assert_uint_eq(user_syscall_nr(&ctx), 39);
	now = clock_monotonic_ns();
	timer_add(now + 12 * MS, record_once, "t");
	ck_assert_int_eq(user_mode_execute(&ctx, vs), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(s.deadline_seen, now + 12 * MS);
	ck_assert_str_eq(trace, "");
	ck_assert_int_eq(user_mode_execute(&ctx, vs), USER_RETURN_SYSCALL);
	ck_assert_str_eq(trace, "t");
	user_context_release(&ctx);
	ck_assert_uint_eq(hal_test_context_releases(), 1);
	vmspace_destroy(vs);
	return 0;
}

static void do_nothing(void *arg)
{
}

BOOTED_TEST(timeslice_bounds_user_mode_and_sets_need_resched_when_others_wait)
{
	struct exec_script s = { 0 };
	struct vmspace *vs = vmspace_create();
	struct user_context ctx;
	uint64_t start = clock_monotonic_ns();

	user_context_init(&ctx, 0, 0);
	hal_test_set_execute(scripted_exec, &s);
	ck_assert(!task_need_resched());
	hal_test_clock_advance(20 * MS);
	ck_assert(!task_need_resched());      /* nobody else wants the CPU */
	task_yield();                         /* a new timeslice starts */
	start = clock_monotonic_ns();
	task_spawn(do_nothing, NULL);
	ck_assert(!task_need_resched());
	user_mode_execute(&ctx, vs);
	ck_assert_uint_eq(s.deadline_seen, start + 10 * MS);
	hal_test_clock_advance(10 * MS);
	ck_assert(task_need_resched());
	task_yield();
	ck_assert(!task_need_resched());
	vmspace_destroy(vs);
	return 0;
}

static int status_body(void *arg)
{
	return 42;
}

START_TEST(ostd_run_returns_the_shutdown_status)
{
	ck_assert_int_eq(ostd_test_boot(status_body, NULL), 42);
}
END_TEST

static void shut_down_7(void *arg)
{
	ostd_shutdown(7);
}

static int shutdown_elsewhere_body(void *arg)
{
	waitqueue_t forever = WAITQUEUE_INIT;

	if (arg)
		timer_add(clock_monotonic_ns() + MS, shut_down_7, NULL);
	else
		task_spawn(shut_down_7, NULL);
	waitqueue_wait(&forever);
	return 1;
}

START_TEST(ostd_shutdown_from_another_task_or_a_timer_stops_the_machine)
{
	ck_assert_int_eq(ostd_test_boot(shutdown_elsewhere_body, NULL), 7);
	ck_assert_int_eq(ostd_test_boot(shutdown_elsewhere_body, (void *)1), 7);
}
END_TEST

static void block_forever(void *arg)
{
	waitqueue_t q = WAITQUEUE_INIT;

	waitqueue_wait_until(&q, UINT64_MAX - 1);
}

/* Leaves behind what a machine may hold at shutdown: blocked tasks with timed waits,
 * runnable tasks, pending timers, page tables and a console waiter. */
static int busy_body(void *arg)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f = frame_alloc(FRAME_USER);

	vmspace_map(vs, 0x400000, f, VM_READ);
	frame_put(f);
	vmspace_destroy(vs);
	task_spawn(block_forever, NULL);
	task_spawn(block_forever, NULL);
	task_spawn(do_nothing, NULL);
	timer_add(clock_monotonic_ns() + 1000 * MS, do_nothing, NULL);
	task_yield();
	return 3;
}

START_TEST(repeated_boots_leak_nothing)
{
	struct heap_stats before, after;

	ck_assert_int_eq(ostd_test_boot(busy_body, NULL), 3);
	heap_stats_get(&before);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(ostd_test_boot(busy_body, NULL), 3);
	heap_stats_get(&after);
	ck_assert_uint_eq(after.live_objects, before.live_objects);
	ck_assert_uint_eq(after.live_bytes, before.live_bytes);
	ck_assert_uint_eq(before.live_objects, 0);
}
END_TEST

static int deadlock_body(void *arg)
{
	waitqueue_t q = WAITQUEUE_INIT;

	waitqueue_wait(&q);
	return 0;
}

START_TEST(every_task_blocked_with_no_timer_panics_the_test_hal)
{
	ostd_test_boot(deadlock_body, NULL);
}
END_TEST

static void console_reader(void *arg)
{
	char buf[16];
	ssize_t n;

	while ((n = console_read(buf, sizeof(buf))) == -EAGAIN)
		waitqueue_wait(console_input_waitqueue());
	ck_assert_int_eq(n, 2);
	console_write(CONSOLE_OUT, buf, (size_t)n);
	ck_assert_int_eq(console_read(buf, sizeof(buf)), 0);
	ostd_shutdown(5);
}

static void feed_console(void *arg)
{
	hal_test_console_feed("hi", 2);
	hal_test_console_eof();
}

static int console_body(void *arg)
{
	waitqueue_t forever = WAITQUEUE_INIT;

	hal_test_set_idle_hook(feed_console, NULL);
	task_spawn(console_reader, NULL);
	waitqueue_wait(&forever);
	return 1;
}

START_TEST(console_input_wakes_the_waiting_reader)
{
	ck_assert_int_eq(ostd_test_boot(console_body, NULL), 5);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_OUT, NULL), "hi");
}
END_TEST

BOOTED_TEST(log_printf_formats_into_the_hal_log)
{
	log_info("frames: %d of %s", 12, "ram");
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "frames: 12 of ram\n"));
	return 0;
}

BOOTED_TEST(ostd_panic_reaches_the_hal_with_its_message)
{
	ostd_panic("broken %s", "invariant");
	return 0;
}

int main(void)
{
	Suite *s = suite_create("ostd_sched");
	TCase *tc = tcase_create("sched");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, tasks_run_in_spawn_order);
	tcase_add_test(tc, task_yield_round_robins_between_runnable_tasks);
	tcase_add_test(tc, task_exit_ends_the_task_and_its_stack_is_freed);
	tcase_add_test(tc, task_cpu_ns_counts_only_the_time_a_task_runs);
	tcase_add_test(tc, task_data_and_vmspace_are_attached_to_the_task);
	tcase_add_test(tc, waitqueue_wake_one_wakes_longest_waiter_and_wake_all_the_rest);
	tcase_add_test(tc, waitqueue_wait_until_times_out_on_the_virtual_clock);
	tcase_add_test(tc, waitqueue_wait_until_returns_zero_when_woken_in_time);
	tcase_add_test(tc, waitqueue_woken_waiter_whose_deadline_passes_before_it_runs_leaves_queue_intact);
	tcase_add_test(tc, mutex_unlock_hands_the_mutex_to_the_longest_waiter);
	tcase_add_test(tc, spinlock_trylock_fails_while_held);
	tcase_add_test(tc, timers_fire_in_deadline_order_and_cancel_works);
	tcase_add_test(tc, user_mode_execute_runs_until_next_timer_and_fires_it_after);
	tcase_add_test(tc, timeslice_bounds_user_mode_and_sets_need_resched_when_others_wait);
	tcase_add_test(tc, ostd_run_returns_the_shutdown_status);
	tcase_add_test(tc, ostd_shutdown_from_another_task_or_a_timer_stops_the_machine);
	tcase_add_test(tc, repeated_boots_leak_nothing);
	tcase_add_exit_test(tc, every_task_blocked_with_no_timer_panics_the_test_hal,
			    HAL_TEST_PANIC_STATUS);
	tcase_add_test(tc, console_input_wakes_the_waiting_reader);
	tcase_add_test(tc, log_printf_formats_into_the_hal_log);
	tcase_add_exit_test(tc, ostd_panic_reaches_the_hal_with_its_message,
			    HAL_TEST_PANIC_STATUS);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
