/* epoll_pipe: epoll over pipes: level-triggered reports until drained, edge-triggered
 * reports once per write, EPOLLONESHOT until re-armed, DEL, EPOLLHUP/EPOLLERR, a closed
 * file's registration going away, a nested instance, a wait woken by a child's write,
 * a timeout, and the errors Linux gives for bad arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../errname.h"

static int failures;

/* errname, with the two epoll adds the shared list lacks. */
static const char *ename(int e)
{
	if (e == EEXIST)
		return "EEXIST";
	if (e == ELOOP)
		return "ELOOP";
	return errname(e);
}

static void check(const char *what, int got, int want)
{
	printf("%s: %d%s%s\n", what, got, got < 0 ? " " : "", got < 0 ? ename(errno) : "");
	failures += got != want;
}

static void check_err(const char *what, int got, int want_errno)
{
	printf("%s: %s\n", what, got < 0 ? ename(errno) : "ok");
	failures += !(got < 0 && errno == want_errno);
}

static int ctl(int ep, int op, int fd, unsigned int events, unsigned long data)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u64 = data;
	return epoll_ctl(ep, op, fd, &ev);
}

/* epoll_wait with a zero timeout; prints the events it got. */
static int wait_now(const char *what, int ep, int timeout)
{
	struct epoll_event ev[4];
	int n = epoll_wait(ep, ev, 4, timeout), i;

	printf("%s: %d", what, n);
	for (i = 0; i < n; i++)
		printf(" [data=%llu events=0x%x]", (unsigned long long)ev[i].data.u64,
		       ev[i].events);
	printf("\n");
	return n;
}

static void level_and_edge(void)
{
	int p[2], ep = epoll_create1(EPOLL_CLOEXEC), lt, et;
	char buf[8];

	pipe(p);
	lt = epoll_create1(0);
	et = epoll_create1(0);
	check("cloexec flag", fcntl(ep, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	ctl(lt, EPOLL_CTL_ADD, p[0], EPOLLIN, 1);
	ctl(et, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLET, 2);
	failures += wait_now("lt empty", lt, 0) != 0;
	write(p[1], "ab", 2);
	failures += wait_now("lt data", lt, 0) != 1;
	failures += wait_now("lt again", lt, 0) != 1;
	failures += wait_now("et data", et, 0) != 1;
	failures += wait_now("et again", et, 0) != 0;
	write(p[1], "c", 1);
	failures += wait_now("et new write", et, 0) != 1;
	read(p[0], buf, sizeof(buf));
	failures += wait_now("lt drained", lt, 0) != 0;
	failures += wait_now("et drained", et, 0) != 0;
	close(lt);
	close(et);
	close(ep);
	close(p[0]);
	close(p[1]);
}

static void oneshot_and_del(void)
{
	int p[2], ep = epoll_create(1);

	pipe(p);
	ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLONESHOT, 3);
	write(p[1], "x", 1);
	failures += wait_now("oneshot first", ep, 0) != 1;
	failures += wait_now("oneshot disarmed", ep, 0) != 0;
	check_err("oneshot add again", ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 3), EEXIST);
	check("oneshot rearm", ctl(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 4), 0);
	failures += wait_now("oneshot rearmed", ep, 0) != 1;
	check("del", ctl(ep, EPOLL_CTL_DEL, p[0], 0, 0), 0);
	failures += wait_now("after del", ep, 0) != 0;
	check_err("del again", ctl(ep, EPOLL_CTL_DEL, p[0], 0, 0), ENOENT);
	check_err("mod unknown", ctl(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 0), ENOENT);
	close(ep);
	close(p[0]);
	close(p[1]);
}

static void hangups_and_close(void)
{
	int p[2], ep = epoll_create1(0), d;

	pipe(p);
	ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 5);
	ctl(ep, EPOLL_CTL_ADD, p[1], 0, 6);
	failures += wait_now("nothing yet", ep, 0) != 0;
	/* A duplicate keeps the write end open; closing the last one drops its item and
	 * hangs up the read end. */
	d = dup(p[1]);
	close(p[1]);
	failures += wait_now("dup keeps it", ep, 0) != 0;
	close(d);
	failures += wait_now("writer gone", ep, 0) != 1;
	close(p[0]);
	failures += wait_now("reader gone", ep, 0) != 0;
	pipe(p);
	ctl(ep, EPOLL_CTL_ADD, p[1], EPOLLOUT, 7);
	close(p[0]);
	failures += wait_now("reader of writer gone", ep, 0) != 1;
	close(p[1]);
	close(ep);
}

static void nested(void)
{
	int p[2], outer = epoll_create1(0), inner = epoll_create1(0);
	char c;

	pipe(p);
	ctl(inner, EPOLL_CTL_ADD, p[0], EPOLLIN, 8);
	check("nest add", ctl(outer, EPOLL_CTL_ADD, inner, EPOLLIN, 9), 0);
	check_err("nest loop", ctl(inner, EPOLL_CTL_ADD, outer, EPOLLIN, 0), ELOOP);
	failures += wait_now("nested empty", outer, 0) != 0;
	write(p[1], "n", 1);
	failures += wait_now("nested ready", outer, 0) != 1;
	read(p[0], &c, 1);
	failures += wait_now("nested drained", outer, 0) != 0;
	close(inner);
	close(outer);
	close(p[0]);
	close(p[1]);
}

static void wait_for_child(void)
{
	int p[2], ep = epoll_create1(0), status;
	pid_t pid;

	pipe(p);
	ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 10);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		write(p[1], "k", 1);
		_exit(0);
	}
	failures += wait_now("woken by child", ep, -1) != 1;
	waitpid(pid, &status, 0);
	failures += wait_now("timeout", ep, 0) != 1;
	{
		char c;

		read(p[0], &c, 1);
	}
	failures += wait_now("timeout 30ms", ep, 30) != 0;
	close(ep);
	close(p[0]);
	close(p[1]);
}

static void errors(void)
{
	int p[2], ep = epoll_create1(0), f = open("/", O_RDONLY | O_DIRECTORY);
	struct epoll_event ev[1];

	pipe(p);
	check_err("create size 0", epoll_create(0), EINVAL);
	check_err("create1 bad flag", epoll_create1(1), EINVAL);
	check_err("ctl bad fd", ctl(ep, EPOLL_CTL_ADD, 999, EPOLLIN, 0), EBADF);
	check_err("ctl bad epfd", ctl(999, EPOLL_CTL_ADD, p[0], EPOLLIN, 0), EBADF);
	check_err("ctl not epoll", ctl(p[1], EPOLL_CTL_ADD, p[0], EPOLLIN, 0), EINVAL);
	check_err("ctl self", ctl(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0), EINVAL);
	check_err("ctl bad op", ctl(ep, 42, p[0], EPOLLIN, 0), EINVAL);
	if (f >= 0)
		check_err("ctl directory", ctl(ep, EPOLL_CTL_ADD, f, EPOLLIN, 0), EPERM);
	check_err("ctl bad pointer", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], (void *)8), EFAULT);
	check_err("wait zero max", epoll_wait(ep, ev, 0, 0), EINVAL);
	check_err("wait bad epfd", epoll_wait(999, ev, 1, 0), EBADF);
	check_err("wait not epoll", epoll_wait(p[0], ev, 1, 0), EINVAL);
	close(f);
	close(ep);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	level_and_edge();
	oneshot_and_del();
	hangups_and_close();
	nested();
	wait_for_child();
	errors();
	printf("failures: %d\n", failures);
	return failures != 0;
}
