/* test_thread.c: several user contexts per address space, each on its own stub thread
 * of the space's one stub process (src/hal-kvm/seccomp/thread.c, the stub's thread.c). */
#include <check.h>

#include "check_run.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_env.h"
#include "seccomp/seccomp_engine.h"

#define TIMEOUT_MS 5000
#define NCTX 8

static struct guest_env env;
static struct user_context ctxs[NCTX];

static void setup(void)
{
	env_setup(&env, true);
	memset(ctxs, 0, sizeof(ctxs));
	ENV_LOAD(&env, fs_load_loop);
}

static void teardown(void)
{
	unsigned int i;

	for (i = 0; i < NCTX; i++)
		seccomp_engine_ops.thread_release(ctxs[i].engine);
	env_teardown(&env);
}

/* Context i: the loop reading the word at its FS base (data word i), r12 = its mark. */
static void thread_ctx_init(unsigned int i)
{
	uint64_t *data = env_host(&env, ENV_DATA_VA);

	data[i] = 0x1000 + i;
	env_ctx_init(&ctxs[i], ENV_CODE_VA, ENV_STACK_VA + PAGE_SIZE - 64 - 128 * i);
	ctxs[i].regs.fs_base = ENV_DATA_VA + 8 * i;
	ctxs[i].regs.r12 = 0xabc0 + i;
}

