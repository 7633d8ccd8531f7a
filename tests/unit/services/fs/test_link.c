/* test_link.c: link, linkat, symlink and symlinkat (fs/link.c), and how ramfs keeps a
 * hard-linked inode until its last name and last open file are gone. */
#include "fs_test.h"

static long do_link(struct process *p, const char *from, const char *to, int flags)
{
	return sys_linkat(AT_FDCWD, fs_test_str(p, from), AT_FDCWD, fs_test_str(p, to), flags);
}

BOOTED_TEST(link_adds_a_name_and_nlink_counts_names)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f");
	struct stat st;

	ck_assert_int_eq(sys_link(fs_test_str(p, "/d/f"), fs_test_str(p, "/tmp/g")), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/tmp/g"), f);
	ramfs_fill_stat(f, &st);
	ck_assert_uint_eq(st.st_nlink, 2);
	ck_assert_int_eq(sys_unlink(fs_test_str(p, "/d/f")), 0);
	ck_assert_uint_eq(f->nlink, 1);
	ck_assert_uint_eq(f->size, 5);
	ck_assert_int_eq(sys_unlink(fs_test_str(p, "/tmp/g")), 0);
	ck_assert_ptr_null(fs_test_find(p, "/tmp/g"));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(hard_linked_file_lives_until_last_name_and_last_close)
{
	struct process *p = fs_test_process();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	char got[8] = { 0 };
	long fd;

	ck_assert_int_eq(do_link(p, "/d/f", "/d/g", 0), 0);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/g"), O_RDONLY, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(sys_unlink(fs_test_str(p, "/d/g")), 0);
	ck_assert_int_eq(sys_unlink(fs_test_str(p, "/d/f")), 0);
	ck_assert_int_eq(sys_read((int)fd, UPTR(buf), 8), 5);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 5), 0);
	ck_assert_str_eq(got, "hello");
	ck_assert_int_eq(sys_close((int)fd), 0);
	/* Names left in two directories when the tree goes: freed once, with the last. */
	ck_assert_int_eq(do_link(p, "/d/link", "/tmp/l1", 0), 0);
	ck_assert_int_eq(do_link(p, "/d/link", "/d/sub/l2", 0), 0);
	ck_assert_uint_eq(fs_test_find(p, "/d/link")->nlink, 3);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(link_follows_a_final_symlink_only_when_asked)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *l = fs_test_find(p, "/d/link");

	ck_assert_int_eq(do_link(p, "/d/link", "/d/l2", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/l2"), l);
	ck_assert_int_eq(do_link(p, "/d/link", "/d/f2", AT_SYMLINK_FOLLOW), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/f2"), f);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(link_reports_linux_errors)
{
	struct process *p = fs_test_process();
	long fd;

	ck_assert_int_eq(do_link(p, "/d/sub", "/d/x", 0), -EPERM);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/link", 0), -EEXIST);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/sub", 0), -EEXIST);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/..", 0), -EEXIST);
	ck_assert_int_eq(do_link(p, "/d/none", "/d/x", 0), -ENOENT);
	ck_assert_int_eq(do_link(p, "/d/f", "/none/x", 0), -ENOENT);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/x/", 0), -ENOENT);
	ck_assert_int_eq(do_link(p, "/d/f/", "/d/x", 0), -ENOTDIR);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/x", 0x1), -EINVAL);
	ck_assert_int_eq(sys_link(UPTR(SVC_BAD_PTR), fs_test_str(p, "/d/x")), -EFAULT);
	ck_assert_int_eq(sys_linkat(42, fs_test_str(p, "f"), AT_FDCWD, fs_test_str(p, "/d/x"), 0),
			 -EBADF);
	/* AT_EMPTY_PATH links the open file itself, for root only. */
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(sys_linkat((int)fd, fs_test_str(p, ""), AT_FDCWD, fs_test_str(p, "/d/e"),
				    AT_EMPTY_PATH), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/e"), fs_test_find(p, "/d/f"));
	ck_assert_int_eq(sys_linkat((int)fd, fs_test_str(p, ""), AT_FDCWD, fs_test_str(p, "/d/e2"),
				    0), -ENOENT);
	fs_test_become_user(p);
	ck_assert_int_eq(sys_linkat((int)fd, fs_test_str(p, ""), AT_FDCWD, fs_test_str(p, "/tmp/e"),
				    AT_EMPTY_PATH), -ENOENT);
	ck_assert_int_eq(do_link(p, "/d/f", "/d/x", 0), -EACCES);
	ck_assert_int_eq(do_link(p, "/d/f", "/tmp/x", 0), 0);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(symlink_creates_a_link_owned_by_the_caller)
{
	struct process *p = fs_test_process();
	struct inode *l;
	struct stat st;

	ck_assert_int_eq(sys_symlink(fs_test_str(p, "../f"), fs_test_str(p, "/d/sub/s")), 0);
	l = fs_test_find(p, "/d/sub/s");
	ck_assert_ptr_nonnull(l);
	ramfs_fill_stat(l, &st);
	ck_assert_uint_eq(st.st_mode, S_IFLNK | 0777);
	ck_assert_int_eq(st.st_size, 4);
	ck_assert_ptr_eq(fs_test_find(p, "/d/sub/s/"), NULL);
	fs_test_become_user(p);
	ck_assert_int_eq(sys_symlinkat(fs_test_str(p, "dangling"), AT_FDCWD,
				       fs_test_str(p, "/tmp/s")), 0);
	l = fs_test_find(p, "/tmp/s");
	ck_assert_uint_eq(l->uid, 1000);
	ck_assert_uint_eq(l->gid, 1000);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/d/s")), -EACCES);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(symlink_reports_linux_errors)
{
	struct process *p = fs_test_process();

	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/d/f")), -EEXIST);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/d/link")), -EEXIST);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, ""), fs_test_str(p, "/d/x")), -ENOENT);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/d/x/")), -ENOENT);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/none/x")), -ENOENT);
	ck_assert_int_eq(sys_symlink(fs_test_str(p, "x"), fs_test_str(p, "/d/f/x")), -ENOTDIR);
	ck_assert_int_eq(sys_symlink(UPTR(SVC_BAD_PTR), fs_test_str(p, "/d/x")), -EFAULT);
	ck_assert_int_eq(sys_symlinkat(fs_test_str(p, "x"), 77, fs_test_str(p, "x")), -EBADF);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("link");
	TCase *tc = tcase_create("link");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, link_adds_a_name_and_nlink_counts_names);
	tcase_add_test(tc, hard_linked_file_lives_until_last_name_and_last_close);
	tcase_add_test(tc, link_follows_a_final_symlink_only_when_asked);
	tcase_add_test(tc, link_reports_linux_errors);
	tcase_add_test(tc, symlink_creates_a_link_owned_by_the_caller);
	tcase_add_test(tc, symlink_reports_linux_errors);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
