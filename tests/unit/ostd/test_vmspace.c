/* test_vmspace.c: user address spaces (src/ostd/vmspace.c): map, query, unmap, protect,
 * engine flushes, and frame accounting. */
#include <check.h>

#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/vmspace.h>

#include "hal.h"
#include "ostd_check.h"

#define VA 0x400000ull
#define RW (VM_READ | VM_WRITE)

/* A fresh user frame whose only reference will be the mapping's. */
static struct frame *map_new(struct vmspace *vs, uaddr_t va, unsigned int prot)
{
	struct frame *f = frame_alloc(FRAME_USER);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(vmspace_map(vs, va, f, prot), 0);
	frame_put(f);
	return f;
}

static bool flushed(uaddr_t va, size_t len)
{
	struct hal_test_flush fl;

	for (size_t i = 0; hal_test_flush_get(i, &fl); i++) {
		if (fl.va <= va && va + len <= fl.va + fl.len)
			return true;
	}
	return false;
}

BOOTED_TEST(vmspace_map_then_query_returns_frame_and_prot)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f = frame_alloc(FRAME_USER);
	struct vm_query q;

	ck_assert_ptr_nonnull(vs);
	ck_assert_int_eq(vmspace_map(vs, VA, f, VM_READ | VM_EXEC), 0);
	ck_assert_uint_eq(frame_refcount(f), 2);
	ck_assert_int_eq(vmspace_query(vs, VA + 123, &q), 0);
	ck_assert_ptr_eq(q.frame, f);
	ck_assert_uint_eq(q.prot, VM_READ | VM_EXEC);
	ck_assert_int_eq(vmspace_query(vs, VA + PAGE_SIZE, &q), -ENOENT);
	ck_assert_int_eq(vmspace_query(vs, VA - PAGE_SIZE, &q), -ENOENT);
	vmspace_destroy(vs);
	ck_assert_uint_eq(frame_refcount(f), 1);
	frame_put(f);
	return 0;
}

BOOTED_TEST(vmspace_translate_gives_paddr_only_for_accessible_pages)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f = map_new(vs, VA, RW);
	unsigned int prot;
	paddr_t pa;

	ck_assert_int_eq(ostd_vmspace_translate(vs, VA + 5, &pa, &prot), 0);
	ck_assert_uint_eq(pa, frame_paddr(f));
	ck_assert_uint_eq(prot, RW);
	ck_assert_int_eq(vmspace_protect(vs, VA, PAGE_SIZE, 0), 0);
	ck_assert_int_eq(ostd_vmspace_translate(vs, VA, &pa, &prot), -ENOENT);
	ck_assert_int_eq(ostd_vmspace_translate(vs, VA + PAGE_SIZE, &pa, &prot), -ENOENT);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_next_run_skips_holes_and_inaccessible_pages)
{
	struct vmspace *vs = vmspace_create();
	uaddr_t far = VA + (1ull << 30);
	struct frame *a = map_new(vs, VA, RW), *b = map_new(vs, far, RW);
	struct vmspace_run run;

	map_new(vs, VA + PAGE_SIZE, RW);
	ck_assert_int_eq(vmspace_protect(vs, VA + PAGE_SIZE, PAGE_SIZE, 0), 0);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, VA, far + PAGE_SIZE, 8, &run), 0);
	ck_assert_uint_eq(run.va, VA);
	ck_assert_uint_eq(run.pa, frame_paddr(a));
	ck_assert_uint_eq(run.pages, 1);
	/* The page without access rights reads as absent, the gigabyte between is skipped. */
	ck_assert_int_eq(ostd_vmspace_next_run(vs, VA + PAGE_SIZE + 1, far + PAGE_SIZE, 8, &run),
			 0);
	ck_assert_uint_eq(run.va, far);
	ck_assert_uint_eq(run.pa, frame_paddr(b));
	ck_assert_uint_eq(run.prot, RW);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, VA + PAGE_SIZE, far, 8, &run), -ENOENT);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, 0, VA, 8, &run), -ENOENT);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, VA, far, 0, &run), -ENOENT);
	/* Hundreds of missing top-level and middle tables in between are skipped too. */
	b = map_new(vs, 0x7f0000000000ull, RW);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, far + PAGE_SIZE, 0x7f0000001000ull, 8, &run), 0);
	ck_assert_uint_eq(run.va, 0x7f0000000000ull);
	ck_assert_uint_eq(run.pa, frame_paddr(b));
	ck_assert_int_eq(ostd_vmspace_next_run(vs, far + PAGE_SIZE, 0x7f0000000000ull, 8, &run),
			 -ENOENT);
	vmspace_destroy(vs);
	return 0;
}

