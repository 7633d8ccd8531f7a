/* test_mm.c: memory areas: mmap, munmap, mprotect and brk bookkeeping, demand paging, and
 * Linux's errors for bad arguments. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include "../services_test.h"

static unsigned int area_count(const struct mm *mm)
{
	const struct mm_area *a;
	unsigned int n = 0;

	for (a = mm->areas; a; a = a->next)
		n++;
	return n;
}

#define MMAP(p, addr, len, prot, flags) \
	mm_mmap((p)->mm, (addr), (len), (prot), (flags), -1, 0)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

BOOTED_TEST(mmap_places_areas_top_down_below_the_stack)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 3 * PAGE_SIZE, RW, ANON);
	long b = MMAP(p, 0, PAGE_SIZE, RW, ANON);
	struct mm_area *area;

	ck_assert_int_gt(a, 0);
	ck_assert((uaddr_t)a % PAGE_SIZE == 0);
	ck_assert((uaddr_t)a + 3 * PAGE_SIZE <= p->mm->mmap_top);
	ck_assert_int_eq(b, a - (long)PAGE_SIZE);
	area = mm_area_find(p->mm, (uaddr_t)a);
	ck_assert_ptr_nonnull(area);
	ck_assert_uint_eq(area->start, (uaddr_t)a);
	ck_assert_uint_eq(area->end, (uaddr_t)a + 3 * PAGE_SIZE);
	ck_assert_uint_eq(area->prot, RW);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mmap_rounds_length_up_and_honours_a_free_hint)
{
	struct process *p = svc_process_new();
	uaddr_t hint = 0x200000000ull;
	long a = MMAP(p, hint, 10, RW, ANON);

	ck_assert_int_eq(a, (long)hint);
	ck_assert_uint_eq(mm_area_find(p->mm, hint)->end, hint + PAGE_SIZE);
	/* The hint is taken, so the next mapping goes elsewhere. */
	ck_assert_int_ne(MMAP(p, hint, 10, RW, ANON), (long)hint);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mmap_rejects_bad_arguments_like_linux)
{
	struct process *p = svc_process_new();

	ck_assert_int_eq(MMAP(p, 0, 0, RW, ANON), -EINVAL);
	ck_assert_int_eq(MMAP(p, 0, PAGE_SIZE, RW, MAP_ANONYMOUS), -EINVAL);
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, RW, ANON, -1, 123), -EINVAL);
	ck_assert_int_eq(MMAP(p, 0x200000123ull, PAGE_SIZE, RW, ANON | MAP_FIXED), -EINVAL);
	ck_assert_int_eq(MMAP(p, 0, ~0ull - 10, RW, ANON), -ENOMEM);
	ck_assert_int_eq(MMAP(p, vmspace_user_end() - PAGE_SIZE, 2 * PAGE_SIZE, RW,
			      ANON | MAP_FIXED), -ENOMEM);
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_PRIVATE, -1, 0), -EBADF);
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_PRIVATE, 3, 0), -EBADF);
	/* The console has no bytes to map. */
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_PRIVATE, 0, 0), -ENODEV);
	ck_assert_uint_eq(area_count(p->mm), 1);   /* just the stack */
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(map_fixed_noreplace_over_a_mapping_is_eexist)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 2 * PAGE_SIZE, RW, ANON);

	ck_assert_int_eq(MMAP(p, (uaddr_t)a + PAGE_SIZE, PAGE_SIZE, RW,
			      ANON | MAP_FIXED_NOREPLACE), -EEXIST);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(map_fixed_replaces_the_old_mapping_and_its_contents)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 3 * PAGE_SIZE, RW, ANON);
	uint32_t v = 0xdeadbeef, back = 1;

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a + PAGE_SIZE, &v, sizeof(v)), 0);
	ck_assert_int_eq(MMAP(p, (uaddr_t)a + PAGE_SIZE, PAGE_SIZE, PROT_READ, ANON | MAP_FIXED),
			 a + (long)PAGE_SIZE);
	ck_assert_uint_eq(area_count(p->mm), 4);
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a + PAGE_SIZE)->prot, PROT_READ);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &back, (uaddr_t)a + PAGE_SIZE, sizeof(back)), 0);
	ck_assert_uint_eq(back, 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(munmap_in_the_middle_splits_the_area)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 3 * PAGE_SIZE, RW, ANON);

	ck_assert_int_eq(mm_munmap(p->mm, (uaddr_t)a + PAGE_SIZE, PAGE_SIZE), 0);
	ck_assert_ptr_nonnull(mm_area_find(p->mm, (uaddr_t)a));
	ck_assert_ptr_null(mm_area_find(p->mm, (uaddr_t)a + PAGE_SIZE));
	ck_assert_ptr_nonnull(mm_area_find(p->mm, (uaddr_t)a + 2 * PAGE_SIZE));
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a)->end, (uaddr_t)a + PAGE_SIZE);
	ck_assert_uint_eq(area_count(p->mm), 3);
	/* Unmapping a hole is fine. */
	ck_assert_int_eq(mm_munmap(p->mm, (uaddr_t)a + PAGE_SIZE, PAGE_SIZE), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(munmap_releases_the_pages_frames)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, PAGE_SIZE, RW, ANON);
	struct frame_stats before, after;
	char c = 1;

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a, &c, 1), 0);
	frame_stats_get(&before);
	ck_assert_int_eq(mm_munmap(p->mm, (uaddr_t)a, PAGE_SIZE), 0);
	frame_stats_get(&after);
	ck_assert_uint_eq(after.in_use[FRAME_USER] + 1, before.in_use[FRAME_USER]);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(munmap_rejects_unaligned_zero_and_overflowing_ranges)
{
	struct process *p = svc_process_new();

	ck_assert_int_eq(mm_munmap(p->mm, 0x200000001ull, PAGE_SIZE), -EINVAL);
	ck_assert_int_eq(mm_munmap(p->mm, 0x200000000ull, 0), -EINVAL);
	ck_assert_int_eq(mm_munmap(p->mm, 0x200000000ull, ~0ull - PAGE_SIZE), -EINVAL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mprotect_in_the_middle_splits_into_three_areas)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 3 * PAGE_SIZE, RW, ANON);

	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	ck_assert_uint_eq(area_count(p->mm), 4);
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a)->prot, RW);
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a + PAGE_SIZE)->prot, PROT_READ);
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a + 2 * PAGE_SIZE)->prot, RW);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mprotect_read_only_makes_user_writes_fail)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, PAGE_SIZE, RW, ANON);
	char c = 7;

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a, &c, 1), 0);
	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a, PAGE_SIZE, PROT_READ), 0);
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a, &c, 1), -EFAULT);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a, 1), 0);
	ck_assert_int_eq(c, 7);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mprotect_rejects_bad_arguments_like_linux)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, PAGE_SIZE, RW, ANON);

	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a + 1, PAGE_SIZE, PROT_READ), -EINVAL);
	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a, PAGE_SIZE, 0x80), -EINVAL);
	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a, 0, PROT_READ), 0);
	/* Part of the range is not mapped: ENOMEM, and nothing changed. */
	ck_assert_int_eq(mm_mprotect(p->mm, (uaddr_t)a, 2 * PAGE_SIZE, PROT_READ), -ENOMEM);
	ck_assert_uint_eq(mm_area_find(p->mm, (uaddr_t)a)->prot, RW);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(anonymous_memory_is_demand_paged_with_zeroes)
{
	struct process *p = svc_process_new();
	long a = MMAP(p, 0, 4 * PAGE_SIZE, RW, ANON);
	struct vm_query q;
	uint64_t v = 99;

	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a, &q), -ENOENT);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &v, (uaddr_t)a + 2 * PAGE_SIZE, sizeof(v)), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a + 2 * PAGE_SIZE, &q), 0);
	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a, &q), -ENOENT);
	/* Outside any area, and in a PROT_NONE area, nothing is mapped. */
	ck_assert_int_eq(mm_fault(p->mm, 0x300000000ull, VM_READ), -EFAULT);
	a = MMAP(p, 0, PAGE_SIZE, PROT_NONE, ANON);
	ck_assert_int_eq(mm_fault(p->mm, (uaddr_t)a, VM_READ), -EFAULT);
	svc_process_free(p);
	return 0;
}

