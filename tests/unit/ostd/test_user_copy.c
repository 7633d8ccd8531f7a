/* test_user_copy.c: copies between the kernel and user address spaces
 * (src/ostd/user_copy.c): page-crossing copies, -EFAULT on every bad address, and the
 * fault handler's one chance per page. */
#include <check.h>
#include <string.h>

#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/task.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>

#include "ostd_check.h"

#define VA 0x400000ull
#define RW (VM_READ | VM_WRITE)

static void map_new(struct vmspace *vs, uaddr_t va, unsigned int prot)
{
	struct frame *f = frame_alloc(FRAME_USER);

	ck_assert_int_eq(vmspace_map(vs, va, f, prot), 0);
	frame_put(f);
}

/* A space with pages VA and VA+1 read-write, VA+2 read-only, VA+3 unmapped, made the
 * current task's. */
static struct vmspace *space_setup(void)
{
	struct vmspace *vs = vmspace_create();

	map_new(vs, VA, RW);
	map_new(vs, VA + PAGE_SIZE, RW);
	map_new(vs, VA + 2 * PAGE_SIZE, VM_READ);
	task_set_vmspace(task_current(), vs);
	return vs;
}

static void space_teardown(struct vmspace *vs)
{
	task_set_vmspace(task_current(), NULL);
	vmspace_destroy(vs);
}

BOOTED_TEST(copy_round_trips_across_a_page_boundary)
{
	struct vmspace *vs = space_setup();
	char out[300], in[300];

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA + PAGE_SIZE - 100), out, sizeof(out)), 0);
	memset(in, 0, sizeof(in));
	ck_assert_int_eq(copy_from_user(in, uaddr_ptr(VA + PAGE_SIZE - 100), sizeof(in)), 0);
	ck_assert_mem_eq(in, out, sizeof(out));
	ck_assert_int_eq(vmspace_copy_from(vs, in, VA + PAGE_SIZE, 200), 0);
	ck_assert_mem_eq(in, out + 100, 200);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(copy_from_unmapped_page_returns_efault)
{
	struct vmspace *vs = space_setup();
	char buf[16];

	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA + 3 * PAGE_SIZE), 1), -EFAULT);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA - PAGE_SIZE), buf, 1), -EFAULT);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(copy_over_partly_mapped_range_returns_efault_after_prefix)
{
	struct vmspace *vs = space_setup();
	char out[64], in[64];

	memset(out, 'a', sizeof(out));
	memset(in, 'b', sizeof(in));
	ck_assert_int_eq(vmspace_copy_to(vs, VA + 3 * PAGE_SIZE - 32, out, 64), -EFAULT);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA + PAGE_SIZE - 8), out, 8), 0);
	ck_assert_int_eq(copy_from_user(in, uaddr_ptr(VA + 3 * PAGE_SIZE - 8), 64), -EFAULT);
	ck_assert_mem_eq(in, "\0\0\0\0\0\0\0\0", 8);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(copy_to_read_only_page_returns_efault_and_read_works)
{
	struct vmspace *vs = space_setup();
	char buf[8] = "xyz";

	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA + 2 * PAGE_SIZE), buf, 4), -EFAULT);
	ck_assert_int_eq(clear_user(uaddr_ptr(VA + 2 * PAGE_SIZE), 4), -EFAULT);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA + 2 * PAGE_SIZE), 8), 0);
	ck_assert_int_eq(buf[0], 0);
	ck_assert_int_eq(vmspace_protect(vs, VA, PAGE_SIZE, 0), 0);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA), 1), -EFAULT);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(copy_rejects_null_high_and_wrapping_addresses)
{
	struct vmspace *vs = space_setup();
	char buf[16];

	ck_assert_int_eq(copy_from_user(buf, NULL, 1), -EFAULT);
	ck_assert_int_eq(copy_from_user(buf, NULL, 0), 0);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(HAL_TEST_USER_END), 1), -EFAULT);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(HAL_TEST_USER_END - 1), 2), -EFAULT);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(0xffff800000000000ull), 1), -EFAULT);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(UINT64_MAX - 4), buf, 16), -EFAULT);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA), SIZE_MAX), -EFAULT);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(copy_without_current_vmspace_returns_efault)
{
	char buf[4];

	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA), 4), -EFAULT);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA), 4), -EFAULT);
	return 0;
}

