/* rw_at: positional and vectored I/O (pread64, pwrite64, preadv, pwritev, preadv2,
 * pwritev2) and in-kernel copies (sendfile, copy_file_range), with their error paths.
 * Works in its own file under /tmp and removes it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "errname.h"

static const char *ename(int e)
{
	switch (e) {
	case ESPIPE: return "ESPIPE";
	case EISDIR: return "EISDIR";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EXDEV: return "EXDEV";
	default: return errname(e);
	}
}

static void show(const char *what, long r)
{
	if (r < 0)
		printf("%s: %s\n", what, ename(errno));
	else
		printf("%s: %ld\n", what, r);
}

/* The file's bytes, a hole's zeros shown as '.'. */
static void show_file(const char *label, const char *path)
{
	char buf[128] = { 0 };
	int fd = open(path, O_RDONLY);
	ssize_t n = read(fd, buf, sizeof(buf) - 1), k;

	for (k = 0; k < n; k++)
		if (buf[k] == '\0')
			buf[k] = '.';
	printf("  %s holds %zd: \"%s\"\n", label, n, buf);
	close(fd);
}

static long cfr(int in, loff_t *oin, int out, loff_t *oout, size_t len, unsigned flags)
{
	return syscall(SYS_copy_file_range, in, oin, out, oout, len, flags);
}

int main(void)
{
	char a[64], b[64], buf[32] = { 0 }, x[8] = { 0 }, y[8] = { 0 };
	struct iovec iov[2];
	int fd, fd2, pfd[2];
	off_t off;
	loff_t oi, oo;

	snprintf(a, sizeof(a), "/tmp/rw_at-%d-a", getpid());
	snprintf(b, sizeof(b), "/tmp/rw_at-%d-b", getpid());
	fd = open(a, O_RDWR | O_CREAT | O_TRUNC, 0644);
	show("write", write(fd, "0123456789", 10));
	show("pwrite at 2", pwrite(fd, "ab", 2, 2));
	show("pread at 1", pread(fd, buf, 4, 1));
	printf("  got \"%s\", position still %ld\n", buf, (long)lseek(fd, 0, SEEK_CUR));
	show("pwrite past the end", pwrite(fd, "Z", 1, 12));
	show("pread at the end", pread(fd, buf, 4, 13));
	show("pread negative", pread(fd, buf, 4, -1));
	show_file("a", a);
	iov[0].iov_base = x;
	iov[0].iov_len = 3;
	iov[1].iov_base = y;
	iov[1].iov_len = 3;
	show("preadv at 4", preadv(fd, iov, 2, 4));
	printf("  \"%s\" \"%s\"\n", x, y);
	show("pwritev at 0", pwritev(fd, iov, 2, 0));
	/* Raw syscalls: musl has no preadv2 wrappers. */
	show("preadv2 at -1 (position)", syscall(SYS_preadv2, fd, iov, 2, -1L, 0L, 0));
	show("pwritev2 at 7", syscall(SYS_pwritev2, fd, iov, 2, 7L, 0L, 0));
	show_file("a", a);

	if (pipe(pfd) < 0)
		return 1;
	show("pread on a pipe", pread(pfd[0], buf, 1, 0));
	show("pwrite on a pipe", pwrite(pfd[1], buf, 1, 0));

	off = 3;
	show("sendfile 5 from offset 3 to a pipe", sendfile(pfd[1], fd, &off, 5));
	memset(buf, 0, sizeof(buf));
	show("  pipe gives", read(pfd[0], buf, sizeof(buf) - 1));
	printf("  \"%s\", offset now %ld\n", buf, (long)off);
	fd2 = open(b, O_RDWR | O_CREAT | O_TRUNC, 0644);
	lseek(fd, 0, SEEK_SET);
	show("sendfile whole file (position)", sendfile(fd2, fd, NULL, 100));
	printf("  positions %ld %ld\n", (long)lseek(fd, 0, SEEK_CUR), (long)lseek(fd2, 0, SEEK_CUR));
	show_file("b", b);
	show("sendfile from a pipe", sendfile(fd2, pfd[0], NULL, 1));
	show("sendfile from a write-only fd", sendfile(fd2, pfd[1], NULL, 1));
	show("sendfile bad offset", sendfile(fd2, fd, &(off_t){ -1 }, 1));

	oi = 0;
	oo = 20;
	show("copy_file_range 4 to offset 20", cfr(fd, &oi, fd2, &oo, 4, 0));
	printf("  offsets %lld %lld\n", (long long)oi, (long long)oo);
	show_file("b", b);
	show("copy_file_range flags", cfr(fd, NULL, fd2, NULL, 1, 1));
	oi = 0;
	oo = 2;
	show("copy_file_range overlapping in one file", cfr(fd, &oi, fd, &oo, 4, 0));
	oo = 8;
	show("copy_file_range within one file", cfr(fd, &oi, fd, &oo, 4, 0));
	show_file("a", a);
	show("copy_file_range from a pipe", cfr(pfd[0], NULL, fd2, NULL, 1, 0));
	close(fd2);
	fd2 = open(b, O_WRONLY | O_APPEND);
	show("copy_file_range to O_APPEND", cfr(fd, &(loff_t){ 0 }, fd2, NULL, 1, 0));
	show("sendfile to O_APPEND", sendfile(fd2, fd, &(off_t){ 0 }, 1));
	close(fd2);
	close(fd);
	unlink(a);
	unlink(b);
	return 0;
}
