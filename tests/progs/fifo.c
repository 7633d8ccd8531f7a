/* fifo: named pipes made by mkfifo and mknod: which opens wait, which fail (ENXIO), data
 * through them between processes, their stat type, and mknod's errors. Works in its own
 * directory under /tmp and removes it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

static const char *ename(int e)
{
	switch (e) {
	case EEXIST: return "EEXIST";
	case ENXIO: return "ENXIO";
	case ENOTDIR: return "ENOTDIR";
	case EPIPE: return "EPIPE";
	default: return errname(e);
	}
}

static void show(const char *what, long r)
{
	printf("%s: %s\n", what, r < 0 ? ename(errno) : "ok");
}

static void show_type(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		printf("stat %s: %s\n", path, ename(errno));
		return;
	}
	printf("stat %s: fifo %d reg %d mode %o size %lld\n", path, S_ISFIFO(st.st_mode),
	       S_ISREG(st.st_mode), (unsigned)(st.st_mode & 07777), (long long)st.st_size);
}

/* A child opens the FIFO for writing (blocking until we read-open it) and writes. */
static pid_t spawn_writer(const char *path, const char *msg)
{
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open(path, O_WRONLY);

		if (fd < 0)
			_exit(10);
		if (write(fd, msg, strlen(msg)) != (ssize_t)strlen(msg))
			_exit(11);
		close(fd);
		_exit(0);
	}
	return pid;
}

static void blocking_pair(const char *path)
{
	char buf[64] = { 0 };
	pid_t pid = spawn_writer(path, "through the fifo");
	int fd = open(path, O_RDONLY), status, n, total = 0;

	show("open reader (waits for the writer)", fd);
	while ((n = (int)read(fd, buf + total, sizeof(buf) - 1 - (size_t)total)) > 0)
		total += n;
	printf("read: \"%s\" then %d\n", buf, n);
	close(fd);
	waitpid(pid, &status, 0);
	printf("writer exit %d\n", WEXITSTATUS(status));
}

static void nonblocking_opens(const char *path)
{
	struct pollfd pfd;
	int r, w, r2;
	char c;

	w = open(path, O_WRONLY | O_NONBLOCK);
	show("open writer nonblock, no reader", w);
	r = open(path, O_RDONLY | O_NONBLOCK);
	show("open reader nonblock, no writer", r);
	printf("read with no writer: %zd\n", read(r, &c, 1));
	pfd.fd = r;
	pfd.events = POLLIN;
	printf("poll never-written reader: %d\n", poll(&pfd, 1, 0));
	w = open(path, O_WRONLY | O_NONBLOCK);
	show("open writer nonblock, reader there", w);
	show("write", write(w, "x", 1));
	printf("read: %zd\n", read(r, &c, 1));
	show("read empty with writer", read(r, &c, 1));
	close(w);
	pfd.revents = 0;
	r2 = poll(&pfd, 1, 0);
	printf("poll after writer left: %d revents POLLHUP %d\n", r2, !!(pfd.revents & POLLHUP));
	close(r);
	r = open(path, O_RDWR);
	show("open O_RDWR (never waits)", r);
	show("write to own O_RDWR", write(r, "yz", 2));
	printf("read back: %zd\n", read(r, &c, 1));
	close(r);
}

int main(void)
{
	char dir[64];

	signal(SIGPIPE, SIG_IGN);
	snprintf(dir, sizeof(dir), "/tmp/fifo-%d", getpid());
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
		perror(dir);
		return 1;
	}
	umask(022);
	show("mkfifo", mkfifo("f", 0666));
	show("mkfifo again", mkfifo("f", 0666));
	show_type("f");
	blocking_pair("f");
	nonblocking_opens("f");
	show("mknod S_IFIFO", mknod("g", S_IFIFO | 0600, 0));
	show_type("g");
	show("mknod regular (type 0)", mknod("r", 0644, 0));
	show_type("r");
	show("mknod S_IFDIR", mknod("d", S_IFDIR | 0755, 0));
	show("mknod bad type", mknod("b", 0170000 | 0644, 0));
	show("mknod under a file", mknod("r/x", S_IFIFO | 0644, 0));
	show("mkfifo missing dir", mkfifo("nodir/x", 0644));
	show("unlink fifo", unlink("f"));
	show("unlink g", unlink("g"));
	show("unlink r", unlink("r"));
	if (chdir("/") < 0 || rmdir(dir) < 0)
		perror("cleanup");
	return 0;
}
