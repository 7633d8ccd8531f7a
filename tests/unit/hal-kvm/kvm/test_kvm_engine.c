/* test_kvm_engine.c: the KVM engine's host side that runs without /dev/kvm: the one-line
 * reasons init gives, per-context FP images (signal-frame layout <-> KVM's XSAVE area),
 * space bookkeeping (CR3 reloads after flushes), and a run that cannot go on. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ostd/errno.h>
#include <ostd/vmspace.h>

#include "hal.h"
#include "kvm/kvm_engine.h"
#include "ostd_check.h"

static uint8_t *mem;

static void engine_setup(void)
{
	char why[160] = "";

	memset(&kvm_engine, 0, sizeof(kvm_engine));
	ck_assert_int_eq(kvm_fp_init(why, sizeof(why)), 0);
}

static struct engine_config config(uint64_t area_bytes)
{
	mem = aligned_alloc(4096, (1u << 20) + area_bytes);
	ck_assert_ptr_nonnull(mem);
	return (struct engine_config){ .memfd = -1, .ram_host = mem, .ram_bytes = 1u << 20,
				       .area_offset = 1u << 20, .area_bytes = area_bytes,
				       .area_host = mem + (1u << 20) };
}

START_TEST(init_without_dev_kvm_says_so_in_one_line)
{
	struct engine_config cfg = config(KVM_AREA_USED);
	char why[256] = "";

	if (access("/dev/kvm", F_OK) == 0) {
		free(mem);
		return;     /* this host has one: the integration test runs the engine */
	}
	ck_assert_int_lt(kvm_engine_ops.init(&cfg, why, sizeof(why)), 0);
	ck_assert_str_eq(why, "no /dev/kvm on this host");
	ck_assert(!kvm_engine.up);
	ck_assert_int_eq(kvm_engine_vcpu_fd(), -1);
	free(mem);
}
END_TEST

START_TEST(init_refuses_an_engine_area_too_small_for_its_pages)
{
	struct engine_config cfg = config(4096);
	char why[256] = "";

	ck_assert_int_eq(kvm_engine_ops.init(&cfg, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "bad engine configuration"));
	ck_assert_ptr_null(strchr(why, '\n'));
	free(mem);
}
END_TEST

START_TEST(ops_table_names_kvm_and_a_linux_sized_user_range)
{
	ck_assert_str_eq(kvm_engine_ops.name, "kvm");
	ck_assert_uint_eq(kvm_engine_ops.user_start, 0x10000);
	ck_assert_uint_eq(kvm_engine_ops.user_end, 0x7ffffffff000);
	/* The kernel half sits far above: never a user address. */
	ck_assert_uint_gt(KVM_KERNEL_BASE, kvm_engine_ops.user_end);
}
END_TEST

/* --- FP --- */

static uint8_t img[USER_FPSTATE_MAX], back[USER_FPSTATE_MAX];

START_TEST(fresh_context_has_the_initial_fp_image_in_signal_frame_layout)
{
	struct user_context ctx = { 0 };
	const struct fp_layout *l = &kvm_engine.fp;
	uint16_t fcw;
	uint32_t mxcsr;

	ck_assert_uint_gt(kvm_fpstate_size(), 512);
	ck_assert_int_eq(kvm_fpstate_get(&ctx, img, sizeof(img)), (ssize_t)l->size);
	ck_assert_int_eq(fpstate_check(l, img, l->size), 0);
	memcpy(&fcw, img, 2);
	memcpy(&mxcsr, img + FP_MXCSR_OFFSET, 4);
	ck_assert_uint_eq(fcw, 0x37f);
	ck_assert_uint_eq(mxcsr, 0x1f80);
	ck_assert_int_eq(kvm_fpstate_get(&ctx, img, l->size - 1), -ENOSPC);
	kvm_thread_release(ctx.engine);
}
END_TEST

START_TEST(fp_image_set_is_the_one_got_back)
{
	struct user_context ctx = { 0 };
	const struct fp_layout *l = &kvm_engine.fp;
	uint32_t mxcsr = 0x1f80 | 0x6000;   /* round toward zero */

	ck_assert_int_eq(kvm_fpstate_get(&ctx, img, sizeof(img)), (ssize_t)l->size);
	memcpy(img + FP_MXCSR_OFFSET, &mxcsr, 4);
	memset(img + 160, 0xab, 16);        /* XMM0 */
	ck_assert_int_eq(kvm_fpstate_set(&ctx, img, l->size), 0);
	ck_assert_int_eq(kvm_fpstate_get(&ctx, back, sizeof(back)), (ssize_t)l->size);
	ck_assert_mem_eq(back, img, l->size);
	kvm_thread_release(ctx.engine);
}
END_TEST

START_TEST(fp_image_the_cpu_would_refuse_is_replaced_by_the_initial_one)
{
	struct user_context ctx = { 0 };
	const struct fp_layout *l = &kvm_engine.fp;
	uint8_t initial[USER_FPSTATE_MAX];
	uint32_t bad = 0xffffffff;

	ck_assert_int_eq(kvm_fpstate_get(&ctx, initial, sizeof(initial)), (ssize_t)l->size);
	memcpy(img, initial, l->size);
	memset(img + 160, 0xab, 16);
	ck_assert_int_eq(kvm_fpstate_set(&ctx, img, l->size), 0);
	memcpy(img + FP_MXCSR_OFFSET, &bad, 4);        /* reserved MXCSR bits */
	ck_assert_int_eq(kvm_fpstate_set(&ctx, img, l->size), -EINVAL);
	ck_assert_int_eq(kvm_fpstate_get(&ctx, back, sizeof(back)), (ssize_t)l->size);
	ck_assert_mem_eq(back, initial, l->size);
	ck_assert_int_eq(kvm_fpstate_set(&ctx, img, 16), -EINVAL);   /* short */
	kvm_thread_release(ctx.engine);
}
END_TEST

