/* test_frame.c: the frame allocator (src/ostd/frame.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <ostd/errno.h>
#include <ostd/frame.h>

#include "ostd_check.h"

static bool frame_is_zero(const struct frame *f)
{
	unsigned char buf[PAGE_SIZE];

	ck_assert_int_eq(frame_read(f, 0, buf, sizeof(buf)), 0);
	for (size_t i = 0; i < sizeof(buf); i++) {
		if (buf[i])
			return false;
	}
	return true;
}

BOOTED_TEST(frame_alloc_returns_zeroed_frame_with_one_reference)
{
	struct frame *f = frame_alloc(FRAME_USER);

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(frame_refcount(f), 1);
	ck_assert(frame_is_zero(f));
	frame_put(f);
	return 0;
}

BOOTED_TEST(frame_alloc_hands_out_lowest_never_used_frames_first)
{
	struct frame *a = frame_alloc(FRAME_USER), *b = frame_alloc(FRAME_USER);

	ck_assert_uint_eq(frame_paddr(a), 0);
	ck_assert_uint_eq(frame_paddr(b), PAGE_SIZE);
	frame_put(a);
	frame_put(b);
	return 0;
}

BOOTED_TEST(frame_freed_is_reused_and_zeroed_again)
{
	struct frame *a = frame_alloc(FRAME_USER), *b;
	paddr_t pa = frame_paddr(a);

	ck_assert_int_eq(frame_fill(a, 0, 0xab, PAGE_SIZE), 0);
	frame_put(a);
	b = frame_alloc(FRAME_KERNEL);
	ck_assert_uint_eq(frame_paddr(b), pa);
	ck_assert(frame_is_zero(b));
	frame_put(b);
	return 0;
}

/* Frames freed in any order come back lowest first, so frames taken one after another
 * form an ascending run (what lets an engine map a fault-ahead block at once). */
BOOTED_TEST(frame_alloc_reuses_freed_frames_lowest_first_as_an_ascending_run)
{
	struct frame *f[8];
	unsigned int i;

	for (i = 0; i < 8; i++)
		f[i] = frame_alloc(FRAME_USER);
	for (i = 0; i < 8; i += 2)
		frame_put(f[7 - i]);     /* 7, 5, 3, 1 */
	for (i = 1; i < 8; i += 2)
		frame_put(f[7 - i]);     /* 6, 4, 2, 0 */
	for (i = 0; i < 8; i++) {
		f[i] = frame_alloc(FRAME_USER);
		ck_assert_uint_eq(frame_paddr(f[i]), (paddr_t)i * PAGE_SIZE);
	}
	frame_put(f[3]);
	frame_put(f[5]);
	f[3] = frame_alloc(FRAME_USER);
	ck_assert_uint_eq(frame_paddr(f[3]), 3 * PAGE_SIZE);
	f[5] = frame_alloc(FRAME_USER);
	ck_assert_uint_eq(frame_paddr(f[5]), 5 * PAGE_SIZE);
	for (i = 0; i < 8; i++)
		frame_put(f[i]);
	return 0;
}

BOOTED_TEST(frame_get_and_put_count_references_and_last_put_frees)
{
	struct frame *f = frame_alloc(FRAME_USER);
	paddr_t pa = frame_paddr(f);
	struct frame_stats st;

	frame_get(f);
	frame_get(f);
	ck_assert_uint_eq(frame_refcount(f), 3);
	frame_put(f);
	frame_put(f);
	ck_assert_ptr_eq(frame_from_paddr(pa), f);
	frame_put(f);
	ck_assert_ptr_null(frame_from_paddr(pa));
	frame_stats_get(&st);
	ck_assert_uint_eq(st.free, st.total);
	return 0;
}

BOOTED_TEST(frame_alloc_returns_null_when_ram_is_exhausted)
{
	struct frame_stats st;
	struct frame **all;
	uint64_t n;

	frame_stats_get(&st);
	ck_assert_uint_eq(st.total, (1 << 20) / PAGE_SIZE);
	all = calloc(st.total, sizeof(*all));
	for (n = 0; n < st.total; n++) {
		all[n] = frame_alloc(FRAME_USER);
		ck_assert_ptr_nonnull(all[n]);
	}
	ck_assert_ptr_null(frame_alloc(FRAME_USER));
	frame_stats_get(&st);
	ck_assert_uint_eq(st.free, 0);
	for (n = 0; n < st.total; n++)
		frame_put(all[n]);
	free(all);
	frame_stats_get(&st);
	ck_assert_uint_eq(st.free, st.total);
	ck_assert_ptr_nonnull(frame_alloc(FRAME_USER));
	return 0;
}

