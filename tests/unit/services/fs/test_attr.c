/* test_attr.c: the chmod and chown families (fs/attr.c), as root and as an ordinary user. */
#include "fs_test.h"

#define KEEP 0xffffffffu

BOOTED_TEST(chmod_changes_only_the_permission_bits)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *d = fs_test_find(p, "/d");
	long fd, dfd;

	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/d/f"), 0104755), 0);
	ck_assert_uint_eq(f->mode, S_IFREG | 04755);
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/d/link"), 0600), 0);
	ck_assert_uint_eq(f->mode, S_IFREG | 0600);
	ck_assert_uint_eq(fs_test_find(p, "/d/link")->mode, S_IFLNK | 0777);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	ck_assert_int_eq(sys_fchmod((int)fd, 0640), 0);
	ck_assert_uint_eq(f->mode, S_IFREG | 0640);
	dfd = sys_openat(AT_FDCWD, fs_test_str(p, "/d"), O_RDONLY | O_DIRECTORY, 0);
	ck_assert_int_eq(sys_fchmodat((int)dfd, fs_test_str(p, "f"), 0444), 0);
	ck_assert_uint_eq(f->mode, S_IFREG | 0444);
	ck_assert_int_eq(sys_fchmod((int)dfd, 01777), 0);
	ck_assert_uint_eq(d->mode, S_IFDIR | 01777);
	ck_assert_int_eq(sys_close((int)fd), 0);
	ck_assert_int_eq(sys_close((int)dfd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(chmod_reports_linux_errors)
{
	struct process *p = fs_test_process();
	long fd;

	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/d/none"), 0644), -ENOENT);
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/d/f/x"), 0644), -ENOTDIR);
	ck_assert_int_eq(sys_chmod(UPTR(SVC_BAD_PTR), 0644), -EFAULT);
	ck_assert_int_eq(sys_fchmod(55, 0644), -EBADF);
	ck_assert_int_eq(sys_fchmodat(55, fs_test_str(p, "f"), 0644), -EBADF);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_PATH, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(sys_fchmod((int)fd, 0644), -EBADF);
	ck_assert_int_eq(sys_fchown((int)fd, 1, 1), -EBADF);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(chmod_by_a_user_needs_ownership_and_drops_foreign_setgid)
{
	struct process *p = fs_test_process();
	struct inode *mine = fs_test_new_file(fs_test_find(p, "/tmp"), "mine", 0644, 1000);

	fs_test_become_user(p);
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/d/f"), 0777), -EPERM);
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/tmp/mine"), 02755), 0);
	ck_assert_uint_eq(mine->mode, S_IFREG | 02755);
	mine->gid = 5;
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/tmp/mine"), 06755), 0);
	ck_assert_uint_eq(mine->mode, S_IFREG | 04755);
	p->cred.groups[0] = 5;
	p->cred.ngroups = 1;
	ck_assert_int_eq(sys_chmod(fs_test_str(p, "/tmp/mine"), 02700), 0);
	ck_assert_uint_eq(mine->mode, S_IFREG | 02700);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(chown_as_root_sets_ids_and_clears_set_id_bits_of_files)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *sub = fs_test_find(p, "/d/sub");

	f->mode = S_IFREG | 06755;
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/d/f"), 5, 6), 0);
	ck_assert_uint_eq(f->uid, 5);
	ck_assert_uint_eq(f->gid, 6);
	ck_assert_uint_eq(f->mode, S_IFREG | 0755);
	/* Without group execution set-group-ID marks mandatory locking and stays. */
	f->mode = S_IFREG | 06644;
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/d/f"), KEEP, KEEP), 0);
	ck_assert_uint_eq(f->uid, 5);
	ck_assert_uint_eq(f->gid, 6);
	ck_assert_uint_eq(f->mode, S_IFREG | 02644);
	sub->mode = S_IFDIR | 06755;
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/d/sub"), 7, KEEP), 0);
	ck_assert_uint_eq(sub->mode, S_IFDIR | 06755);
	ck_assert_uint_eq(sub->uid, 7);
	ck_assert_uint_eq(sub->gid, 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(lchown_and_fchownat_nofollow_change_the_link_itself)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *l = fs_test_find(p, "/d/link");
	long fd;

	ck_assert_int_eq(sys_lchown(fs_test_str(p, "/d/link"), 3, 3), 0);
	ck_assert_uint_eq(l->uid, 3);
	ck_assert_uint_eq(f->uid, 0);
	ck_assert_int_eq(sys_fchownat(AT_FDCWD, fs_test_str(p, "/d/link"), 4, 4, 0), 0);
	ck_assert_uint_eq(f->uid, 4);
	ck_assert_int_eq(sys_fchownat(AT_FDCWD, fs_test_str(p, "/d/link"), 8, 8,
				      AT_SYMLINK_NOFOLLOW), 0);
	ck_assert_uint_eq(l->uid, 8);
	ck_assert_int_eq(sys_fchownat(AT_FDCWD, fs_test_str(p, "/d/f"), 1, 1, 0x1), -EINVAL);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/f"), O_RDONLY, 0);
	ck_assert_int_eq(sys_fchownat((int)fd, fs_test_str(p, ""), 9, 9, AT_EMPTY_PATH), 0);
	ck_assert_uint_eq(f->uid, 9);
	ck_assert_int_eq(sys_fchownat((int)fd, fs_test_str(p, ""), 9, 9, 0), -ENOENT);
	ck_assert_int_eq(sys_fchown((int)fd, 10, KEEP), 0);
	ck_assert_uint_eq(f->uid, 10);
	ck_assert_uint_eq(f->gid, 9);
	ck_assert_int_eq(sys_fchown(99, 1, 1), -EBADF);
	ck_assert_int_eq(sys_close((int)fd), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(chown_by_a_user_only_moves_own_files_among_own_groups)
{
	struct process *p = fs_test_process();
	struct inode *mine = fs_test_new_file(fs_test_find(p, "/tmp"), "mine", 04755, 1000);

	fs_test_become_user(p);
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/d/f"), KEEP, 1000), -EPERM);
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/d/f"), 0, 0), -EPERM);
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/tmp/mine"), 0, KEEP), -EPERM);
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/tmp/mine"), KEEP, 5), -EPERM);
	ck_assert_uint_eq(mine->mode, S_IFREG | 04755);
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/tmp/mine"), 1000, 1000), 0);
	ck_assert_uint_eq(mine->mode, S_IFREG | 0755);
	p->cred.groups[0] = 5;
	p->cred.ngroups = 1;
	ck_assert_int_eq(sys_chown(fs_test_str(p, "/tmp/mine"), KEEP, 5), 0);
	ck_assert_uint_eq(mine->gid, 5);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("attr");
	TCase *tc = tcase_create("attr");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, chmod_changes_only_the_permission_bits);
	tcase_add_test(tc, chmod_reports_linux_errors);
	tcase_add_test(tc, chmod_by_a_user_needs_ownership_and_drops_foreign_setgid);
	tcase_add_test(tc, chown_as_root_sets_ids_and_clears_set_id_bits_of_files);
	tcase_add_test(tc, lchown_and_fchownat_nofollow_change_the_link_itself);
	tcase_add_test(tc, chown_by_a_user_only_moves_own_files_among_own_groups);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
