/* test_spare.c: stubs started ahead of need and stubs killed in the background
 * (src/hal-kvm/seccomp/spare.c, reaper.c, their use in space.c and seccomp_engine.c). */
#define _GNU_SOURCE
#include <check.h>

#include "check_run.h"
#include <errno.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guest_env.h"
#include "seccomp/seccomp_engine.h"

#define TIMEOUT_MS 5000
#define WAIT_STEPS 10000       /* of 1 ms: how long a process gets to appear or go */
#define MAX_PIDS 64

static struct guest_env env;

static void setup(void)
{
	env_setup(&env, true);
	ENV_LOAD(&env, getpid_exit);
}

static void teardown(void)
{
	env_teardown(&env);
}

/* The zygote's live children (spares and stubs), once there are at least want. */
static int stubs_wait_for(int want, int *pids)
{
	int i, n = 0;

	for (i = 0; i < WAIT_STEPS; i++) {
		n = env_children_of(seccomp_engine.zygote.pid, pids, MAX_PIDS);
		if (n >= want)
			break;
		usleep(1000);
	}
	return n;
}

static bool pid_is_in(int pid, const int *pids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (pids[i] == pid)
			return true;
	return false;
}

static bool pid_wait_gone(int pid)
{
	int i;

	for (i = 0; i < WAIT_STEPS && env_proc_is_alive(pid); i++)
		usleep(1000);
	return !env_proc_is_alive(pid);
}

static int blocks_in_use(void)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < seccomp_engine.slots.count; i++)
		n += !!(seccomp_engine.slots.used[i / 64] & (1ull << (i % 64)));
	return n;
}

static bool reaper_holds_block(int block)
{
	unsigned int i;

	for (i = 0; i < seccomp_engine.reaper.n; i++)
		if (seccomp_engine.reaper.e[i].block == block)
			return true;
	return false;
}

/* Creates a space and runs getpid_exit in it to its exit: both syscalls come back. */
static struct engine_space *space_run_program(struct user_context *ctx)
{
	struct engine_space *s;

	ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &s), 0);
	env_ctx_init(ctx, ENV_CODE_VA, ENV_STACK_VA + PAGE_SIZE - 64);
	ck_assert_int_eq(env_run_ctx(s, ctx, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(ctx->regs.rax, 39);
	ctx->regs.rax = 4242;
	ck_assert_int_eq(env_run_ctx(s, ctx, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(ctx->regs.rax, 60);
	ck_assert_uint_eq(ctx->regs.rbx, 4242);
	return s;
}

static void space_end(struct engine_space *s, struct user_context *ctx)
{
	seccomp_engine_ops.space_destroy(s);
	seccomp_engine_ops.thread_release(ctx->engine);
	ctx->engine = NULL;
}

START_TEST(a_new_space_runs_on_a_stub_started_before_it)
{
	struct user_context ctx = { 0 };
	struct engine_space *s;
	int before[MAX_PIDS], n;

	/* Requested at init: they start while nobody waits for them. */
	n = stubs_wait_for(SPARE_MAX, before);
	ck_assert_int_eq(n, SPARE_MAX);
	s = space_run_program(&ctx);
	ck_assert(pid_is_in(s->pid, before, n));
	/* The one taken is replaced. */
	ck_assert_int_eq(seccomp_engine.spares.n, SPARE_MAX);
	space_end(s, &ctx);
}
END_TEST

START_TEST(twenty_spaces_in_a_row_each_run_a_program_and_leak_no_block)
{
	struct user_context ctx = { 0 };
	int i;

	/* More spaces than the engine area has blocks (21): blocks must come back. */
	for (i = 0; i < 20; i++)
		space_end(space_run_program(&ctx), &ctx);
	ck_assert_int_eq(blocks_in_use(),
			 (int)(seccomp_engine.spares.n + seccomp_engine.reaper.n));
	ck_assert_int_le(seccomp_engine.reaper.n, seccomp_engine.slots.count);
}
END_TEST

START_TEST(a_destroyed_spaces_block_stays_taken_until_its_stub_is_gone)
{
	struct user_context ctx = { 0 }, ctx2 = { 0 };
	struct engine_space *s = space_run_program(&ctx);
	int block = s->block, pid = s->pid;

	space_end(s, &ctx);
	ck_assert(reaper_holds_block(block));
	ck_assert(seccomp_engine.slots.used[block / 64] & (1ull << (block % 64)));
	ck_assert(pid_wait_gone(pid));
	/* The next space's refill collects what is gone. */
	s = space_run_program(&ctx2);
	ck_assert(!reaper_holds_block(block));
	space_end(s, &ctx2);
}
END_TEST

START_TEST(fini_leaves_no_child_no_stub_and_no_spare)
{
	struct user_context ctx[3] = { 0 };
	struct engine_space *s[3];
	int pids[MAX_PIDS], n, i, status;

	/* Orphans would come to this process: fini must leave none, not even a zombie. */
	ck_assert_int_eq(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	for (i = 0; i < 3; i++)
		s[i] = space_run_program(&ctx[i]);
	space_end(s[0], &ctx[0]);
	space_end(s[1], &ctx[1]);       /* dying, or gone already */
	n = stubs_wait_for(1 + SPARE_MAX, pids);
	ck_assert_int_ge(n, 1 + SPARE_MAX);
	seccomp_engine_ops.fini();
	errno = 0;
	ck_assert_int_eq(waitpid(-1, &status, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);
	for (i = 0; i < n; i++)
		ck_assert(!env_proc_is_alive(pids[i]));
	ck_assert_int_eq(env_run_ctx(s[2], &ctx[2], TIMEOUT_MS), USER_RETURN_LOST);
	space_end(s[2], &ctx[2]);
}
END_TEST

static Suite *spare_suite(void)
{
	Suite *s = suite_create("seccomp_spare");
	TCase *tc = tcase_create("spare");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, a_new_space_runs_on_a_stub_started_before_it);
	tcase_add_test(tc, twenty_spaces_in_a_row_each_run_a_program_and_leak_no_block);
	tcase_add_test(tc, a_destroyed_spaces_block_stays_taken_until_its_stub_is_gone);
	tcase_add_test(tc, fini_leaves_no_child_no_stub_and_no_spare);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run_suite(spare_suite());
}