/* Maps frames f[0..n) from va, the mappings holding their only references. */
static void map_frames(struct vmspace *vs, uaddr_t va, struct frame **f, unsigned int n,
		       unsigned int prot)
{
	for (unsigned int i = 0; i < n; i++) {
		ck_assert_int_eq(vmspace_map(vs, va + i * PAGE_SIZE, f[i], prot), 0);
		frame_put(f[i]);
	}
}

BOOTED_TEST(vmspace_next_run_follows_contiguity_prot_and_table_ends)
{
	struct vmspace *vs = vmspace_create();
	/* Four pages before a last-level table's end (2 MiB) and four after it. */
	uaddr_t edge = ALIGN_DOWN(VA, 2ull << 20) + (4ull << 20), start = edge - 4 * PAGE_SIZE;
	struct frame *f[9];
	struct vmspace_run run;
	paddr_t first;

	/* Taken before any table of vs: lowest first, so contiguous in RAM. */
	for (unsigned int i = 0; i < 9; i++) {
		f[i] = frame_alloc(FRAME_USER);
		ck_assert_ptr_nonnull(f[i]);
		if (i)
			ck_assert_uint_eq(frame_paddr(f[i]), frame_paddr(f[i - 1]) + PAGE_SIZE);
	}
	map_frames(vs, start, f, 7, RW);
	map_frames(vs, start + 7 * PAGE_SIZE, &f[8], 1, RW);   /* skips f[7] */
	map_frames(vs, start + 64 * PAGE_SIZE, &f[7], 1, RW);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start, start + (1ull << 30), 64, &run), 0);
	ck_assert_uint_eq(run.va, start);
	ck_assert_uint_eq(run.pages, 7);    /* across the table boundary, up to the skip */
	first = run.pa;
	/* The run stops at max_pages, at end, and where prot changes. */
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start, start + (1ull << 30), 3, &run), 0);
	ck_assert_uint_eq(run.pages, 3);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start, edge, 64, &run), 0);
	ck_assert_uint_eq(run.pages, 4);
	ck_assert_int_eq(vmspace_protect(vs, start + 5 * PAGE_SIZE, PAGE_SIZE, VM_READ), 0);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start + PAGE_SIZE, edge + (1ull << 30), 64,
					       &run), 0);
	ck_assert_uint_eq(run.va, start + PAGE_SIZE);
	ck_assert_uint_eq(run.pa, first + PAGE_SIZE);
	ck_assert_uint_eq(run.pages, 4);
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start + 5 * PAGE_SIZE, edge + (1ull << 30), 64,
					       &run), 0);
	ck_assert_uint_eq(run.pages, 1);
	ck_assert_uint_eq(run.prot, VM_READ);
	/* The frame at start + 7 pages does not follow the one before it: a run of its own. */
	ck_assert_int_eq(ostd_vmspace_next_run(vs, start + 6 * PAGE_SIZE, edge + (1ull << 30), 64,
					       &run), 0);
	ck_assert_uint_eq(run.va, start + 6 * PAGE_SIZE);
	ck_assert_uint_eq(run.pages, 1);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_map_replacing_releases_old_frame_after_flush)
{
	struct vmspace *vs = vmspace_create();
	struct frame *a = map_new(vs, VA, RW), *b;
	paddr_t pa = frame_paddr(a);
	struct vm_query q;

	hal_test_flush_clear();
	b = map_new(vs, VA, VM_READ);
	ck_assert_ptr_null(frame_from_paddr(pa));
	ck_assert(flushed(VA, PAGE_SIZE));
	ck_assert_int_eq(vmspace_query(vs, VA, &q), 0);
	ck_assert_ptr_eq(q.frame, b);
	ck_assert_uint_eq(q.prot, VM_READ);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_map_of_a_fresh_page_does_not_flush)
{
	struct vmspace *vs = vmspace_create();

	hal_test_flush_clear();
	map_new(vs, VA, RW);
	ck_assert_uint_eq(hal_test_flush_count(), 0);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_unmap_releases_frames_flushes_and_skips_holes)
{
	struct vmspace *vs = vmspace_create();
	struct frame *a = map_new(vs, VA, RW);
	struct vm_query q;
	paddr_t pa = frame_paddr(a);

	map_new(vs, VA + 2 * PAGE_SIZE, RW);
	map_new(vs, VA + (64ull << 30), RW);   /* far away: other tables */
	hal_test_flush_clear();
	ck_assert_int_eq(vmspace_unmap(vs, VA, 4 * PAGE_SIZE), 0);
	ck_assert_ptr_null(frame_from_paddr(pa));
	ck_assert_int_eq(vmspace_query(vs, VA, &q), -ENOENT);
	ck_assert_int_eq(vmspace_query(vs, VA + 2 * PAGE_SIZE, &q), -ENOENT);
	ck_assert(flushed(VA, PAGE_SIZE));
	ck_assert(flushed(VA + 2 * PAGE_SIZE, PAGE_SIZE));
	ck_assert_int_eq(vmspace_query(vs, VA + (64ull << 30), &q), 0);
	/* A huge, mostly empty range is walked table by table, not page by page. */
	ck_assert_int_eq(vmspace_unmap(vs, HAL_TEST_USER_START,
				       HAL_TEST_USER_END - HAL_TEST_USER_START), 0);
	ck_assert_int_eq(vmspace_query(vs, VA + (64ull << 30), &q), -ENOENT);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_unmap_of_many_pages_releases_every_frame)
{
	struct vmspace *vs = vmspace_create();
	struct frame_stats a, b;

	frame_stats_get(&a);
	for (int i = 0; i < 200; i++)
		map_new(vs, VA + i * PAGE_SIZE, RW);
	ck_assert_int_eq(vmspace_unmap(vs, VA, 200 * PAGE_SIZE), 0);
	frame_stats_get(&b);
	ck_assert_uint_eq(b.in_use[FRAME_USER], a.in_use[FRAME_USER]);
	ck_assert(flushed(VA + 199 * PAGE_SIZE, PAGE_SIZE));
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_protect_changes_mapped_pages_and_flushes_only_when_weakened)
{
	struct vmspace *vs = vmspace_create();
	struct vm_query q;

	map_new(vs, VA, VM_READ);
	map_new(vs, VA + 2 * PAGE_SIZE, VM_READ);
	hal_test_flush_clear();
	ck_assert_int_eq(vmspace_protect(vs, VA, 3 * PAGE_SIZE, RW), 0);
	ck_assert_uint_eq(hal_test_flush_count(), 0);
	ck_assert_int_eq(vmspace_query(vs, VA + 2 * PAGE_SIZE, &q), 0);
	ck_assert_uint_eq(q.prot, RW);
	ck_assert_int_eq(vmspace_query(vs, VA + PAGE_SIZE, &q), -ENOENT);
	ck_assert_int_eq(vmspace_protect(vs, VA, 3 * PAGE_SIZE, VM_READ), 0);
	ck_assert(flushed(VA, 3 * PAGE_SIZE));
	ck_assert_int_eq(vmspace_protect(vs, VA, PAGE_SIZE, 0), 0);
	ck_assert_int_eq(vmspace_query(vs, VA, &q), 0);
	ck_assert_uint_eq(q.prot, 0);
	ck_assert_int_eq(vmspace_protect(vs, VA, PAGE_SIZE, VM_READ | VM_EXEC), 0);
	ck_assert_int_eq(vmspace_query(vs, VA, &q), 0);
	ck_assert_uint_eq(q.prot, VM_READ | VM_EXEC);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(vmspace_rejects_unaligned_and_out_of_range_addresses)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f = frame_alloc(FRAME_USER), *pt;
	uaddr_t end = vmspace_user_end();

	ck_assert_uint_eq(vmspace_user_start(), HAL_TEST_USER_START);
	ck_assert_int_eq(vmspace_map(vs, VA + 1, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, 0, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, HAL_TEST_USER_START - PAGE_SIZE, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, end, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, 0xfffffffffffff000ull, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, VA, f, 0x80), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, VA, NULL, RW), -EINVAL);
	pt = frame_alloc(FRAME_PAGETABLE);
	ck_assert_int_eq(vmspace_map(vs, VA, pt, RW), -EINVAL);
	ck_assert_uint_eq(frame_refcount(pt), 1);
	frame_put(pt);
	ck_assert_int_eq(vmspace_map(vs, end - PAGE_SIZE, f, RW), 0);
	ck_assert_int_eq(vmspace_unmap(vs, VA, 100), -EINVAL);
	ck_assert_int_eq(vmspace_unmap(vs, VA + 8, PAGE_SIZE), -EINVAL);
	ck_assert_int_eq(vmspace_unmap(vs, end - PAGE_SIZE, 2 * PAGE_SIZE), -EINVAL);
	ck_assert_int_eq(vmspace_unmap(vs, VA, 0xfffffffffff00000ull), -EINVAL);
	ck_assert_int_eq(vmspace_protect(vs, VA, 3, VM_READ), -EINVAL);
	ck_assert_int_eq(vmspace_protect(vs, end, PAGE_SIZE, VM_READ), -EINVAL);
	ck_assert_int_eq(vmspace_protect(vs, VA, PAGE_SIZE, 0x10), -EINVAL);
	ck_assert_uint_eq(frame_refcount(f), 2);
	vmspace_destroy(vs);
	ck_assert_uint_eq(frame_refcount(f), 1);
	frame_put(f);
	return 0;
}