START_TEST(fp_reset_and_release_forget_the_vcpus_copy)
{
	struct user_context ctx = { 0 };
	struct engine_thread *t = kvm_thread_get(&ctx);

	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_eq(kvm_thread_get(&ctx), t);
	kvm_engine.fp_owner = t;
	kvm_fpstate_reset(&ctx);        /* the vCPU's copy is stale: reloaded at the next run */
	ck_assert_ptr_null(kvm_engine.fp_owner);
	kvm_engine.fp_owner = t;
	kvm_thread_release(t);
	ck_assert_ptr_null(kvm_engine.fp_owner);
}
END_TEST

START_TEST(xsave_area_and_frame_image_convert_both_ways)
{
	const struct fp_layout *l = &kvm_engine.fp;
	struct kvm_xsave x, y;
	uint32_t magic;

	memset(&x, 0, sizeof(x));
	for (size_t i = 0; i < l->xstate_size; i++)
		((uint8_t *)x.region)[i] = (uint8_t)(i * 7);
	memset((uint8_t *)x.region + FP_SW_OFFSET, 0, FP_HEADER_OFFSET - FP_SW_OFFSET);
	kvm_fp_to_frame(l, &x, img);
	memcpy(&magic, img + FP_SW_OFFSET, 4);
	ck_assert_uint_eq(magic, FPSTATE_MAGIC1);
	memcpy(&magic, img + l->xstate_size, 4);
	ck_assert_uint_eq(magic, FPSTATE_MAGIC2);
	kvm_fp_from_frame(l, img, &y);
	ck_assert_mem_eq(&x, &y, sizeof(x));
}
END_TEST

/* --- spaces and runs --- */

START_TEST(flush_of_the_current_space_forces_a_cr3_reload)
{
	struct engine_space a = { 0 }, b = { 0 };

	kvm_engine.cr3_space = &a;
	kvm_space_flush(&b, 0x400000, 4096);
	ck_assert_ptr_eq(kvm_engine.cr3_space, &a);
	kvm_space_flush(&a, 0x400000, 4096);
	ck_assert_ptr_null(kvm_engine.cr3_space);
}
END_TEST

BOOTED_TEST(space_create_puts_the_kernel_half_in_the_root_and_destroy_forgets_it)
{
	struct vmspace *vs = vmspace_create();
	struct engine_space *s = NULL;
	uint64_t e;

	memset(&kvm_engine, 0, sizeof(kvm_engine));
	kvm_engine.cfg.ram_host = hal_ram_base();
	kvm_engine.cfg.ram_bytes = hal_ram_bytes();
	kvm_engine.cfg.area_offset = hal_ram_bytes();
	ck_assert_int_eq(kvm_space_create(vs, &s), 0);
	memcpy(&e, (uint8_t *)hal_ram_base() + s->root + KVM_KERNEL_PML4_SLOT * 8, 8);
	ck_assert_uint_eq(e, kvm_image_kernel_pml4e(hal_ram_bytes()));
	kvm_engine.cr3_space = s;
	kvm_space_destroy(s);
	ck_assert_ptr_null(kvm_engine.cr3_space);
	/* OSTD tears its tables down with the engine's entry still in the root. */
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(run_without_the_engine_is_lost_with_a_kernel_log_line)
{
	struct user_context ctx = { 0 };
	struct engine_space s = { 0 };

	memset(&kvm_engine, 0, sizeof(kvm_engine));
	ck_assert_int_eq(kvm_run(&s, &ctx, UINT64_MAX), USER_RETURN_LOST);
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "kvm: "));
	kvm_thread_release(ctx.engine);
	return 0;
}

static Suite *kvm_engine_suite(void)
{
	Suite *s = suite_create("kvm_engine");
	TCase *tc = tcase_create("host");
	TCase *booted = tcase_create("ostd");

	tcase_add_checked_fixture(tc, engine_setup, NULL);
	tcase_add_test(tc, init_without_dev_kvm_says_so_in_one_line);
	tcase_add_test(tc, init_refuses_an_engine_area_too_small_for_its_pages);
	tcase_add_test(tc, ops_table_names_kvm_and_a_linux_sized_user_range);
	tcase_add_test(tc, fresh_context_has_the_initial_fp_image_in_signal_frame_layout);
	tcase_add_test(tc, fp_image_set_is_the_one_got_back);
	tcase_add_test(tc, fp_image_the_cpu_would_refuse_is_replaced_by_the_initial_one);
	tcase_add_test(tc, fp_reset_and_release_forget_the_vcpus_copy);
	tcase_add_test(tc, xsave_area_and_frame_image_convert_both_ways);
	tcase_add_test(tc, flush_of_the_current_space_forces_a_cr3_reload);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(booted, hal_test_reset, NULL);
	tcase_add_test(booted, space_create_puts_the_kernel_half_in_the_root_and_destroy_forgets_it);
	tcase_add_test(booted, run_without_the_engine_is_lost_with_a_kernel_log_line);
	suite_add_tcase(s, booted);
	return s;
}

int main(void)
{
	return check_run_suite(kvm_engine_suite());
}
