/* test_mremap.c: mremap grows in place, moves frames (not copies) elsewhere, shrinks, and
 * rejects what Linux rejects; MAP_GROWSDOWN areas grow on a fault just below. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include "../services_test.h"

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static long map_at(struct process *p, uaddr_t at, size_t len)
{
	return mm_mmap(p->mm, at, len, RW, ANON | MAP_FIXED, -1, 0);
}

BOOTED_TEST(mremap_grows_in_place_when_the_space_above_is_free)
{
	struct process *p = svc_process_new();
	uaddr_t at = 0x200000000ull;

	ck_assert_int_eq(map_at(p, at, PAGE_SIZE), (long)at);
	ck_assert_int_eq(mm_mremap(p->mm, at, PAGE_SIZE, 4 * PAGE_SIZE, 0, 0), (long)at);
	ck_assert_uint_eq(mm_area_find(p->mm, at)->end, at + 4 * PAGE_SIZE);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mremap_moves_the_frames_when_blocked)
{
	struct process *p = svc_process_new();
	uaddr_t at = 0x200000000ull;
	struct frame_stats before, after;
	char c = 'm';
	long to;

	ck_assert_int_eq(map_at(p, at, PAGE_SIZE), (long)at);
	ck_assert_int_eq(map_at(p, at + PAGE_SIZE, PAGE_SIZE), (long)(at + PAGE_SIZE));
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, at, &c, 1), 0);
	ck_assert_int_eq(mm_mremap(p->mm, at, PAGE_SIZE, 2 * PAGE_SIZE, 0, 0), -ENOMEM);
	frame_stats_get(&before);
	to = mm_mremap(p->mm, at, PAGE_SIZE, 2 * PAGE_SIZE, MREMAP_MAYMOVE, 0);
	frame_stats_get(&after);
	ck_assert_int_gt(to, 0);
	ck_assert_int_ne(to, (long)at);
	ck_assert_uint_eq(after.in_use[FRAME_USER], before.in_use[FRAME_USER]);
	c = 0;
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)to, 1), 0);
	ck_assert_int_eq(c, 'm');
	ck_assert_ptr_null(mm_area_find(p->mm, at));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mremap_shrinks_and_unmaps_the_tail)
{
	struct process *p = svc_process_new();
	uaddr_t at = 0x200000000ull;

	ck_assert_int_eq(map_at(p, at, 4 * PAGE_SIZE), (long)at);
	ck_assert_int_eq(mm_mremap(p->mm, at, 4 * PAGE_SIZE, PAGE_SIZE, 0, 0), (long)at);
	ck_assert_ptr_null(mm_area_find(p->mm, at + PAGE_SIZE));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mremap_rejects_bad_arguments_like_linux)
{
	struct process *p = svc_process_new();
	uaddr_t at = 0x200000000ull;

	ck_assert_int_eq(map_at(p, at, 2 * PAGE_SIZE), (long)at);
	ck_assert_int_eq(mm_mremap(p->mm, at, PAGE_SIZE, PAGE_SIZE, 0x10, 0), -EINVAL);
	ck_assert_int_eq(mm_mremap(p->mm, at + 1, PAGE_SIZE, PAGE_SIZE, 0, 0), -EINVAL);
	ck_assert_int_eq(mm_mremap(p->mm, at, PAGE_SIZE, 0, MREMAP_MAYMOVE, 0), -EINVAL);
	ck_assert_int_eq(mm_mremap(p->mm, at, PAGE_SIZE, PAGE_SIZE, MREMAP_FIXED, at + PAGE_SIZE),
			 -EINVAL);
	ck_assert_int_eq(mm_mremap(p->mm, at, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				   MREMAP_MAYMOVE | MREMAP_FIXED, at + PAGE_SIZE), -EINVAL);
	ck_assert_int_eq(mm_mremap(p->mm, at + 8 * PAGE_SIZE, PAGE_SIZE, PAGE_SIZE,
				   MREMAP_MAYMOVE, 0), -EFAULT);
	ck_assert_int_eq(mm_mremap(p->mm, at, 3 * PAGE_SIZE, PAGE_SIZE, 0, 0), -EFAULT);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(growsdown_area_grows_on_a_fault_just_below)
{
	struct process *p = svc_process_new();
	uaddr_t at = 0x200000000ull;

	ck_assert_int_eq(mm_mmap(p->mm, at, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN, -1, 0),
			 (long)at);
	ck_assert_int_eq(mm_fault(p->mm, at - 8, VM_WRITE), 0);
	ck_assert_uint_eq(mm_area_find(p->mm, at - 8)->start, at - PAGE_SIZE);
	/* Past RLIMIT_STACK's default it does not. */
	ck_assert_int_eq(mm_fault(p->mm, at - MM_STACK_SIZE - PAGE_SIZE, VM_WRITE), -EFAULT);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("mremap");
	TCase *tc = tcase_create("mremap");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, mremap_grows_in_place_when_the_space_above_is_free);
	tcase_add_test(tc, mremap_moves_the_frames_when_blocked);
	tcase_add_test(tc, mremap_shrinks_and_unmaps_the_tail);
	tcase_add_test(tc, mremap_rejects_bad_arguments_like_linux);
	tcase_add_test(tc, growsdown_area_grows_on_a_fault_just_below);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
