/* test_utimes.c: utimensat (fs/utimes.c): explicit times, UTIME_NOW and UTIME_OMIT, and
 * who may set them. */
#include <ostd/time.h>
#include <time.h>
#include "fs_test.h"

/* Two timespecs in p's user memory. */
static const struct timespec __user *times_in(struct process *p, int64_t as, int64_t ans,
					      int64_t ms, int64_t mns)
{
	struct timespec ts[2] = { { as, ans }, { ms, mns } };
	uaddr_t a = svc_user_alloc(p, sizeof(ts));

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, a, ts, sizeof(ts)), 0);
	return UPTR(a);
}

BOOTED_TEST(utimensat_sets_explicit_times_and_omits_or_stamps_now)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f");
	const char __user *path = fs_test_str(p, "/d/f");
	struct stat st;
	uint64_t now = clock_realtime_ns();

	ck_assert_int_eq(sys_utimensat(AT_FDCWD, path, times_in(p, 100, 5, 200, 7), 0), 0);
	ramfs_fill_stat(f, &st);
	ck_assert_uint_eq(st.st_atime, 100);
	ck_assert_uint_eq(st.st_atime_nsec, 5);
	ck_assert_uint_eq(st.st_mtime, 200);
	ck_assert_uint_eq(st.st_mtime_nsec, 7);
	ck_assert_uint_ge(f->ctime_ns, now);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, path, times_in(p, 0, UTIME_OMIT, 300, 0), 0), 0);
	ck_assert_uint_eq(f->atime_ns, 100 * NSEC_PER_SEC + 5);
	ck_assert_uint_eq(f->mtime_ns, 300 * NSEC_PER_SEC);
	now = clock_realtime_ns();
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, path, times_in(p, 0, UTIME_NOW, 0, UTIME_OMIT),
				       0), 0);
	ck_assert_uint_ge(f->atime_ns, now);
	ck_assert_uint_eq(f->mtime_ns, 300 * NSEC_PER_SEC);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, path, NULL, 0), 0);
	ck_assert_uint_ge(f->mtime_ns, now);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(utimensat_nofollow_and_fd_forms_pick_the_right_inode)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *l = fs_test_find(p, "/d/link");
	long fd;

	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/d/link"),
				       times_in(p, 1, 0, 2, 0), AT_SYMLINK_NOFOLLOW), 0);
	ck_assert_uint_eq(l->mtime_ns, 2 * NSEC_PER_SEC);
	ck_assert_uint_ne(f->mtime_ns, 2 * NSEC_PER_SEC);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/d/link"),
				       times_in(p, 3, 0, 4, 0), 0), 0);
	ck_assert_uint_eq(f->mtime_ns, 4 * NSEC_PER_SEC);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	ck_assert_int_eq(sys_utimensat((int)fd, NULL, times_in(p, 5, 0, 6, 0), 0), 0);
	ck_assert_uint_eq(f->mtime_ns, 6 * NSEC_PER_SEC);
	ck_assert_int_eq(sys_utimensat((int)fd, NULL, NULL, AT_SYMLINK_NOFOLLOW), -EINVAL);
	ck_assert_int_eq(sys_utimensat(1, NULL, NULL, 0), 0);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(utimensat_reports_linux_errors)
{
	struct process *p = fs_test_process();
	const char __user *f = fs_test_str(p, "/d/f"), *none = fs_test_str(p, "/d/none");

	ck_assert_int_eq(sys_utimensat(AT_FDCWD, f, times_in(p, 0, NSEC_PER_SEC, 0, 0), 0),
			 -EINVAL);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, f, times_in(p, 0, 0, 0, -1), 0), -EINVAL);
	/* The path is looked up before the times are judged. */
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, none, times_in(p, 0, -1, 0, 0), 0), -ENOENT);
	/* Both omitted: nothing to do, not even a lookup. */
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, none,
				       times_in(p, 0, UTIME_OMIT, 0, UTIME_OMIT), 0), 0);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, f, NULL, 0x1), -EINVAL);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, f, UPTR(SVC_BAD_PTR), 0), -EFAULT);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, NULL, NULL, 0), -EFAULT);
	ck_assert_int_eq(sys_utimensat(33, NULL, NULL, 0), -EBADF);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, none, NULL, 0), -ENOENT);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(utimensat_by_a_user_needs_ownership_or_write_access_for_now)
{
	struct process *p = fs_test_process();
	struct inode *tmp = fs_test_find(p, "/tmp");

	fs_test_new_file(tmp, "shared", 0666, 0);
	fs_test_new_file(tmp, "mine", 0400, 1000);
	fs_test_become_user(p);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/d/f"), NULL, 0), -EACCES);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/d/f"),
				       times_in(p, 1, 0, 1, 0), 0), -EPERM);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/tmp/shared"), NULL, 0), 0);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/tmp/shared"),
				       times_in(p, 0, UTIME_NOW, 0, UTIME_OMIT), 0), 0);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/tmp/shared"),
				       times_in(p, 1, 0, 0, UTIME_NOW), 0), -EPERM);
	ck_assert_int_eq(sys_utimensat(AT_FDCWD, fs_test_str(p, "/tmp/mine"),
				       times_in(p, 1, 0, 1, 0), 0), 0);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("utimes");
	TCase *tc = tcase_create("utimes");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, utimensat_sets_explicit_times_and_omits_or_stamps_now);
	tcase_add_test(tc, utimensat_nofollow_and_fd_forms_pick_the_right_inode);
	tcase_add_test(tc, utimensat_reports_linux_errors);
	tcase_add_test(tc, utimensat_by_a_user_needs_ownership_or_write_access_for_now);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
