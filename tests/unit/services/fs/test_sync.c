/* test_sync.c: fsync, fdatasync, sync and syncfs (fs/sync.c). */
#include "fs_test.h"

BOOTED_TEST(fsync_succeeds_on_ramfs_files_and_refuses_other_kinds)
{
	struct process *p = fs_test_process();
	long f = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	long d = sys_openat(AT_FDCWD, fs_test_str(p, "/d"), O_RDONLY | O_DIRECTORY, 0);
	long path = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_PATH, 0);

	ck_assert_int_eq(sys_fsync((int)f), 0);
	ck_assert_int_eq(sys_fdatasync((int)f), 0);
	ck_assert_int_eq(sys_fsync((int)d), 0);
	ck_assert_int_eq(sys_fsync(1), -EINVAL);
	ck_assert_int_eq(sys_fsync((int)path), -EBADF);
	ck_assert_int_eq(sys_fsync(99), -EBADF);
	ck_assert_int_eq(sys_fdatasync(-1), -EBADF);
	ck_assert_int_eq(sys_sync(), 0);
	ck_assert_int_eq(sys_syncfs((int)f), 0);
	ck_assert_int_eq(sys_syncfs(1), 0);
	ck_assert_int_eq(sys_syncfs(99), -EBADF);
	ck_assert_int_eq(sys_close((int)f), 0);
	ck_assert_int_eq(sys_close((int)d), 0);
	ck_assert_int_eq(sys_close((int)path), 0);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("sync");
	TCase *tc = tcase_create("sync");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, fsync_succeeds_on_ramfs_files_and_refuses_other_kinds);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
