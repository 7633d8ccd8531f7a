/* fs_meta: the file-metadata syscalls on /tmp: rename and renameat2, hard and symbolic
 * links with their link counts, chmod and chown with their set-ID rules, utimensat,
 * truncate, fallocate, the sync family and statfs. A child that drops to uid 1000 then
 * meets Linux's EACCES and EPERM. Only facts that hold on any Linux file system are
 * printed (no inode numbers, devices, block counts or listing order). Works in its own
 * directory under /tmp, named with the pid, and removes it. Exits 77 when not root. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

/* errname() for the errors of this program too. */
static const char *ename(int e)
{
	switch (e) {
	case EEXIST: return "EEXIST";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case ENOTEMPTY: return "ENOTEMPTY";
	case EBUSY: return "EBUSY";
	case ELOOP: return "ELOOP";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EFBIG: return "EFBIG";
	case EXDEV: return "EXDEV";
	case ESPIPE: return "ESPIPE";
	default: return errname(e);
	}
}

static void show(const char *what, long r)
{
	printf("%s: %s\n", what, r < 0 ? ename(errno) : "ok");
}

static void show_stat(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		printf("  %s: %s\n", path, ename(errno));
		return;
	}
	/* A directory's size is the file system's own business. */
	printf("  %s: mode %o nlink %lu uid %u gid %u", path, (unsigned)st.st_mode,
	       (unsigned long)st.st_nlink, (unsigned)st.st_uid, (unsigned)st.st_gid);
	if (S_ISDIR(st.st_mode))
		printf("\n");
	else
		printf(" size %lld\n", (long long)st.st_size);
}

static void make_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		printf("make %s: %s\n", path, ename(errno));
		exit(1);
	}
	close(fd);
	chmod(path, mode);
}

static long renameat2_raw(const char *from, const char *to, unsigned int flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
}

static void do_rename(void)
{
	char longname[300];

	puts("-- rename");
	make_file("a", "aaa", 0644);
	make_file("b", "bb", 0644);
	mkdir("d1", 0755);
	mkdir("d2", 0755);
	mkdir("full", 0755);
	make_file("full/x", "", 0644);
	show("rename a over b", rename("a", "b"));
	show_stat("a");
	show_stat("b");
	show("rename b to itself", rename("b", "b"));
	show("rename missing", rename("nothing", "c"));
	show("rename file over dir", rename("b", "d1"));
	show("rename dir over file", rename("d1", "b"));
	show("rename dir over full dir", rename("d1", "full"));
	show("rename dir into itself", rename("d1", "d1/inner"));
	show("rename file with slash", rename("b/", "c"));
	show("rename to dotdot", rename("b", "d1/.."));
	memset(longname, 'n', sizeof(longname));
	longname[sizeof(longname) - 1] = '\0';
	show("rename to long name", rename("b", longname));
	show("rename bad pointer", rename((const char *)1, "c"));
	show("rename dir over empty dir", rename("d1", "d2"));
	show_stat("d1");
	show_stat("d2");
	show("rename dir down", rename("d2", "full/d2"));
	show_stat(".");
	show_stat("full");
	show("renameat2 noreplace", renameat2_raw("b", "full/x", RENAME_NOREPLACE));
	show("renameat2 exchange", renameat2_raw("b", "full/x", RENAME_EXCHANGE));
	show_stat("b");
	show_stat("full/x");
	show("renameat2 exchange missing", renameat2_raw("b", "none", RENAME_EXCHANGE));
	show("renameat2 both flags", renameat2_raw("b", "full/x",
						   RENAME_EXCHANGE | RENAME_NOREPLACE));
	show("renameat2 bad flag", renameat2_raw("b", "c", 0x80));
	show("renameat2 noreplace free", renameat2_raw("b", "c", RENAME_NOREPLACE));
	show_stat("c");
}

