/* test_statfs.c: statfs and fstatfs (fs/statfs.c) answer like tmpfs. */
#include <ostd/frame.h>
#include <abi/statfs.h>
#include "fs_test.h"

static struct statfs statfs_read(struct process *p, uaddr_t a)
{
	struct statfs st;

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &st, a, sizeof(st)), 0);
	return st;
}

BOOTED_TEST(statfs_reports_a_tmpfs_of_half_the_memory)
{
	struct process *p = fs_test_process();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct frame_stats fs;
	struct statfs st;
	long fd;

	ck_assert_int_eq(sys_statfs(fs_test_str(p, "/d/link"), UPTR(buf)), 0);
	st = statfs_read(p, buf);
	frame_stats_get(&fs);
	ck_assert_int_eq(st.f_type, TMPFS_MAGIC);
	ck_assert_int_eq(st.f_bsize, 4096);
	ck_assert_int_eq(st.f_frsize, 4096);
	ck_assert_int_eq(st.f_namelen, 255);
	ck_assert_uint_eq(st.f_blocks, fs.total / 2);
	ck_assert_uint_eq(st.f_bfree, (ramfs_data_budget() - ramfs_data_used()) / PAGE_SIZE);
	ck_assert_uint_le(st.f_bfree, st.f_blocks);
	ck_assert_uint_eq(st.f_bavail, st.f_bfree);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d"), O_PATH, 0);
	ck_assert_int_eq(sys_fstatfs((int)fd, UPTR(buf)), 0);
	ck_assert_int_eq(statfs_read(p, buf).f_type, TMPFS_MAGIC);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(statfs_reports_linux_errors)
{
	struct process *p = fs_test_process();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);

	ck_assert_int_eq(sys_statfs(fs_test_str(p, "/d/none"), UPTR(buf)), -ENOENT);
	ck_assert_int_eq(sys_statfs(fs_test_str(p, "/d/f/"), UPTR(buf)), -ENOTDIR);
	ck_assert_int_eq(sys_statfs(fs_test_str(p, "/d"), UPTR(SVC_BAD_PTR)), -EFAULT);
	ck_assert_int_eq(sys_statfs(UPTR(SVC_BAD_PTR), UPTR(buf)), -EFAULT);
	ck_assert_int_eq(sys_fstatfs(99, UPTR(buf)), -EBADF);
	ck_assert_int_eq(sys_fstatfs(1, UPTR(SVC_BAD_PTR)), -EFAULT);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("statfs");
	TCase *tc = tcase_create("statfs");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, statfs_reports_a_tmpfs_of_half_the_memory);
	tcase_add_test(tc, statfs_reports_linux_errors);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
