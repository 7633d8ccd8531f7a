/* test_fp.c: a user context's FP/SIMD state in the seccomp engine: its size, reading it,
 * replacing it, resetting it, and refusing hostile images (src/hal-kvm/seccomp/fp.c,
 * fpstate.c, the stub's fp.c). */
#define _GNU_SOURCE
#include <check.h>

#include "check_run.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include "guest_env.h"
#include "seccomp/seccomp_engine.h"

#define TIMEOUT_MS 5000
#define XMM0_OFFSET 160
#define MXCSR_OFFSET 24

static struct guest_env env;
static uint8_t img[USER_FPSTATE_MAX];

static void setup(void)
{
	env_setup(&env, true);
	memset(img, 0, sizeof(img));
}

static void teardown(void)
{
	env_teardown(&env);
}

static uint64_t get64(const uint8_t *p, size_t off)
{
	uint64_t v;

	memcpy(&v, p + off, 8);
	return v;
}

static uint32_t get32(const uint8_t *p, size_t off)
{
	uint32_t v;

	memcpy(&v, p + off, 4);
	return v;
}

static void put32(uint8_t *p, size_t off, uint32_t v)
{
	memcpy(p + off, &v, 4);
}

static volatile uint32_t frame_fp_bytes;

static void note_frame(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	const uint8_t *fp = (const uint8_t *)uc->uc_mcontext.fpregs;

	(void)sig;
	(void)si;
	frame_fp_bytes = get32(fp, FP_SW_OFFSET) == FPSTATE_MAGIC1 ?
			 get32(fp, FP_SW_OFFSET + 4) : 0;
}

START_TEST(fpstate_size_is_what_the_host_puts_in_signal_frames)
{
	struct sigaction sa = { .sa_sigaction = note_frame, .sa_flags = SA_SIGINFO };

	ck_assert_int_eq(sigaction(SIGUSR2, &sa, NULL), 0);
	raise(SIGUSR2);
	ck_assert_uint_gt(frame_fp_bytes, 512);
	ck_assert_uint_eq(seccomp_engine_ops.fpstate_size(), frame_fp_bytes);
	ck_assert_uint_le(seccomp_engine_ops.fpstate_size(), USER_FPSTATE_MAX);
}
END_TEST

START_TEST(get_returns_the_guests_xmm0_in_a_sane_image)
{
	size_t size = seccomp_engine_ops.fpstate_size();

	ENV_LOAD(&env, xmm_keep);
	env.ctx.regs.rdi = 0x1122334455667788ull;
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), (ssize_t)size);
	ck_assert_int_eq(fpstate_check(&seccomp_engine.fp, img, size), 0);
	ck_assert_uint_eq(get64(img, XMM0_OFFSET), 0x1122334455667788ull);
	ck_assert_uint_eq(get32(img, MXCSR_OFFSET) & 0xffff, 0x1f80);
	/* Reading does not disturb the guest. */
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(*(uint64_t *)env_host(&env, ENV_DATA_VA), 0x1122334455667788ull);
}
END_TEST

START_TEST(get_into_a_short_buffer_is_enospc)
{
	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, 512), -ENOSPC);
}
END_TEST

START_TEST(set_then_run_shows_the_new_xmm0_in_the_guest)
{
	size_t size = seccomp_engine_ops.fpstate_size();
	uint64_t v = 0xfeedfacecafebeefull;

	ENV_LOAD(&env, xmm_keep);
	env.ctx.regs.rdi = 1;
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), (ssize_t)size);
	memcpy(img + XMM0_OFFSET, &v, 8);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_set(&env.ctx, img, size), 0);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 60);
	ck_assert_uint_eq(*(uint64_t *)env_host(&env, ENV_DATA_VA), v);
}
END_TEST

START_TEST(a_context_that_never_ran_takes_its_image_at_the_first_run)
{
	size_t size = seccomp_engine_ops.fpstate_size();
	uint64_t v = 0x0123456789abcdefull;

	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), (ssize_t)size);
	ck_assert_uint_eq(get32(img, MXCSR_OFFSET), 0x1f80);
	memcpy(img + XMM0_OFFSET, &v, 8);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_set(&env.ctx, img, size), 0);
	ENV_LOAD(&env, xmm_store);
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(*(uint64_t *)env_host(&env, ENV_DATA_VA), v);
}
END_TEST

START_TEST(a_recycled_stub_starts_the_next_context_with_the_initial_image)
{
	size_t size = seccomp_engine_ops.fpstate_size();
	uint64_t v = 0x0123456789abcdefull, *words = env_host(&env, ENV_DATA_VA);
	struct user_context next;
	pid_t pid;

	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), (ssize_t)size);
	memcpy(img + XMM0_OFFSET, &v, 8);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_set(&env.ctx, img, size), 0);
	ENV_LOAD(&env, xmm_store);
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(words[0], v);
	pid = env.space->pid;
	/* Its only thread goes: the stub is kept, its frame still holding xmm0 = v. */
	seccomp_engine_ops.thread_release(env.ctx.engine);
	env.ctx.engine = NULL;
	ck_assert_uint_eq(seccomp_engine.recycled.n, 1);
	memset(&next, 0, sizeof(next));
	env_ctx_init(&next, ENV_CODE_VA, ENV_STACK_VA + PAGE_SIZE - 64);
	next.regs.rsi = ENV_DATA_VA + 8;
	words[1] = 0xdead;
	ck_assert_int_eq(env_run_ctx(env.space, &next, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(env.space->pid, pid);
	ck_assert_uint_eq(words[1], 0);
	seccomp_engine_ops.thread_release(next.engine);
}
END_TEST

START_TEST(reset_gives_mxcsr_1f80_to_the_guest)
{
	uint32_t *words = env_host(&env, ENV_DATA_VA);

	words[0] = 0x9fc0;      /* round toward zero, flush to zero, exceptions masked */
	ENV_LOAD(&env, mxcsr_keep);
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_gt(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), 0);
	ck_assert_uint_eq(get32(img, MXCSR_OFFSET), 0x9fc0);
	seccomp_engine_ops.fpstate_reset(&env.ctx);
	ck_assert_int_gt(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), 0);
	ck_assert_uint_eq(get32(img, MXCSR_OFFSET), 0x1f80);
	ck_assert_uint_eq(img[0] | img[1] << 8, 0x37f);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(words[1], 0x1f80);
}
END_TEST