static void do_links(void)
{
	char buf[64];
	ssize_t n;
	int fd;

	puts("-- links");
	make_file("f", "linked", 0644);
	show("link f g", link("f", "g"));
	show_stat("f");
	show("link over existing", link("f", "g"));
	show("link a directory", link("full", "full2"));
	show("link missing", link("none", "h"));
	show("link trailing slash", link("f", "h/"));
	show("linkat bad flag", linkat(AT_FDCWD, "f", AT_FDCWD, "h", 1));
	fd = open("g", O_RDONLY);
	show("unlink f", unlink("f"));
	show_stat("g");
	show("unlink g", unlink("g"));
	n = read(fd, buf, sizeof(buf));
	printf("read after last unlink: %zd\n", n);
	close(fd);
	show("symlink", symlink("target/none", "sl"));
	n = readlink("sl", buf, sizeof(buf));
	printf("readlink: %.*s\n", (int)(n > 0 ? n : 0), buf);
	show_stat("sl");
	show("symlink over existing", symlink("x", "sl"));
	show("symlink empty target", symlink("", "sl2"));
	show("link to a symlink", link("sl", "sl_hard"));
	show_stat("sl");
	show("linkat follow dangling", linkat(AT_FDCWD, "sl", AT_FDCWD, "sl3", AT_SYMLINK_FOLLOW));
	show("symlink loop 1", symlink("loop2", "loop1"));
	show("symlink loop 2", symlink("loop1", "loop2"));
	show("rename through loop", rename("loop1/x", "y"));
}