BOOTED_TEST(copy_array_rejects_count_times_size_overflow)
{
	struct vmspace *vs = space_setup();
	int v[4] = { 1, 2, 3, 4 }, w[4];

	ck_assert_int_eq(copy_array_to_user(uaddr_ptr(VA), v, 4, sizeof(int)), 0);
	ck_assert_int_eq(copy_array_from_user(w, uaddr_ptr(VA), 4, sizeof(int)), 0);
	ck_assert_mem_eq(v, w, sizeof(v));
	ck_assert_int_eq(copy_array_from_user(w, uaddr_ptr(VA), SIZE_MAX / 2 + 1, 2), -EFAULT);
	ck_assert_int_eq(copy_array_to_user(uaddr_ptr(VA), v, SIZE_MAX / 4 + 2, 4), -EFAULT);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(clear_user_zeroes_the_range)
{
	struct vmspace *vs = space_setup();
	char buf[32];

	memset(buf, 'q', sizeof(buf));
	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA + PAGE_SIZE - 16), buf, 32), 0);
	ck_assert_int_eq(clear_user(uaddr_ptr(VA + PAGE_SIZE - 8), 16), 0);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA + PAGE_SIZE - 16), 32), 0);
	ck_assert_mem_eq(buf, "qqqqqqqq\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0qqqqqqqq", 32);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(strncpy_from_user_returns_length_or_enametoolong)
{
	struct vmspace *vs = space_setup();
	char buf[16];

	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA), "hello", 6), 0);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA), sizeof(buf)), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA), 6), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA), 5), -ENAMETOOLONG);
	ck_assert_str_eq(buf, "hell");
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA), 0), -ENAMETOOLONG);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(VA + 5), 4), 0);
	ck_assert_str_eq(buf, "");
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(strncpy_from_user_stops_at_nul_before_an_unmapped_page)
{
	struct vmspace *vs = space_setup();
	uaddr_t end = VA + 3 * PAGE_SIZE;   /* VA+2 is read-only, VA+3 unmapped */
	char buf[64];

	ck_assert_int_eq(vmspace_protect(vs, VA + 2 * PAGE_SIZE, PAGE_SIZE, RW), 0);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(end - 4), "abc", 4), 0);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(end - 4), sizeof(buf)), 3);
	ck_assert_str_eq(buf, "abc");
	ck_assert_int_eq(copy_to_user(uaddr_ptr(end - 4), "abcd", 4), 0);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(end - 4), sizeof(buf)), -EFAULT);
	ck_assert_int_eq(strncpy_from_user(buf, uaddr_ptr(end - 4), 4), -ENAMETOOLONG);
	space_teardown(vs);
	return 0;
}

struct fault_log {
	int calls;
	uaddr_t last_va;
	unsigned int last_access;
	int result;        /* what the handler returns */
	bool map;          /* whether it maps the page */
};

static int fault_handler(void *arg, uaddr_t va, unsigned int access)
{
	struct fault_log *log = arg;
	struct vmspace *vs = task_vmspace(task_current());
	struct vm_query q;

	log->calls++;
	log->last_va = va;
	log->last_access = access;
	if (log->map) {
		if (vmspace_query(vs, va, &q) == 0)
			ck_assert_int_eq(vmspace_protect(vs, va, PAGE_SIZE, RW), 0);
		else
			map_new(vs, va, RW);
	}
	return log->result;
}

