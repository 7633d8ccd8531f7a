/* test_rename.c: rename, renameat and renameat2 over ramfs (fs/rename.c, fs/ramfs_rename.c). */
#include "fs_test.h"

static long do_rename(struct process *p, const char *from, const char *to, unsigned int flags)
{
	return sys_renameat2(AT_FDCWD, fs_test_str(p, from), AT_FDCWD, fs_test_str(p, to), flags);
}

BOOTED_TEST(rename_moves_a_file_to_another_directory)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f"), *d = fs_test_find(p, "/d");
	uint64_t before = d->mtime_ns;

	ck_assert_int_eq(sys_rename(fs_test_str(p, "/d/f"), fs_test_str(p, "/d/sub/g")), 0);
	ck_assert_ptr_null(fs_test_find(p, "/d/f"));
	ck_assert_ptr_eq(fs_test_find(p, "/d/sub/g"), f);
	ck_assert_uint_eq(f->nlink, 1);
	ck_assert_uint_ge(d->mtime_ns, before);
	/* Same directory, new name; then a relative path from a dirfd. */
	ck_assert_int_eq(do_rename(p, "/d/sub/g", "/d/sub/h", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/sub/h"), f);
	p->cwd = fs_test_find(p, "/d");
	ck_assert_int_eq(sys_renameat(AT_FDCWD, fs_test_str(p, "sub/h"), AT_FDCWD,
				      fs_test_str(p, "back")), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/back"), f);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(rename_over_a_file_replaces_it_and_an_open_victim_stays_readable)
{
	struct process *p = fs_test_process();
	struct inode *d = fs_test_find(p, "/d"), *f = fs_test_find(p, "/d/f");
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct inode *victim = fs_test_new_file(d, "g", 0644, 0);
	char got[8] = { 0 };
	long fd;

	ck_assert_int_eq(ramfs_set_data(victim, "old", 3), 0);
	fd = sys_openat(AT_FDCWD, fs_test_str(p, "/d/g"), O_RDONLY, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/g", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/g"), f);
	ck_assert_uint_eq(victim->nlink, 0);
	ck_assert_int_eq(sys_read((int)fd, UPTR(buf), 8), 3);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 3), 0);
	ck_assert_str_eq(got, "old");
	/* The close frees the victim; ASan reports a leak or a double free. */
	ck_assert_int_eq(sys_close((int)fd), 0);
	/* A victim nobody holds goes at once. */
	fs_test_new_file(d, "h", 0644, 0);
	ck_assert_int_eq(do_rename(p, "/d/g", "/d/h", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/h"), f);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(rename_of_directories_follows_linux_rules)
{
	struct process *p = fs_test_process();
	struct inode *d = fs_test_find(p, "/d"), *sub = fs_test_find(p, "/d/sub");
	struct inode *tmp = fs_test_find(p, "/tmp"), *i;
	char path[64];

	ck_assert_int_eq(ramfs_create(tmp, "full", 4, S_IFDIR | 0755, &i), 0);
	fs_test_new_file(i, "x", 0644, 0);
	ck_assert_int_eq(ramfs_create(tmp, "empty", 5, S_IFDIR | 0755, NULL), 0);
	ck_assert_int_eq(do_rename(p, "/d/sub", "/tmp/full", 0), -ENOTEMPTY);
	ck_assert_int_eq(do_rename(p, "/d/sub", "/d/f", 0), -ENOTDIR);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/sub", 0), -EISDIR);
	ck_assert_int_eq(do_rename(p, "/d", "/d/sub/x", 0), -EINVAL);
	ck_assert_int_eq(do_rename(p, "/d", "/d/x", 0), -EINVAL);
	ck_assert_int_eq(do_rename(p, "/d/sub", "/d", 0), -ENOTEMPTY);
	ck_assert_int_eq(do_rename(p, "/d/sub", "/d/sub", 0), 0);
	ck_assert_uint_eq(d->nlink, 3);
	ck_assert_uint_eq(tmp->nlink, 4);
	/* Over an empty directory: it goes, and the link counts follow "..". */
	ck_assert_int_eq(do_rename(p, "/d/sub", "/tmp/empty", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/tmp/empty"), sub);
	ck_assert_ptr_eq(sub->parent, tmp);
	ck_assert_uint_eq(d->nlink, 2);
	ck_assert_uint_eq(tmp->nlink, 4);
	ck_assert_int_gt(path_of_dir(p->root, sub, path, sizeof(path)), 0);
	ck_assert_str_eq(path, "/tmp/empty");
	ck_assert_int_eq(do_rename(p, "/tmp/empty", "/d/sub2/", 0), 0);
	ck_assert_int_gt(path_of_dir(p->root, sub, path, sizeof(path)), 0);
	ck_assert_str_eq(path, "/d/sub2");
	ck_assert_uint_eq(d->nlink, 3);
	ck_assert_uint_eq(tmp->nlink, 3);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(rename_between_hard_links_of_one_file_does_nothing)
{
	struct process *p = fs_test_process();
	struct inode *f = fs_test_find(p, "/d/f");

	ck_assert_int_eq(ramfs_link(fs_test_find(p, "/d"), "g", 1, f), 0);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/g", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/f"), f);
	ck_assert_ptr_eq(fs_test_find(p, "/d/g"), f);
	ck_assert_uint_eq(f->nlink, 2);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(renameat2_noreplace_and_exchange)
{
	struct process *p = fs_test_process();
	struct inode *d = fs_test_find(p, "/d"), *f = fs_test_find(p, "/d/f");
	struct inode *sub = fs_test_find(p, "/d/sub"), *tmp = fs_test_find(p, "/tmp");
	struct inode *t = fs_test_new_file(tmp, "t", 0644, 0);

	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/t", RENAME_NOREPLACE), -EEXIST);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/f", RENAME_NOREPLACE), -EEXIST);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/none", RENAME_EXCHANGE), -ENOENT);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/t", RENAME_WHITEOUT), -EINVAL);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/t", RENAME_NOREPLACE | RENAME_EXCHANGE),
			 -EINVAL);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/t", 8), -EINVAL);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/u", RENAME_NOREPLACE), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/tmp/u"), f);
	/* A file and a directory in different parents trade places. */
	ck_assert_int_eq(do_rename(p, "/tmp/t", "/d/sub", RENAME_EXCHANGE), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/d/sub"), t);
	ck_assert_ptr_eq(fs_test_find(p, "/tmp/t"), sub);
	ck_assert_ptr_eq(sub->parent, tmp);
	ck_assert_str_eq(sub->name, "t");
	ck_assert_uint_eq(d->nlink, 2);
	ck_assert_uint_eq(tmp->nlink, 3);
	ck_assert_int_eq(do_rename(p, "/tmp", "/tmp/t", RENAME_EXCHANGE), -EINVAL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(rename_reports_linux_errors_for_bad_names_and_arguments)
{
	struct process *p = fs_test_process();
	char longname[300];

	memset(longname, 'a', sizeof(longname));
	memcpy(longname, "/d/", 3);
	longname[sizeof(longname) - 1] = '\0';
	ck_assert_int_eq(do_rename(p, "/d/none", "/d/x", 0), -ENOENT);
	ck_assert_int_eq(do_rename(p, "/d/f", "/none/x", 0), -ENOENT);
	ck_assert_int_eq(do_rename(p, "/d/f/", "/d/x", 0), -ENOTDIR);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/x/", 0), -ENOTDIR);
	ck_assert_int_eq(do_rename(p, "/d/f/x", "/d/x", 0), -ENOTDIR);
	ck_assert_int_eq(do_rename(p, "/d/.", "/d/x", 0), -EBUSY);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/..", 0), -EBUSY);
	ck_assert_int_eq(do_rename(p, "/", "/d/x", 0), -EBUSY);
	ck_assert_int_eq(do_rename(p, "/d/f", "/d/..", RENAME_NOREPLACE), -EEXIST);
	ck_assert_int_eq(do_rename(p, "/d/f", longname, 0), -ENAMETOOLONG);
	ck_assert_int_eq(do_rename(p, "", "/d/x", 0), -ENOENT);
	ck_assert_int_eq(sys_rename(UPTR(SVC_BAD_PTR), fs_test_str(p, "/d/x")), -EFAULT);
	ck_assert_int_eq(sys_rename(fs_test_str(p, "/d/f"), UPTR(SVC_BAD_PTR)), -EFAULT);
	ck_assert_int_eq(sys_renameat(99, fs_test_str(p, "f"), AT_FDCWD, fs_test_str(p, "/d/x")),
			 -EBADF);
	ck_assert_int_eq(sys_renameat(AT_FDCWD, fs_test_str(p, "/d/f"), 1, fs_test_str(p, "x")),
			 -ENOTDIR);
	ck_assert_ptr_nonnull(fs_test_find(p, "/d/f"));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(rename_as_user_needs_write_access_and_sticky_ownership)
{
	struct process *p = fs_test_process();
	struct inode *tmp = fs_test_find(p, "/tmp"), *mine;

	fs_test_new_file(tmp, "roots", 0666, 0);
	mine = fs_test_new_file(tmp, "mine", 0644, 1000);
	fs_test_become_user(p);
	ck_assert_int_eq(do_rename(p, "/d/f", "/tmp/x", 0), -EACCES);
	ck_assert_int_eq(do_rename(p, "/tmp/mine", "/d/x", 0), -EACCES);
	ck_assert_int_eq(do_rename(p, "/tmp/roots", "/tmp/x", 0), -EPERM);
	ck_assert_int_eq(do_rename(p, "/tmp/mine", "/tmp/roots", 0), -EPERM);
	ck_assert_int_eq(do_rename(p, "/tmp/mine", "/tmp/x", 0), 0);
	ck_assert_ptr_eq(fs_test_find(p, "/tmp/x"), mine);
	/* A directory changing parents needs write access to itself (its ".." changes). */
	ck_assert_int_eq(sys_mkdir(fs_test_str(p, "/tmp/a"), 0755), 0);
	ck_assert_int_eq(sys_mkdir(fs_test_str(p, "/tmp/a/b"), 0555), 0);
	ck_assert_int_eq(do_rename(p, "/tmp/a/b", "/tmp/b", 0), -EACCES);
	ck_assert_int_eq(do_rename(p, "/tmp/a/b", "/tmp/a/c", 0), 0);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("rename");
	TCase *tc = tcase_create("rename");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, rename_moves_a_file_to_another_directory);
	tcase_add_test(tc, rename_over_a_file_replaces_it_and_an_open_victim_stays_readable);
	tcase_add_test(tc, rename_of_directories_follows_linux_rules);
	tcase_add_test(tc, rename_between_hard_links_of_one_file_does_nothing);
	tcase_add_test(tc, renameat2_noreplace_and_exchange);
	tcase_add_test(tc, rename_reports_linux_errors_for_bad_names_and_arguments);
	tcase_add_test(tc, rename_as_user_needs_write_access_and_sticky_ownership);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