static void do_attrs(void)
{
	struct timespec ts[2] = { { 1000000000, 5 }, { 1200000000, 7 } };
	struct stat st;
	int fd;

	puts("-- attributes");
	make_file("m", "mode", 0644);
	show("chmod 4755", chmod("m", 04755));
	show_stat("m");
	show("chown 5:6", chown("m", 5, 6));
	show_stat("m");
	show("chmod 6755", chmod("m", 06755));
	show("chown -1:-1", chown("m", -1, -1));
	show_stat("m");
	show("chmod 2644", chmod("m", 02644));
	show("chown 0:0", chown("m", 0, 0));
	show_stat("m");
	show("lchown link", lchown("sl", 7, 8));
	show_stat("sl");
	show("fchownat bad flag", fchownat(AT_FDCWD, "m", 0, 0, 1));
	fd = open("m", O_RDONLY);
	show("fchmod", fchmod(fd, 0600));
	show("fchown", fchown(fd, 9, 9));
	show_stat("m");
	close(fd);
	show("fchmod bad fd", fchmod(99, 0600));
	show("chmod missing", chmod("none", 0600));
	show("utimensat times", utimensat(AT_FDCWD, "m", ts, 0));
	stat("m", &st);
	printf("  atime %lld.%ld mtime %lld.%ld\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 1300000000;
	show("utimensat omit atime", utimensat(AT_FDCWD, "m", ts, 0));
	stat("m", &st);
	printf("  atime %lld.%ld mtime %lld.%ld\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	ts[1].tv_nsec = 1000000000;
	show("utimensat bad nsec", utimensat(AT_FDCWD, "m", ts, 0));
	show("utimensat bad flag", utimensat(AT_FDCWD, "m", NULL, 1));
	ts[0].tv_nsec = ts[1].tv_nsec = UTIME_OMIT;
	show("utimensat omit both on missing", utimensat(AT_FDCWD, "none", ts, 0));
	show("utimensat now", utimensat(AT_FDCWD, "m", NULL, 0));
	stat("m", &st);
	printf("  mtime moved: %s\n", st.st_mtim.tv_sec > 1300000000 ? "yes" : "no");
}

static void do_sizes(void)
{
	struct statfs sf;
	int fd, pfd[2];

	puts("-- sizes");
	make_file("t", "0123456789", 0644);
	show("truncate 4", truncate("t", 4));
	show_stat("t");
	show("truncate negative", truncate("t", -1));
	show("truncate dir", truncate("full", 0));
	show("truncate missing", truncate("none", 0));
	fd = open("t", O_RDWR);
	show("ftruncate 100", ftruncate(fd, 100));
	show_stat("t");
	show("fallocate grow", fallocate(fd, 0, 0, 200));
	show_stat("t");
	show("fallocate keep size", fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 300));
	show_stat("t");
	show("fallocate zero length", fallocate(fd, 0, 0, 0));
	show("fsync", fsync(fd));
	show("fdatasync", fdatasync(fd));
	show("syncfs", syncfs(fd));
	close(fd);
	fd = open("t", O_RDONLY);
	show("ftruncate read-only", ftruncate(fd, 0));
	show("fallocate read-only", fallocate(fd, 0, 0, 1));
	close(fd);
	show("ftruncate bad fd", ftruncate(99, 0));
	show("fsync bad fd", fsync(99));
	if (pipe(pfd) == 0) {
		show("fsync pipe", fsync(pfd[0]));
		show("fallocate pipe", fallocate(pfd[1], 0, 0, 1));
		close(pfd[0]);
		close(pfd[1]);
	}
	sync();
	show("statfs", statfs(".", &sf));
	printf("  namelen %ld bsize %ld frsize %ld free<=total %s\n", (long)sf.f_namelen,
	       (long)sf.f_bsize, (long)sf.f_frsize,
	       sf.f_bavail <= sf.f_bfree && sf.f_bfree <= sf.f_blocks ? "yes" : "no");
	show("statfs missing", statfs("none", &sf));
	show("fstatfs bad fd", fstatfs(99, &sf));
}

/* As uid 1000: what an ordinary user may not do to root's files. */
static void do_user(void)
{
	gid_t none[1] = { 0 };

	puts("-- as user 1000");
	mkdir("sticky", 0777);
	chmod("sticky", 01777);
	make_file("sticky/roots", "r", 0666);
	make_file("rootfile", "r", 0644);
	if (setgroups(0, none) < 0 || setgid(1000) < 0 || setuid(1000) < 0) {
		printf("drop: %s\n", ename(errno));
		return;
	}
	make_file("sticky/mine", "m", 0644);
	show("rename in root's dir", rename("rootfile", "r2"));
	show("rename root's file in sticky dir", rename("sticky/roots", "sticky/r2"));
	show("rename own file in sticky dir", rename("sticky/mine", "sticky/m2"));
	show("link into root's dir", link("sticky/m2", "m3"));
	show("symlink into root's dir", symlink("x", "s3"));
	show("chmod root's file", chmod("rootfile", 0777));
	show("chown root's file", chown("rootfile", 1000, 1000));
	show("chown own file to root", chown("sticky/m2", 0, -1));
	show("chgrp own file to group 5", chown("sticky/m2", -1, 5));
	show("chown own file to self", chown("sticky/m2", 1000, 1000));
	show("chmod own file", chmod("sticky/m2", 0600));
	show("utimensat now on root's file", utimensat(AT_FDCWD, "rootfile", NULL, 0));
	show("utimensat now on shared file", utimensat(AT_FDCWD, "sticky/roots", NULL, 0));
	show("truncate root's file", truncate("rootfile", 0));
	show("truncate shared file", truncate("sticky/roots", 0));
	show_stat("sticky/m2");
}

static void clean(const char *dir)
{
	const char *files[] = { "b", "c", "sl", "sl_hard", "loop1", "loop2", "m", "t",
				"rootfile", "sticky/roots", "sticky/m2", "full/x", "d1", NULL };
	char path[128];
	int k;

	for (k = 0; files[k]; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[k]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/full/d2", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/full", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/sticky", dir);
	rmdir(path);
	show("remove work dir", rmdir(dir));
}

int main(void)
{
	char dir[64];
	pid_t pid;
	int status;

	if (geteuid() != 0) {
		puts("not root: nothing to show");
		return 77;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	umask(022);
	snprintf(dir, sizeof(dir), "/tmp/fs_meta.%d", (int)getpid());
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
		printf("work dir: %s\n", ename(errno));
		return 1;
	}
	do_rename();
	do_links();
	do_attrs();
	do_sizes();
	pid = fork();
	if (pid == 0) {
		do_user();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	chdir("/");
	clean(dir);
	return 0;
}