static bool page_present(const struct process *p, uaddr_t va)
{
	struct vm_query q;

	return vmspace_query(p->mm->vs, va, &q) == 0;
}

BOOTED_TEST(a_touch_after_the_page_below_maps_the_next_pages_too)
{
	struct process *p = svc_process_new();
	uaddr_t a = (uaddr_t)MMAP(p, 0, 64 * PAGE_SIZE, RW, ANON);

	/* Scattered touches: one page each. */
	ck_assert_int_eq(mm_fault_touch(p->mm, a + 40 * PAGE_SIZE, VM_WRITE), 0);
	ck_assert(!page_present(p, a + 41 * PAGE_SIZE));
	ck_assert_int_eq(mm_fault_touch(p->mm, a, VM_WRITE), 0);
	ck_assert(!page_present(p, a + PAGE_SIZE));
	/* The page after a mapped one: it and the next 15 absent pages. */
	ck_assert_int_eq(mm_fault_touch(p->mm, a + PAGE_SIZE, VM_WRITE), 0);
	ck_assert(page_present(p, a + 16 * PAGE_SIZE));
	ck_assert(!page_present(p, a + 17 * PAGE_SIZE));
	/* It stops at a page already there, and never leaves the area. */
	ck_assert_int_eq(mm_fault_touch(p->mm, a + 39 * PAGE_SIZE, VM_WRITE), 0);
	ck_assert(!page_present(p, a + 38 * PAGE_SIZE));
	ck_assert_int_eq(mm_fault_touch(p->mm, a + 17 * PAGE_SIZE, VM_WRITE), 0);
	ck_assert(page_present(p, a + 32 * PAGE_SIZE));
	ck_assert(!page_present(p, a + 33 * PAGE_SIZE));
	/* mm_fault (mlock, the debugger) maps exactly the page asked for. */
	ck_assert_int_eq(mm_fault(p->mm, a + 33 * PAGE_SIZE, VM_READ), 0);
	ck_assert(!page_present(p, a + 34 * PAGE_SIZE));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(fork_unshare_copies_the_page_now_and_gives_the_parent_write_back)
{
	struct process *p = svc_process_new();
	uaddr_t a = (uaddr_t)MMAP(p, 0, 2 * PAGE_SIZE, RW, ANON);
	uint64_t v = 42, w = 0;
	struct vm_query pq, cq;
	struct mm *c1, *c2;

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, a, &v, sizeof(v)), 0);
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, a + PAGE_SIZE, &v, sizeof(v)), 0);
	c1 = mm_fork(p->mm);
	ck_assert_ptr_nonnull(c1);
	mm_fork_unshare(c1, p->mm, a + 8);
	ck_assert_int_eq(vmspace_query(p->mm->vs, a, &pq), 0);
	ck_assert_int_eq(vmspace_query(c1->vs, a, &cq), 0);
	ck_assert_ptr_ne(pq.frame, cq.frame);
	ck_assert_uint_eq(pq.prot & VM_WRITE, VM_WRITE);
	ck_assert_uint_eq(cq.prot & VM_WRITE, VM_WRITE);
	ck_assert_int_eq(vmspace_copy_from(c1->vs, &w, a, sizeof(w)), 0);
	ck_assert_uint_eq(w, 42);
	/* A page two children share stays copy-on-write in the parent. */
	c2 = mm_fork(p->mm);
	ck_assert_ptr_nonnull(c2);
	mm_fork_unshare(c2, p->mm, a + PAGE_SIZE);
	ck_assert_int_eq(vmspace_query(p->mm->vs, a + PAGE_SIZE, &pq), 0);
	ck_assert_uint_eq(pq.prot & VM_WRITE, 0);
	mm_put(c1);
	mm_put(c2);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(brk_grows_and_shrinks_the_heap_area)
{
	struct process *p = svc_process_new();
	uaddr_t start = 0x1000000;
	char c = 5;

	p->mm->brk_start = p->mm->brk = start;
	ck_assert_int_eq(mm_brk(p->mm, 0), (long)start);
	ck_assert_int_eq(mm_brk(p->mm, start + 10000), (long)(start + 10000));
	ck_assert_uint_eq(mm_area_find(p->mm, start)->end, start + 3 * PAGE_SIZE);
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, start + 9999, &c, 1), 0);
	ck_assert_int_eq(mm_brk(p->mm, start + 20000), (long)(start + 20000));
	ck_assert_uint_eq(area_count(p->mm), 2);   /* grown in place */
	ck_assert_int_eq(mm_brk(p->mm, start + 100), (long)(start + 100));
	ck_assert_uint_eq(mm_area_find(p->mm, start)->end, start + PAGE_SIZE);
	ck_assert_ptr_null(mm_area_find(p->mm, start + PAGE_SIZE));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(brk_refusals_return_the_unchanged_break)
{
	struct process *p = svc_process_new();
	uaddr_t start = 0x1000000;

	p->mm->brk_start = p->mm->brk = start;
	ck_assert_int_eq(mm_brk(p->mm, start - 1), (long)start);
	ck_assert_int_eq(mm_brk(p->mm, start + MM_HEAP_MAX + 1), (long)start);
	ck_assert_int_eq(MMAP(p, start + 4 * PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED),
			 (long)(start + 4 * PAGE_SIZE));
	ck_assert_int_eq(mm_brk(p->mm, start + 8 * PAGE_SIZE), (long)start);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("mm");
	TCase *tc = tcase_create("mm");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, mmap_places_areas_top_down_below_the_stack);
	tcase_add_test(tc, mmap_rounds_length_up_and_honours_a_free_hint);
	tcase_add_test(tc, mmap_rejects_bad_arguments_like_linux);
	tcase_add_test(tc, map_fixed_noreplace_over_a_mapping_is_eexist);
	tcase_add_test(tc, map_fixed_replaces_the_old_mapping_and_its_contents);
	tcase_add_test(tc, munmap_in_the_middle_splits_the_area);
	tcase_add_test(tc, munmap_releases_the_pages_frames);
	tcase_add_test(tc, munmap_rejects_unaligned_zero_and_overflowing_ranges);
	tcase_add_test(tc, mprotect_in_the_middle_splits_into_three_areas);
	tcase_add_test(tc, mprotect_read_only_makes_user_writes_fail);
	tcase_add_test(tc, mprotect_rejects_bad_arguments_like_linux);
	tcase_add_test(tc, anonymous_memory_is_demand_paged_with_zeroes);
	tcase_add_test(tc, a_touch_after_the_page_below_maps_the_next_pages_too);
	tcase_add_test(tc, fork_unshare_copies_the_page_now_and_gives_the_parent_write_back);
	tcase_add_test(tc, brk_grows_and_shrinks_the_heap_area);
	tcase_add_test(tc, brk_refusals_return_the_unchanged_break);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
