/* test_file.c: the file syscalls over ramfs and the console, through the dispatcher. */
#include <stdio.h>
#include <ostd/errno.h>
#include <abi/dirent.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/uio.h>
#include <fs/file.h>
#include <fs/path.h>
#include "../services_test.h"

enum { NR_READ = 0, NR_WRITE = 1, NR_OPEN = 2, NR_CLOSE = 3, NR_STAT = 4, NR_FSTAT = 5,
       NR_LSTAT = 6, NR_LSEEK = 8, NR_PREAD64 = 17, NR_READV = 19, NR_WRITEV = 20,
       NR_ACCESS = 21, NR_DUP = 32, NR_DUP2 = 33, NR_FCNTL = 72, NR_GETCWD = 79,
       NR_READLINK = 89, NR_GETDENTS64 = 217, NR_OPENAT = 257, NR_NEWFSTATAT = 262,
       NR_DUP3 = 292, NR_CHDIR = 80, NR_FCHDIR = 81, NR_MKDIR = 83, NR_UMASK = 95 };

/* A process whose root holds /etc/motd ("hello world"), /bin/tool (0755), /bin/link. */
static struct process *process_with_files(void)
{
	struct process *p = svc_process_new();
	struct inode *etc, *bin, *f;

	ck_assert_int_eq(ramfs_create(p->root, "etc", 3, S_IFDIR | 0755, &etc), 0);
	ck_assert_int_eq(ramfs_create(etc, "motd", 4, S_IFREG | 0644, &f), 0);
	ck_assert_int_eq(ramfs_set_data(f, "hello world", 11), 0);
	ck_assert_int_eq(ramfs_create(p->root, "bin", 3, S_IFDIR | 0755, &bin), 0);
	ck_assert_int_eq(ramfs_create(bin, "tool", 4, S_IFREG | 0755, &f), 0);
	ck_assert_int_eq(ramfs_symlink(bin, "link", 4, "tool", 4, NULL), 0);
	return p;
}

