/* test_truncate.c: truncate, ftruncate and fallocate (fs/truncate.c). */
#include <abi/falloc.h>
#include "fs_test.h"

BOOTED_TEST(truncate_shrinks_and_grows_with_zeros)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f");
	long fd;

	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/f"), 2), 0);
	ck_assert_uint_eq(f->size, 2);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/link"), 4), 0);
	ck_assert_uint_eq(f->size, 4);
	ck_assert_int_eq(memcmp(f->data, "he\0\0", 4), 0);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDWR, 0);
	ck_assert_int_eq(sys_ftruncate((int)fd, 10000), 0);
	ck_assert_uint_eq(f->size, 10000);
	ck_assert_int_eq(f->data[9999], 0);
	ck_assert_int_eq(sys_ftruncate((int)fd, 0), 0);
	ck_assert_uint_eq(f->size, 0);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(truncate_reports_linux_errors)
{
	struct process *p = fs_test_process();
	long ro, dir, path;

	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/f"), -1), -EINVAL);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d"), 0), -EISDIR);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/none"), 0), -ENOENT);
	ck_assert_int_eq(sys_truncate(UPTR(SVC_BAD_PTR), 0), -EFAULT);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/f"), (int64_t)RAMFS_FILE_MAX + 1), -EFBIG);
	ro = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	dir = sys_openat(AT_FDCWD, fs_test_str(p, "/d"), O_RDONLY, 0);
	path = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_PATH, 0);
	ck_assert_int_eq(sys_ftruncate((int)ro, 0), -EINVAL);
	ck_assert_int_eq(sys_ftruncate((int)dir, 0), -EINVAL);
	ck_assert_int_eq(sys_ftruncate((int)path, 0), -EBADF);
	ck_assert_int_eq(sys_ftruncate(1, 0), -EINVAL);
	ck_assert_int_eq(sys_ftruncate(99, 0), -EBADF);
	ck_assert_int_eq(sys_ftruncate((int)ro, -5), -EINVAL);
	fs_test_become_user(p);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/d/f"), 0), -EACCES);
	ck_assert_int_eq(sys_close((int)ro), 0);
	ck_assert_int_eq(sys_close((int)dir), 0);
	ck_assert_int_eq(sys_close((int)path), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(truncate_by_a_user_clears_set_id_bits)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_new_file(fs_test_find(p, "/tmp"), "suid", 06775, 1000);

	fs_test_become_user(p);
	ck_assert_int_eq(sys_truncate(fs_test_str(p, "/tmp/suid"), 1), 0);
	ck_assert_uint_eq(f->mode, S_IFREG | 0775);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(fallocate_grows_keeps_size_or_punches_holes)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f");
	long fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDWR, 0);

	ck_assert_int_eq(sys_fallocate((int)fd, 0, 0, 3), 0);
	ck_assert_uint_eq(f->size, 5);
	ck_assert_int_eq(sys_fallocate((int)fd, 0, 4, 4), 0);
	ck_assert_uint_eq(f->size, 8);
	ck_assert_int_eq(memcmp(f->data, "hello\0\0\0", 8), 0);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_KEEP_SIZE, 0, 100), 0);
	ck_assert_uint_eq(f->size, 8);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 1, 2),
			 0);
	ck_assert_uint_eq(f->size, 8);
	ck_assert_int_eq(memcmp(f->data, "h\0\0lo\0\0\0", 8), 0);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 6,
				       1000), 0);
	ck_assert_uint_eq(f->size, 8);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(fallocate_reports_linux_errors)
{
	struct process *p = fs_test_process();
	long fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDWR, 0);
	long ro = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	long dir = sys_openat(AT_FDCWD, fs_test_str(p, "/d"), O_RDONLY, 0);

	ck_assert_int_eq(sys_fallocate(77, 0, 0, 1), -EBADF);
	ck_assert_int_eq(sys_fallocate((int)fd, 0, -1, 1), -EINVAL);
	ck_assert_int_eq(sys_fallocate((int)fd, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_PUNCH_HOLE, 0, 1), -EOPNOTSUPP);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_ZERO_RANGE, 0, 1), -EOPNOTSUPP);
	ck_assert_int_eq(sys_fallocate((int)fd, FALLOC_FL_COLLAPSE_RANGE, 0, 1), -EOPNOTSUPP);
	ck_assert_int_eq(sys_fallocate((int)fd, 0x100, 0, 1), -EOPNOTSUPP);
	/* The mode is judged before the fd's access, which comes before its kind. */
	ck_assert_int_eq(sys_fallocate((int)ro, FALLOC_FL_COLLAPSE_RANGE, 0, 1), -EBADF);
	ck_assert_int_eq(sys_fallocate((int)ro, 0, 0, 1), -EBADF);
	ck_assert_int_eq(sys_fallocate((int)dir, 0, 0, 1), -EBADF);
	ck_assert_int_eq(sys_fallocate(1, 0, 0, 1), -ENODEV);
	ck_assert_int_eq(sys_fallocate((int)fd, 0, INT64_MAX, 1), -EFBIG);
	ck_assert_int_eq(sys_fallocate((int)fd, 0, (int64_t)RAMFS_FILE_MAX, 1), -EFBIG);
	ck_assert_int_eq(sys_close((int)fd), 0);
	ck_assert_int_eq(sys_close((int)ro), 0);
	ck_assert_int_eq(sys_close((int)dir), 0);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("truncate");
	TCase *tc = tcase_create("truncate");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, truncate_shrinks_and_grows_with_zeros);
	tcase_add_test(tc, truncate_reports_linux_errors);
	tcase_add_test(tc, truncate_by_a_user_clears_set_id_bits);
	tcase_add_test(tc, fallocate_grows_keeps_size_or_punches_holes);
	tcase_add_test(tc, fallocate_reports_linux_errors);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