BOOTED_TEST(frame_stats_count_frames_by_usage)
{
	struct frame_stats a, b;
	struct frame *u, *p, *k;

	frame_stats_get(&a);
	u = frame_alloc(FRAME_USER);
	p = frame_alloc(FRAME_PAGETABLE);
	k = frame_alloc(FRAME_KERNEL);
	frame_stats_get(&b);
	ck_assert_uint_eq(b.in_use[FRAME_USER], a.in_use[FRAME_USER] + 1);
	ck_assert_uint_eq(b.in_use[FRAME_PAGETABLE], a.in_use[FRAME_PAGETABLE] + 1);
	ck_assert_uint_eq(b.in_use[FRAME_KERNEL], a.in_use[FRAME_KERNEL] + 1);
	ck_assert_uint_eq(b.free, a.free - 3);
	ck_assert_uint_eq(b.allocs, a.allocs + 3);
	frame_put(u);
	frame_put(p);
	frame_put(k);
	frame_stats_get(&b);
	ck_assert_uint_eq(b.in_use[FRAME_USER], a.in_use[FRAME_USER]);
	ck_assert_uint_eq(b.frees, a.frees + 3);
	return 0;
}

BOOTED_TEST(frame_from_paddr_rejects_outside_ram_and_free_frames)
{
	struct frame *f = frame_alloc(FRAME_USER);
	struct frame_stats st;

	frame_stats_get(&st);
	ck_assert_ptr_eq(frame_from_paddr(frame_paddr(f)), f);
	ck_assert_ptr_eq(frame_from_paddr(frame_paddr(f) + 123), f);
	ck_assert_ptr_null(frame_from_paddr(frame_paddr(f) + PAGE_SIZE));
	ck_assert_ptr_null(frame_from_paddr(st.total * PAGE_SIZE));
	ck_assert_ptr_null(frame_from_paddr(UINT64_MAX));
	frame_put(f);
	return 0;
}

BOOTED_TEST(frame_read_write_fill_reject_ranges_past_page_end)
{
	struct frame *f = frame_alloc(FRAME_USER);
	char buf[16] = "0123456789";

	ck_assert_int_eq(frame_write(f, PAGE_SIZE - 10, buf, 10), 0);
	ck_assert_int_eq(frame_write(f, PAGE_SIZE - 9, buf, 10), -EINVAL);
	ck_assert_int_eq(frame_write(f, PAGE_SIZE + 1, buf, 0), -EINVAL);
	ck_assert_int_eq(frame_write(f, PAGE_SIZE, buf, 0), 0);
	ck_assert_int_eq(frame_read(f, SIZE_MAX, buf, 2), -EINVAL);
	ck_assert_int_eq(frame_read(f, 2, buf, SIZE_MAX), -EINVAL);
	ck_assert_int_eq(frame_fill(f, 1, 0, PAGE_SIZE), -EINVAL);
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(frame_read(f, PAGE_SIZE - 10, buf, 10), 0);
	ck_assert_str_eq(buf, "0123456789");
	frame_put(f);
	return 0;
}

BOOTED_TEST(frame_copy_duplicates_the_whole_page)
{
	struct frame *a = frame_alloc(FRAME_USER), *b = frame_alloc(FRAME_USER);
	char x = 0;

	frame_fill(a, 0, 0x5a, PAGE_SIZE);
	frame_copy(b, a);
	frame_read(b, PAGE_SIZE - 1, &x, 1);
	ck_assert_int_eq(x, 0x5a);
	frame_put(a);
	frame_put(b);
	return 0;
}

BOOTED_TEST(frame_put_of_a_free_frame_panics)
{
	struct frame *f = frame_alloc(FRAME_USER);

	frame_put(f);
	frame_put(f);
	return 1;
}

static void small_ram(void)
{
	hal_test_reset();
	hal_test_set_ram(1 << 20);
}

int main(void)
{
	Suite *s = suite_create("ostd_frame");
	TCase *tc = tcase_create("frame");

	tcase_add_checked_fixture(tc, small_ram, NULL);
	tcase_add_test(tc, frame_alloc_returns_zeroed_frame_with_one_reference);
	tcase_add_test(tc, frame_alloc_hands_out_lowest_never_used_frames_first);
	tcase_add_test(tc, frame_freed_is_reused_and_zeroed_again);
	tcase_add_test(tc, frame_alloc_reuses_freed_frames_lowest_first_as_an_ascending_run);
	tcase_add_test(tc, frame_get_and_put_count_references_and_last_put_frees);
	tcase_add_test(tc, frame_alloc_returns_null_when_ram_is_exhausted);
	tcase_add_test(tc, frame_stats_count_frames_by_usage);
	tcase_add_test(tc, frame_from_paddr_rejects_outside_ram_and_free_frames);
	tcase_add_test(tc, frame_read_write_fill_reject_ranges_past_page_end);
	tcase_add_test(tc, frame_copy_duplicates_the_whole_page);
	tcase_add_exit_test(tc, frame_put_of_a_free_frame_panics, HAL_TEST_PANIC_STATUS);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