/* A valid image of the running guest, then one corruption; set must refuse it, leave the
 * initial state, and the guest must run on (the host kernel never saw the image). */
static void check_refused(void (*corrupt)(uint8_t *p, size_t size))
{
	size_t size = seccomp_engine_ops.fpstate_size();
	uint32_t *words = env_host(&env, ENV_DATA_VA);

	words[0] = 0x1f80;
	ENV_LOAD(&env, mxcsr_keep);
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_get(&env.ctx, img, sizeof(img)), (ssize_t)size);
	corrupt(img, size);
	ck_assert_int_eq(seccomp_engine_ops.fpstate_set(&env.ctx, img, sizeof(img)), -EINVAL);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(words[1], 0x1f80);
}

static void bad_magic1(uint8_t *p, size_t size) { (void)size; put32(p, FP_SW_OFFSET, 0); }
static void bad_magic2(uint8_t *p, size_t size) { put32(p, size - 4, 0x12345678); }
static void huge_size(uint8_t *p, size_t size)
{
	(void)size;
	put32(p, FP_SW_OFFSET + 4, 0x7fffffff);
	put32(p, FP_SW_OFFSET + 16, 0x7ffffffb);
}
static void bad_mxcsr(uint8_t *p, size_t size) { (void)size; put32(p, MXCSR_OFFSET, 0xffffffff); }
static void compacted(uint8_t *p, size_t size) { (void)size; p[FP_HEADER_OFFSET + 15] = 0x80; }
static void unknown_feature(uint8_t *p, size_t size) { (void)size; p[FP_HEADER_OFFSET + 7] = 0x40; }

START_TEST(image_with_bad_magic1_is_refused) { check_refused(bad_magic1); }
END_TEST
START_TEST(image_with_bad_magic2_is_refused) { check_refused(bad_magic2); }
END_TEST
START_TEST(image_with_huge_size_is_refused) { check_refused(huge_size); }
END_TEST
START_TEST(image_with_reserved_mxcsr_bits_is_refused) { check_refused(bad_mxcsr); }
END_TEST
START_TEST(image_in_compacted_format_is_refused) { check_refused(compacted); }
END_TEST
START_TEST(image_with_unknown_feature_is_refused) { check_refused(unknown_feature); }
END_TEST

START_TEST(short_image_is_refused)
{
	ck_assert_int_eq(seccomp_engine_ops.fpstate_set(&env.ctx, img, 512), -EINVAL);
}
END_TEST

START_TEST(two_threads_of_one_space_keep_their_own_xmm0)
{
	struct user_context other = { 0 };
	uint64_t *out = env_host(&env, ENV_DATA_VA);

	ENV_LOAD(&env, xmm_keep);
	env.ctx.regs.rdi = 0xaaaa;
	env.ctx.regs.rsi = ENV_DATA_VA;
	env_ctx_init(&other, ENV_CODE_VA, ENV_STACK_VA + 0x400);
	other.regs.rdi = 0xbbbb;
	other.regs.rsi = ENV_DATA_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(env_run_ctx(env.space, &other, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_eq(env_run_ctx(env.space, &other, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(out[0], 0xaaaa);
	ck_assert_uint_eq(out[1], 0xbbbb);
	seccomp_engine_ops.thread_release(other.engine);
}
END_TEST

static Suite *fp_suite(void)
{
	Suite *s = suite_create("seccomp_fp");
	TCase *tc = tcase_create("fp"), *hostile = tcase_create("hostile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, fpstate_size_is_what_the_host_puts_in_signal_frames);
	tcase_add_test(tc, get_returns_the_guests_xmm0_in_a_sane_image);
	tcase_add_test(tc, get_into_a_short_buffer_is_enospc);
	tcase_add_test(tc, set_then_run_shows_the_new_xmm0_in_the_guest);
	tcase_add_test(tc, a_context_that_never_ran_takes_its_image_at_the_first_run);
	tcase_add_test(tc, a_recycled_stub_starts_the_next_context_with_the_initial_image);
	tcase_add_test(tc, reset_gives_mxcsr_1f80_to_the_guest);
	tcase_add_test(tc, two_threads_of_one_space_keep_their_own_xmm0);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(hostile, setup, teardown);
	tcase_set_timeout(hostile, 30);
	tcase_add_test(hostile, image_with_bad_magic1_is_refused);
	tcase_add_test(hostile, image_with_bad_magic2_is_refused);
	tcase_add_test(hostile, image_with_huge_size_is_refused);
	tcase_add_test(hostile, image_with_reserved_mxcsr_bits_is_refused);
	tcase_add_test(hostile, image_in_compacted_format_is_refused);
	tcase_add_test(hostile, image_with_unknown_feature_is_refused);
	tcase_add_test(hostile, short_image_is_refused);
	suite_add_tcase(s, hostile);
	return s;
}

int main(void)
{
	return check_run_suite(fp_suite());
}