static void thread_run_check(unsigned int i)
{
	ck_assert_int_eq(env_run_ctx(env.space, &ctxs[i], TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(ctxs[i].regs.rax, 39);
	ck_assert_uint_eq(ctxs[i].regs.rbx, 0x1000 + i);
	ck_assert_uint_eq(ctxs[i].regs.r12, 0xabc0 + i);
	ck_assert_uint_eq(ctxs[i].regs.rsp, ENV_STACK_VA + PAGE_SIZE - 64 - 128 * i);
}

static void threads_alternate(unsigned int n)
{
	unsigned int i, round;

	for (i = 0; i < n; i++)
		thread_ctx_init(i);
	for (round = 0; round < 3; round++)
		for (i = 0; i < n; i++)
			thread_run_check(i);
	ck_assert_int_eq(env_host_threads(env.space->pid), (int)n);
	ck_assert_uint_eq(env.space->nthreads, n);
}

/* The host thread count of pid once it settles at want (a thread that exits by itself
 * is gone a moment later), or what it is after a generous while. */
static int settled_threads(pid_t pid, int want)
{
	int i, n = env_host_threads(pid);

	for (i = 0; i < 2000 && n != want; i++) {
		usleep(1000);
		n = env_host_threads(pid);
	}
	return n;
}

START_TEST(two_threads_in_one_space_alternate_with_their_own_registers_and_fs)
{
	threads_alternate(2);
}
END_TEST

START_TEST(eight_threads_in_one_space_alternate_with_their_own_registers_and_fs)
{
	threads_alternate(8);
}
END_TEST

START_TEST(a_released_thread_ends_alone_and_the_others_continue)
{
	pid_t pid;

	threads_alternate(3);
	pid = env.space->pid;
	seccomp_engine_ops.thread_release(ctxs[1].engine);
	ctxs[1].engine = NULL;
	ck_assert_int_eq(env_host_threads(pid), 2);
	thread_run_check(0);
	thread_run_check(2);
	/* A new context takes the freed index, in the same stub process. */
	thread_ctx_init(1);
	thread_run_check(1);
	ck_assert_int_eq(env.space->pid, pid);
	ck_assert_int_eq(env_host_threads(pid), 3);
	thread_run_check(0);
}
END_TEST

START_TEST(a_context_moved_to_a_new_space_leaves_the_old_spaces_thread_running)
{
	struct engine_space *other;
	pid_t old_pid;

	threads_alternate(2);
	old_pid = env.space->pid;
	ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &other), 0);
	/* Context 1 (a vfork child, say) execs: its next run is in the new space. */
	ck_assert_int_eq(env_run_ctx(other, &ctxs[1], TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(ctxs[1].regs.rbx, 0x1001);
	ck_assert_int_ne(other->pid, old_pid);
	ck_assert_int_eq(env_host_threads(old_pid), 1);
	thread_run_check(0);
	thread_run_check(0);
	seccomp_engine_ops.space_destroy(other);
	ck_assert_int_eq(env_run_ctx(env.space, &ctxs[0], TIMEOUT_MS), USER_RETURN_SYSCALL);
}
END_TEST

/* How many of pid's host mappings lie in the guest's user range. */
static int user_mappings(pid_t pid)
{
	char path[64], line[256];
	unsigned long long lo;
	int n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%llx-", &lo) == 1 && lo < STUB_USER_END)
			n++;
	fclose(f);
	return n;
}

/* user_mappings(pid) once it settles at 0, or what it is after a generous while. */
static int settled_user_mappings(pid_t pid)
{
	int i, n = user_mappings(pid);

	for (i = 0; i < 2000 && n; i++) {
		usleep(1000);
		n = user_mappings(pid);
	}
	return n;
}

START_TEST(releasing_the_last_thread_keeps_the_stub_for_the_next_context)
{
	pid_t pid;

	threads_alternate(1);
	pid = env.space->pid;
	ck_assert_int_gt(user_mappings(pid), 0);
	seccomp_engine_ops.thread_release(ctxs[0].engine);
	ctxs[0].engine = NULL;
	/* Kept, its one thread parked, for whatever context starts next; the pages of the
	 * process that ended leave it at once. */
	ck_assert_uint_eq(seccomp_engine.recycled.n, 1);
	ck_assert_int_eq(env_host_threads(pid), 1);
	ck_assert_int_eq(settled_user_mappings(pid), 0);
	thread_ctx_init(1);
	thread_run_check(1);
	ck_assert_int_eq(env.space->pid, pid);
	ck_assert_uint_eq(seccomp_engine.recycled.n, 0);
}
END_TEST

START_TEST(a_recycled_stub_keeps_nothing_its_last_space_mapped)
{
	struct engine_space *other;
	pid_t pid;

	threads_alternate(1);
	pid = env.space->pid;
	seccomp_engine_ops.thread_release(ctxs[0].engine);
	ctxs[0].engine = NULL;
	ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &other), 0);
	thread_ctx_init(1);
	/* The data page leaves the table. The flush goes to the old space only: just the
	 * adoption's unmap keeps the new space from reading the old mapping. */
	env_unmap(&env, ENV_DATA_VA);
	ck_assert_int_eq(env_run_ctx(other, &ctxs[1], TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(ctxs[1].fault.vector, TRAP_PF);
	ck_assert_uint_eq(ctxs[1].fault.addr, ENV_DATA_VA + 8);
	ck_assert_int_eq(other->pid, pid);
	seccomp_engine_ops.thread_release(ctxs[1].engine);
	ctxs[1].engine = NULL;
	seccomp_engine_ops.space_destroy(other);
}
END_TEST

START_TEST(a_dead_stub_makes_every_thread_of_its_space_lost)
{
	threads_alternate(3);
	seccomp_space_kill(env.space);
	ck_assert_int_eq(env_run_ctx(env.space, &ctxs[0], TIMEOUT_MS), USER_RETURN_LOST);
	ck_assert_int_eq(env_run_ctx(env.space, &ctxs[2], TIMEOUT_MS), USER_RETURN_LOST);
}
END_TEST

START_TEST(more_threads_than_the_stub_holds_are_refused_without_harm)
{
	static struct user_context many[STUB_MAX_THREADS + 1];
	unsigned int i;

	thread_ctx_init(0);
	for (i = 0; i <= STUB_MAX_THREADS; i++) {
		many[i] = ctxs[0];
		many[i].engine = NULL;
	}
	for (i = 0; i < STUB_MAX_THREADS; i++)
		ck_assert_int_eq(env_run_ctx(env.space, &many[i], TIMEOUT_MS),
				 USER_RETURN_SYSCALL);
	ck_assert_int_eq(env_run_ctx(env.space, &many[STUB_MAX_THREADS], TIMEOUT_MS),
			 USER_RETURN_LOST);
	ck_assert_uint_eq(many[0].regs.rbx, 0x1000);
	ck_assert_int_eq(env_run_ctx(env.space, &many[0], TIMEOUT_MS), USER_RETURN_SYSCALL);
	for (i = 0; i <= STUB_MAX_THREADS; i++)
		seccomp_engine_ops.thread_release(many[i].engine);
}
END_TEST

/* Runs the stub's own clone instruction from guest code with flags and index. */
static enum user_return guest_clone(uint64_t flags, uint64_t index)
{
	uint64_t cont = ENV_CODE_VA + 0x800;

	/* Beside fs_load_loop (at ENV_CODE_VA), which the other contexts run. */
	env_load(&env, ENV_CODE_VA + 0x400, gp_stub_clone, gp_stub_clone_end);
	env_load(&env, cont, gp_getpid_loop, gp_getpid_loop_end);
	memcpy(env_host(&env, ENV_STACK_VA + PAGE_SIZE - 64), &cont, 8);
	env.ctx.regs.rip = ENV_CODE_VA + 0x400;
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = flags;
	env.ctx.regs.r14 = ENV_STACK_VA + 0x800;
	env.ctx.regs.r15 = ENV_DATA_VA;
	env.ctx.regs.rbx = index;
	return env_run(&env, TIMEOUT_MS);
}

START_TEST(guest_clone_with_other_flags_is_a_trap_and_other_spaces_go_on)
{
	struct engine_space *other;
	enum user_return r;

	ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &other), 0);
	thread_ctx_init(0);
	ck_assert_int_eq(env_run_ctx(other, &ctxs[0], TIMEOUT_MS), USER_RETURN_SYSCALL);
	/* Without CLONE_THREAD: a new process, which the filter must refuse. */
	r = guest_clone(STUB_CLONE_FLAGS & ~0x10000u, 1);
	ck_assert_int_eq(r, USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 56);
	ck_assert_int_eq(env_host_threads(env.space->pid), 1);
	ck_assert_int_eq(env_run_ctx(other, &ctxs[0], TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(ctxs[0].regs.rbx, 0x1000);
	seccomp_engine_ops.space_destroy(other);
}
END_TEST

START_TEST(guest_clone_with_a_bad_index_gives_no_thread)
{
	enum user_return r = guest_clone(STUB_CLONE_FLAGS, 1000);

	/* The child exits at once; the guest goes on from the address on its stack. */
	ck_assert_int_eq(r, USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA + 0x807);
	ck_assert_int_eq(settled_threads(env.space->pid, 1), 1);
}
END_TEST

START_TEST(guest_clone_of_a_taken_index_gives_no_thread)
{
	enum user_return r = guest_clone(STUB_CLONE_FLAGS, 0);

	ck_assert_int_eq(r, USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA + 0x807);
	ck_assert_int_eq(settled_threads(env.space->pid, 1), 1);
}
END_TEST

START_TEST(guest_clone_of_a_free_index_gives_one_parked_thread_in_its_own_stub)
{
	enum user_return r = guest_clone(STUB_CLONE_FLAGS, 7);

	ck_assert_int_eq(r, USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA + 0x807);
	/* It parks on a control page the VMM does not use; the VMM's own threads go on. */
	ck_assert_int_le(env_host_threads(env.space->pid), 2);
	thread_ctx_init(1);
	thread_run_check(1);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
}
END_TEST

START_TEST(a_stub_with_a_thread_the_guest_cloned_is_killed_not_kept)
{
	pid_t pid;

	ck_assert_int_eq(guest_clone(STUB_CLONE_FLAGS, 7), USER_RETURN_SYSCALL);
	pid = env.space->pid;
	ck_assert_int_eq(settled_threads(pid, 2), 2);
	seccomp_engine_ops.thread_release(env.ctx.engine);
	env.ctx.engine = NULL;
	ck_assert_uint_eq(seccomp_engine.recycled.n, 0);
	ck_assert_int_eq(settled_threads(pid, 0), 0);
}
END_TEST

static void *thread_park(void *arg)
{
	pause();
	return arg;
}

START_TEST(host_thread_count_is_read_from_the_stat_file)
{
	int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC), before;
	pthread_t th;

	ck_assert_int_ge(fd, 0);
	before = recycle_host_threads(fd);
	ck_assert_int_ge(before, 1);
	ck_assert_int_eq(pthread_create(&th, NULL, thread_park, NULL), 0);
	ck_assert_int_eq(recycle_host_threads(fd), before + 1);
	ck_assert_int_eq(recycle_host_threads(-1), -1);
	close(fd);
}
END_TEST

static Suite *thread_suite(void)
{
	Suite *s = suite_create("seccomp_thread");
	TCase *tc = tcase_create("threads"), *hostile = tcase_create("hostile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, two_threads_in_one_space_alternate_with_their_own_registers_and_fs);
	tcase_add_test(tc, eight_threads_in_one_space_alternate_with_their_own_registers_and_fs);
	tcase_add_test(tc, a_released_thread_ends_alone_and_the_others_continue);
	tcase_add_test(tc, a_context_moved_to_a_new_space_leaves_the_old_spaces_thread_running);
	tcase_add_test(tc, releasing_the_last_thread_keeps_the_stub_for_the_next_context);
	tcase_add_test(tc, a_recycled_stub_keeps_nothing_its_last_space_mapped);
	tcase_add_test(tc, a_dead_stub_makes_every_thread_of_its_space_lost);
	tcase_add_test(tc, more_threads_than_the_stub_holds_are_refused_without_harm);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(hostile, setup, teardown);
	tcase_set_timeout(hostile, 30);
	tcase_add_test(hostile, guest_clone_with_other_flags_is_a_trap_and_other_spaces_go_on);
	tcase_add_test(hostile, guest_clone_with_a_bad_index_gives_no_thread);
	tcase_add_test(hostile, guest_clone_of_a_taken_index_gives_no_thread);
	tcase_add_test(hostile, guest_clone_of_a_free_index_gives_one_parked_thread_in_its_own_stub);
	tcase_add_test(hostile, a_stub_with_a_thread_the_guest_cloned_is_killed_not_kept);
	tcase_add_test(tc, host_thread_count_is_read_from_the_stat_file);
	suite_add_tcase(s, hostile);
	return s;
}

int main(void)
{
	return check_run_suite(thread_suite());
}
