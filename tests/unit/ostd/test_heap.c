/* test_heap.c: the kernel heap (src/ostd/heap.c) and its live counters. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include <ostd/heap.h>

#include "ostd_check.h"

START_TEST(kmalloc_and_kfree_keep_live_counters_exact)
{
	struct heap_stats a, b, c;
	void *p, *q;

	heap_stats_get(&a);
	p = kmalloc(100);
	q = kmalloc(28);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(q);
	heap_stats_get(&b);
	ck_assert_uint_eq(b.live_objects, a.live_objects + 2);
	ck_assert_uint_eq(b.live_bytes, a.live_bytes + 128);
	ck_assert_uint_eq(b.allocs, a.allocs + 2);
	kfree(p);
	kfree(q);
	kfree(NULL);
	heap_stats_get(&c);
	ck_assert_uint_eq(c.live_objects, a.live_objects);
	ck_assert_uint_eq(c.live_bytes, a.live_bytes);
	ck_assert_uint_eq(c.frees, a.frees + 2);
}
END_TEST

START_TEST(kmalloc_returns_16_byte_aligned_blocks)
{
	void *p = kmalloc(1);

	ck_assert_uint_eq((uintptr_t)p % 16, 0);
	kfree(p);
}
END_TEST

START_TEST(kzalloc_and_kcalloc_return_zeroed_memory)
{
	unsigned char *p = kzalloc(64), *q = kcalloc(8, 8);

	for (int i = 0; i < 64; i++) {
		ck_assert_int_eq(p[i], 0);
		ck_assert_int_eq(q[i], 0);
	}
	kfree(p);
	kfree(q);
}
END_TEST

START_TEST(kcalloc_returns_null_on_overflow)
{
	ck_assert_ptr_null(kcalloc(SIZE_MAX / 2 + 1, 2));
	ck_assert_ptr_null(kmalloc(SIZE_MAX));
}
END_TEST

START_TEST(krealloc_keeps_contents_and_counts_new_size)
{
	struct heap_stats a, b;
	char *p;

	heap_stats_get(&a);
	p = kmalloc(4);
	memcpy(p, "abc", 4);
	p = krealloc(p, 1000);
	ck_assert_str_eq(p, "abc");
	heap_stats_get(&b);
	ck_assert_uint_eq(b.live_bytes, a.live_bytes + 1000);
	p = krealloc(p, 2);
	ck_assert_mem_eq(p, "ab", 2);
	ck_assert_ptr_null(krealloc(p, 0));
	heap_stats_get(&b);
	ck_assert_uint_eq(b.live_objects, a.live_objects);
	p = krealloc(NULL, 8);
	ck_assert_ptr_nonnull(p);
	kfree(p);
}
END_TEST

START_TEST(kstrdup_and_kstrndup_copy_and_terminate)
{
	char *a = kstrdup("hello"), *b = kstrndup("hello", 3), *c = kstrndup("hi", 10);

	ck_assert_str_eq(a, "hello");
	ck_assert_str_eq(b, "hel");
	ck_assert_str_eq(c, "hi");
	kfree(a);
	kfree(b);
	kfree(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ostd_heap");
	TCase *tc = tcase_create("heap");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, kmalloc_and_kfree_keep_live_counters_exact);
	tcase_add_test(tc, kmalloc_returns_16_byte_aligned_blocks);
	tcase_add_test(tc, kzalloc_and_kcalloc_return_zeroed_memory);
	tcase_add_test(tc, kcalloc_returns_null_on_overflow);
	tcase_add_test(tc, krealloc_keeps_contents_and_counts_new_size);
	tcase_add_test(tc, kstrdup_and_kstrndup_copy_and_terminate);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