BOOTED_TEST(vmspace_destroy_returns_every_pagetable_frame_and_reference)
{
	struct frame_stats a, b;
	struct vmspace *vs;
	struct frame *shared = frame_alloc(FRAME_USER);

	frame_stats_get(&a);
	vs = vmspace_create();
	ck_assert_uint_eq(vmspace_pagetable_frames(vs), 1);
	ck_assert_uint_eq(hal_test_spaces_live(), 1);
	map_new(vs, VA, RW);
	ck_assert_uint_eq(vmspace_pagetable_frames(vs), 4);
	map_new(vs, VA + (1ull << 30), RW);
	map_new(vs, VA + (1ull << 40), RW);
	map_new(vs, HAL_TEST_USER_END - PAGE_SIZE, RW);
	ck_assert_int_eq(vmspace_map(vs, VA + PAGE_SIZE, shared, VM_READ), 0);
	ck_assert_int_eq(vmspace_map(vs, VA + 2 * PAGE_SIZE, shared, VM_READ), 0);
	ck_assert_uint_eq(frame_refcount(shared), 3);
	ck_assert_uint_gt(vmspace_pagetable_frames(vs), 4);
	vmspace_destroy(vs);
	frame_stats_get(&b);
	ck_assert_uint_eq(hal_test_spaces_live(), 0);
	ck_assert_uint_eq(frame_refcount(shared), 1);
	ck_assert_uint_eq(b.in_use[FRAME_PAGETABLE], a.in_use[FRAME_PAGETABLE]);
	ck_assert_uint_eq(b.in_use[FRAME_USER], a.in_use[FRAME_USER]);
	ck_assert_uint_eq(b.free, a.free);
	frame_put(shared);
	return 0;
}