BOOTED_TEST(fault_handler_maps_pages_on_demand_once_each)
{
	struct vmspace *vs = space_setup();
	struct fault_log log = { .map = true };
	char buf[2 * PAGE_SIZE];
	uaddr_t at = VA + 8 * PAGE_SIZE + 100;

	vmspace_set_fault_handler(vs, fault_handler, &log);
	memset(buf, 'z', sizeof(buf));
	ck_assert_int_eq(copy_to_user(uaddr_ptr(at), buf, sizeof(buf)), 0);
	ck_assert_int_eq(log.calls, 3);
	ck_assert_uint_eq(log.last_va, VA + 10 * PAGE_SIZE);
	ck_assert_uint_eq(log.last_access, VM_WRITE);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(at), sizeof(buf)), 0);
	ck_assert_int_eq(log.calls, 3);
	/* A write to the read-only page asks the handler, which may upgrade it. */
	ck_assert_int_eq(copy_to_user(uaddr_ptr(VA + 2 * PAGE_SIZE), buf, 1), 0);
	ck_assert_int_eq(log.calls, 4);
	ck_assert_uint_eq(log.last_access, VM_WRITE);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(fault_handler_refusal_or_no_mapping_gives_efault_after_one_call)
{
	struct vmspace *vs = space_setup();
	struct fault_log log = { .result = -EFAULT };
	char buf[8];

	vmspace_set_fault_handler(vs, fault_handler, &log);
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA + 3 * PAGE_SIZE), 8), -EFAULT);
	ck_assert_int_eq(log.calls, 1);
	ck_assert_uint_eq(log.last_access, VM_READ);
	log.result = 0;   /* claims success without mapping anything */
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(VA + 3 * PAGE_SIZE), 8), -EFAULT);
	ck_assert_int_eq(log.calls, 2);
	/* Out-of-range addresses never reach the handler. */
	ck_assert_int_eq(copy_from_user(buf, uaddr_ptr(HAL_TEST_USER_END), 8), -EFAULT);
	ck_assert_int_eq(log.calls, 2);
	space_teardown(vs);
	return 0;
}

BOOTED_TEST(vm_reader_and_writer_advance_and_stop_at_their_end)
{
	struct vmspace *vs = space_setup();
	struct vm_writer w;
	struct vm_reader r;
	char buf[8];

	vm_writer_init(&w, vs, uaddr_ptr(VA + PAGE_SIZE - 3), 5);
	ck_assert_int_eq(vm_writer_write(&w, "abc", 3), 3);
	ck_assert_int_eq(vm_writer_write(&w, "defgh", 5), 2);
	ck_assert_int_eq(vm_writer_write(&w, "x", 1), 0);
	vm_reader_init(&r, vs, uaddr_ptr(VA + PAGE_SIZE - 3), 5);
	ck_assert_int_eq(vm_reader_read(&r, buf, 8), 5);
	ck_assert_mem_eq(buf, "abcde", 5);
	ck_assert_uint_eq(r.remain, 0);
	vm_reader_init(&r, vs, uaddr_ptr(VA + 3 * PAGE_SIZE), 5);
	ck_assert_int_eq(vm_reader_read(&r, buf, 5), -EFAULT);
	space_teardown(vs);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("ostd_user_copy");
	TCase *tc = tcase_create("user_copy");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, copy_round_trips_across_a_page_boundary);
	tcase_add_test(tc, copy_from_unmapped_page_returns_efault);
	tcase_add_test(tc, copy_over_partly_mapped_range_returns_efault_after_prefix);
	tcase_add_test(tc, copy_to_read_only_page_returns_efault_and_read_works);
	tcase_add_test(tc, copy_rejects_null_high_and_wrapping_addresses);
	tcase_add_test(tc, copy_without_current_vmspace_returns_efault);
	tcase_add_test(tc, copy_array_rejects_count_times_size_overflow);
	tcase_add_test(tc, clear_user_zeroes_the_range);
	tcase_add_test(tc, strncpy_from_user_returns_length_or_enametoolong);
	tcase_add_test(tc, strncpy_from_user_stops_at_nul_before_an_unmapped_page);
	tcase_add_test(tc, fault_handler_maps_pages_on_demand_once_each);
	tcase_add_test(tc, fault_handler_refusal_or_no_mapping_gives_efault_after_one_call);
	tcase_add_test(tc, vm_reader_and_writer_advance_and_stop_at_their_end);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