BOOTED_TEST(open_read_seek_and_pread_a_file)
{
	struct process *p = process_with_files();
	uaddr_t path = svc_user_string(p, "/etc/motd"), buf = svc_user_alloc(p, PAGE_SIZE);
	char got[16] = { 0 };
	long fd;

	fd = SVC3(NR_OPEN, path, O_RDONLY, 0);
	ck_assert_int_eq(fd, 3);
	ck_assert_int_eq(SVC3(NR_READ, fd, buf, 5), 5);
	ck_assert_int_eq(SVC3(NR_READ, fd, buf + 5, 100), 6);
	ck_assert_int_eq(SVC3(NR_READ, fd, buf, 100), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 11), 0);
	ck_assert_str_eq(got, "hello world");
	ck_assert_int_eq(SVC3(NR_LSEEK, fd, -5, SEEK_END), 6);
	ck_assert_int_eq(SVC3(NR_LSEEK, fd, -100, SEEK_CUR), -EINVAL);
	ck_assert_int_eq(SVC4(NR_PREAD64, fd, buf, 5, 0), 5);
	ck_assert_int_eq(SVC4(NR_PREAD64, fd, buf, 5, -1), -EINVAL);
	ck_assert_int_eq(SVC3(NR_LSEEK, fd, 0, SEEK_CUR), 6);
	ck_assert_int_eq(SVC3(NR_WRITE, fd, buf, 1), -EBADF);
	ck_assert_int_eq(SVC1(NR_CLOSE, fd), 0);
	ck_assert_int_eq(SVC1(NR_CLOSE, fd), -EBADF);
	ck_assert_int_eq(SVC3(NR_LSEEK, 1, 0, SEEK_CUR), -ESPIPE);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(open_reports_linux_errors)
{
	struct process *p = process_with_files();
	uaddr_t etc = svc_user_string(p, "/etc"), motd = svc_user_string(p, "/etc/motd");
	uaddr_t link = svc_user_string(p, "/bin/link"), none = svc_user_string(p, "/none/x");
	uaddr_t empty = svc_user_string(p, ""), rel = svc_user_string(p, "motd");

	ck_assert_int_eq(SVC3(NR_OPEN, etc, O_WRONLY, 0), -EISDIR);
	ck_assert_int_eq(SVC3(NR_OPEN, motd, O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	ck_assert_int_eq(SVC3(NR_OPEN, link, O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	ck_assert_int_eq(SVC3(NR_OPEN, none, O_RDONLY | O_CREAT, 0644), -ENOENT);
	ck_assert_int_eq(SVC3(NR_OPEN, motd, O_RDONLY | O_CREAT | O_EXCL, 0644), -EEXIST);
	ck_assert_int_eq(SVC3(NR_OPEN, empty, O_RDONLY, 0), -ENOENT);
	ck_assert_int_eq(SVC4(NR_OPENAT, 99, rel, O_RDONLY, 0), -EBADF);
	ck_assert_int_eq(SVC4(NR_OPENAT, 1, rel, O_RDONLY, 0), -ENOTDIR);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(created_file_reads_back_what_was_written)
{
	struct process *p = process_with_files();
	uaddr_t path = svc_user_string(p, "/new"), data = svc_user_string(p, "abcdef");
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	char got[8] = { 0 };
	long fd;

	fd = SVC3(NR_OPEN, path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(SVC3(NR_WRITE, fd, data, 6), 6);
	ck_assert_int_eq(SVC4(NR_PREAD64, fd, buf, 8, 2), 4);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 4), 0);
	ck_assert_str_eq(got, "cdef");
	ck_assert_int_eq(SVC3(NR_FCNTL, fd, F_GETFL, 0) & O_ACCMODE, O_RDWR);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(stat_family_fills_the_linux_struct)
{
	struct process *p = process_with_files();
	uaddr_t link = svc_user_string(p, "/bin/link"), buf = svc_user_alloc(p, PAGE_SIZE);
	uaddr_t empty = svc_user_string(p, "");
	struct stat st;

	ck_assert_int_eq(SVC2(NR_STAT, link, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &st, buf, sizeof(st)), 0);
	ck_assert_uint_eq(st.st_mode, S_IFREG | 0755);
	ck_assert_int_eq(SVC2(NR_LSTAT, link, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &st, buf, sizeof(st)), 0);
	ck_assert_uint_eq(st.st_mode & S_IFMT, S_IFLNK);
	ck_assert_int_eq(st.st_size, 4);
	ck_assert_int_eq(SVC4(NR_NEWFSTATAT, 1, empty, buf, AT_EMPTY_PATH), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &st, buf, sizeof(st)), 0);
	ck_assert_uint_eq(st.st_mode & S_IFMT, S_IFCHR);
	ck_assert_int_eq(SVC4(NR_NEWFSTATAT, AT_FDCWD, link, buf, 0x8000), -EINVAL);
	ck_assert_int_eq(SVC2(NR_FSTAT, 42, buf), -EBADF);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(getdents64_lists_dot_dotdot_and_children)
{
	struct process *p = process_with_files();
	uaddr_t bin = svc_user_string(p, "/bin"), buf = svc_user_alloc(p, PAGE_SIZE);
	char names[4][16];
	unsigned char raw[512];
	long fd, n, at = 0;
	int count = 0;

	fd = SVC3(NR_OPEN, bin, O_RDONLY | O_DIRECTORY, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(SVC3(NR_GETDENTS64, fd, buf, 10), -EINVAL);
	n = SVC3(NR_GETDENTS64, fd, buf, sizeof(raw));
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, raw, buf, (size_t)n), 0);
	while (at < n && count < 4) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)(raw + at);

		ck_assert_uint_eq(d->d_reclen % 8, 0);
		snprintf(names[count++], sizeof(names[0]), "%s", d->d_name);
		at += d->d_reclen;
	}
	ck_assert_int_eq(count, 4);
	ck_assert_str_eq(names[0], ".");
	ck_assert_str_eq(names[1], "..");
	ck_assert_str_eq(names[2], "tool");
	ck_assert_str_eq(names[3], "link");
	ck_assert_int_eq(SVC3(NR_GETDENTS64, fd, buf, sizeof(raw)), 0);
	ck_assert_int_eq(SVC3(NR_GETDENTS64, 1, buf, sizeof(raw)), -ENOTDIR);
	ck_assert_int_eq(SVC3(NR_READ, fd, buf, 10), -EISDIR);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(readlink_getcwd_and_access_answer_like_linux)
{
	struct process *p = process_with_files();
	uaddr_t link = svc_user_string(p, "/bin/link"), motd = svc_user_string(p, "/etc/motd");
	uaddr_t tool = svc_user_string(p, "/bin/tool"), buf = svc_user_alloc(p, PAGE_SIZE);
	char got[8] = { 0 };

	ck_assert_int_eq(SVC3(NR_READLINK, link, buf, 100), 4);
	ck_assert_int_eq(SVC3(NR_READLINK, link, buf, 2), 2);
	ck_assert_int_eq(SVC3(NR_READLINK, motd, buf, 100), -EINVAL);
	ck_assert_int_eq(SVC3(NR_READLINK, link, buf, 0), -EINVAL);
	ck_assert_int_eq(SVC2(NR_GETCWD, buf, 100), 2);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 2), 0);
	ck_assert_str_eq(got, "/");
	ck_assert_int_eq(SVC2(NR_GETCWD, buf, 1), -ERANGE);
	ck_assert_int_eq(SVC2(NR_ACCESS, tool, X_OK), 0);
	ck_assert_int_eq(SVC2(NR_ACCESS, motd, X_OK), -EACCES);
	ck_assert_int_eq(SVC2(NR_ACCESS, motd, R_OK | W_OK), 0);
	ck_assert_int_eq(SVC2(NR_ACCESS, motd, 8), -EINVAL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(dup_family_and_fd_flags)
{
	struct process *p = process_with_files();

	ck_assert_int_eq(SVC1(NR_DUP, 1), 3);
	ck_assert_int_eq(SVC2(NR_DUP2, 1, 10), 10);
	ck_assert_int_eq(SVC2(NR_DUP2, 10, 10), 10);
	ck_assert_int_eq(SVC2(NR_DUP2, 11, 11), -EBADF);
	ck_assert_int_eq(SVC3(NR_DUP3, 1, 1, 0), -EINVAL);
	ck_assert_int_eq(SVC3(NR_DUP3, 1, 12, O_CLOEXEC), 12);
	ck_assert_int_eq(SVC3(NR_FCNTL, 12, F_GETFD, 0), FD_CLOEXEC);
	ck_assert_int_eq(SVC3(NR_FCNTL, 12, F_SETFD, 0), 0);
	ck_assert_int_eq(SVC3(NR_FCNTL, 12, F_GETFD, 0), 0);
	ck_assert_int_eq(SVC3(NR_FCNTL, 1, F_DUPFD, 20), 20);
	ck_assert_int_eq(SVC3(NR_FCNTL, 1, 9999, 0), -EINVAL);
	ck_assert_int_eq(SVC1(NR_DUP, 500), -EBADF);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(writev_gathers_and_readv_scatters)
{
	struct process *p = process_with_files();
	uaddr_t a = svc_user_string(p, "ab"), b = svc_user_string(p, "cde");
	uaddr_t vec = svc_user_alloc(p, PAGE_SIZE);
	struct iovec iov[2] = { { a, 2 }, { b, 3 } };

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, vec, iov, sizeof(iov)), 0);
	ck_assert_int_eq(SVC3(NR_WRITEV, 1, vec, 2), 5);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_OUT, NULL), "abcde");
	ck_assert_int_eq(SVC3(NR_WRITEV, 1, vec, -1), -EINVAL);
	ck_assert_int_eq(SVC3(NR_WRITEV, 1, vec, 1025), -EINVAL);
	iov[1].iov_len = ~0ull;
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, vec, iov, sizeof(iov)), 0);
	ck_assert_int_eq(SVC3(NR_WRITEV, 1, vec, 2), -EINVAL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(stdin_reads_console_input_then_end_of_file)
{
	struct process *p = process_with_files();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	char got[8] = { 0 };

	hal_test_console_feed("hi\n", 3);
	hal_test_console_eof();
	ck_assert_int_eq(SVC3(NR_READ, 0, buf, 8), 3);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 3), 0);
	ck_assert_str_eq(got, "hi\n");
	ck_assert_int_eq(SVC3(NR_READ, 0, buf, 8), 0);
	ck_assert_int_eq(SVC3(NR_WRITE, 0, buf, 1), -EBADF);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mkdir_and_chdir_move_the_working_directory)
{
	struct process *p = process_with_files();
	uaddr_t newdir = svc_user_string(p, "/etc/new"), rel = svc_user_string(p, "new");
	uaddr_t motd = svc_user_string(p, "/etc/motd"), root = svc_user_string(p, "/");
	uaddr_t dotdot = svc_user_string(p, ".."), buf = svc_user_alloc(p, PAGE_SIZE);
	struct inode *i;
	char got[16] = { 0 };
	long fd;

	ck_assert_int_eq(SVC1(NR_UMASK, 027), 022);
	ck_assert_int_eq(SVC2(NR_MKDIR, newdir, 0777), 0);
	ck_assert_int_eq(path_lookup(p->root, p->root, "/etc/new", 0, &i), 0);
	ck_assert_uint_eq(i->mode, S_IFDIR | 0750);
	ck_assert_int_eq(SVC2(NR_MKDIR, newdir, 0777), -EEXIST);
	ck_assert_int_eq(SVC2(NR_MKDIR, root, 0777), -EEXIST);
	ck_assert_int_eq(SVC1(NR_CHDIR, motd), -ENOTDIR);
	ck_assert_int_eq(SVC1(NR_CHDIR, newdir), 0);
	ck_assert_int_eq(SVC2(NR_GETCWD, buf, 100), 9);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, 9), 0);
	ck_assert_str_eq(got, "/etc/new");
	fd = SVC3(NR_OPEN, dotdot, O_RDONLY | O_DIRECTORY, 0);
	ck_assert_int_ge(fd, 3);
	ck_assert_int_eq(SVC1(NR_FCHDIR, fd), 0);
	ck_assert_int_eq(SVC3(NR_OPEN, rel, O_RDONLY, 0), fd + 1);
	ck_assert_int_eq(SVC1(NR_FCHDIR, 1), -ENOTDIR);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("file");
	TCase *tc = tcase_create("file");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, open_read_seek_and_pread_a_file);
	tcase_add_test(tc, open_reports_linux_errors);
	tcase_add_test(tc, created_file_reads_back_what_was_written);
	tcase_add_test(tc, stat_family_fills_the_linux_struct);
	tcase_add_test(tc, getdents64_lists_dot_dotdot_and_children);
	tcase_add_test(tc, readlink_getcwd_and_access_answer_like_linux);
	tcase_add_test(tc, dup_family_and_fd_flags);
	tcase_add_test(tc, writev_gathers_and_readv_scatters);
	tcase_add_test(tc, stdin_reads_console_input_then_end_of_file);
	tcase_add_test(tc, mkdir_and_chdir_move_the_working_directory);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