BOOTED_TEST(vmspaces_are_independent)
{
	struct vmspace *x = vmspace_create(), *y = vmspace_create();
	struct vm_query q;

	map_new(x, VA, RW);
	ck_assert_int_eq(vmspace_query(y, VA, &q), -ENOENT);
	vmspace_destroy(x);
	vmspace_destroy(y);
	return 0;
}

BOOTED_TEST(vmspace_user_end_is_capped_at_what_the_page_tables_index)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f = frame_alloc(FRAME_USER);
	struct vm_query q;

	hal_test_set_user_range(HAL_TEST_USER_START, 1ull << 56);
	ck_assert_uint_eq(vmspace_user_end(), 1ull << 48);
	ck_assert_int_eq(vmspace_map(vs, 1ull << 48, f, RW), -EINVAL);
	ck_assert_int_eq(vmspace_map(vs, (1ull << 48) - PAGE_SIZE, f, RW), 0);
	/* Indexing wraps at 2^48: the page must not show up at the aliased address. */
	ck_assert_int_eq(vmspace_query(vs, (1ull << 49) - PAGE_SIZE, &q), -ENOENT);
	vmspace_destroy(vs);
	frame_put(f);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("ostd_vmspace");
	TCase *tc = tcase_create("vmspace");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, vmspace_map_then_query_returns_frame_and_prot);
	tcase_add_test(tc, vmspace_translate_gives_paddr_only_for_accessible_pages);
	tcase_add_test(tc, vmspace_map_replacing_releases_old_frame_after_flush);
	tcase_add_test(tc, vmspace_map_of_a_fresh_page_does_not_flush);
	tcase_add_test(tc, vmspace_unmap_releases_frames_flushes_and_skips_holes);
	tcase_add_test(tc, vmspace_unmap_of_many_pages_releases_every_frame);
	tcase_add_test(tc, vmspace_protect_changes_mapped_pages_and_flushes_only_when_weakened);
	tcase_add_test(tc, vmspace_rejects_unaligned_and_out_of_range_addresses);
	tcase_add_test(tc, vmspace_destroy_returns_every_pagetable_frame_and_reference);
	tcase_add_test(tc, vmspaces_are_independent);
	tcase_add_test(tc, vmspace_user_end_is_capped_at_what_the_page_tables_index);
	tcase_add_test(tc, vmspace_next_run_skips_holes_and_inaccessible_pages);
	tcase_add_test(tc, vmspace_next_run_follows_contiguity_prot_and_table_ends);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
