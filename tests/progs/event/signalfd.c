/* signalfd: SIGUSR1 blocked and raised is read from a signalfd as a 128-byte record
 * (signo, code, pid) instead of being delivered; poll and epoll see it pending; a
 * non-blocking read of nothing is EAGAIN; the mask of an existing signalfd can change;
 * a blocked read is woken by a signal from a child; bad arguments are EINVAL/EBADF. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../errname.h"

static int failures;
static volatile sig_atomic_t handled;

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

static void show_err(const char *what, long r, int want_errno)
{
	printf("%s: %s\n", what, ERRSTR(r));
	failures += !(r < 0 && errno == want_errno);
}

static void on_signal(int sig)
{
	handled++;
}

static const char *code_name(int code)
{
	switch (code) {
	case SI_USER: return "SI_USER";
	case SI_TKILL: return "SI_TKILL";
	case SI_QUEUE: return "SI_QUEUE";
	default: return "other";
	}
}

/* Reads one record (or fails) and prints what it holds. */
static void take(const char *what, int fd, int want_sig)
{
	struct signalfd_siginfo si;
	ssize_t r = read(fd, &si, sizeof(si));

	if (r < 0) {
		printf("%s: %s\n", what, errname(errno));
		failures++;
		return;
	}
	printf("%s: %zd bytes signo_ok=%s code=%s pid_ok=%s\n", what, r,
	       yes((int)si.ssi_signo == want_sig), code_name(si.ssi_code),
	       yes(si.ssi_pid == (unsigned int)getpid() || si.ssi_code == SI_USER));
	failures += (int)si.ssi_signo != want_sig;
}

static int poll_in(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

int main(void)
{
	struct epoll_event ev = { EPOLLIN, { .u64 = 3 } };
	sigset_t mask;
	int fd, ep, status;
	union sigval val;
	char buf[128];
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGUSR1, on_signal);
	signal(SIGUSR2, on_signal);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	printf("create: %s cloexec: %d\n", fd >= 0 ? "ok" : errname(errno),
	       !!(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	show_err("read nothing", read(fd, buf, sizeof(buf)), EAGAIN);
	printf("readable before: %s\n", yes(poll_in(fd)));
	raise(SIGUSR1);
	printf("readable after raise: %s handled: %d\n", yes(poll_in(fd)), handled);
	ep = epoll_create1(0);
	epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	printf("epoll: %d\n", epoll_wait(ep, &ev, 1, 0));
	take("read raise", fd, SIGUSR1);
	printf("readable after read: %s\n", yes(poll_in(fd)));
	val.sival_int = 77;
	sigqueue(getpid(), SIGUSR1, val);
	{
		struct signalfd_siginfo si;

		read(fd, &si, sizeof(si));
		printf("sigqueue: code=%s int=%d\n", code_name(si.ssi_code), si.ssi_int);
	}

	/* A new mask on the same descriptor: SIGUSR2 too. */
	sigaddset(&mask, SIGUSR2);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	printf("update: %s\n", signalfd(fd, &mask, 0) == fd ? "same fd" : errname(errno));
	kill(getpid(), SIGUSR2);
	take("read kill", fd, SIGUSR2);

	/* Blocking read, woken by the child's kill. */
	close(fd);
	fd = signalfd(-1, &mask, 0);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	take("blocking read", fd, SIGUSR2);
	waitpid(pid, &status, 0);
	printf("handled: %d\n", handled);

	show_err("bad size", syscall(SYS_signalfd4, -1, &mask, 4, 0), EINVAL);
	show_err("bad flags", syscall(SYS_signalfd4, -1, &mask, 8, 1), EINVAL);
	show_err("bad fd", syscall(SYS_signalfd4, 999, &mask, 8, 0), EBADF);
	show_err("not a signalfd", syscall(SYS_signalfd4, ep, &mask, 8, 0), EINVAL);
	show_err("bad pointer", syscall(SYS_signalfd4, -1, (void *)8, 8, 0), EFAULT);
	show_err("short read", read(fd, &ev, 12), EINVAL);
	printf("failures: %d\n", failures);
	return failures != 0;
}
