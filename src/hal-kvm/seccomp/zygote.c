/* zygote.c: the stub-starting helper process and the VMM's side of its socket. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "seccomp/zygote.h"
#include "stub/stub_abi.h"

struct zygote_request {
	uint64_t ctl_off;
	uint64_t ram_bytes;
};

struct zygote_reply {
	int32_t err;
	int32_t pid;
};

/* Closes every descriptor but the three the zygote needs. */
static void zygote_close_others(int a, int b, int c)
{
	int keep[3] = { a, b, c }, i, j, lo = 0;

	for (i = 0; i < 3; i++)         /* sort the three */
		for (j = i + 1; j < 3; j++)
			if (keep[j] < keep[i]) {
				int t = keep[i];
				keep[i] = keep[j];
				keep[j] = t;
			}
	for (i = 0; i < 3; i++) {
		if (keep[i] > lo)
			syscall(SYS_close_range, lo, keep[i] - 1, 0);
		lo = keep[i] + 1;
	}
	syscall(SYS_close_range, lo, ~0u, 0);
}

/* What a new child needs to exec its stub (on the zygote's stack: the child shares it). */
struct zygote_child {
	pid_t zygote;
	int memfd, stub_fd;
	const struct zygote_request *req;
};

/* The child's stack until its exec; CLONE_VFORK keeps it to one child at a time. */
static uint8_t zygote_child_stack[64 << 10] __attribute__((aligned(64)));

/* In the new child (sharing the zygote's memory until exec, so it only writes its own
 * stack): die with the zygote, keep only the memfd (at STUB_FD_MEMFD), exec. Not
 * instrumented: in an ASan build the child would poison shadow memory it shares with the
 * zygote and never unpoison it (it never returns). */
static __attribute__((noreturn, no_sanitize_address))
void zygote_exec_stub(pid_t zygote, int memfd, int stub_fd, const struct zygote_request *req)
{
	char off[24], ram[24];
	char *argv[] = { "keel-stub", off, ram, NULL };
	char *envp[] = { NULL };
	sigset_t none;
	int m, x;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != zygote)
		_exit(126);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	snprintf(off, sizeof(off), "%" PRIx64, req->ctl_off);
	snprintf(ram, sizeof(ram), "%" PRIx64, req->ram_bytes);
	m = fcntl(memfd, F_DUPFD_CLOEXEC, 16);
	x = fcntl(stub_fd, F_DUPFD_CLOEXEC, 16);
	if (m < 0 || x < 0 || dup2(m, STUB_FD_MEMFD) < 0 ||
	    dup3(x, STUB_FD_MEMFD + 1, O_CLOEXEC) < 0)
		_exit(126);
	syscall(SYS_close_range, 0, STUB_FD_MEMFD - 1, 0);
	syscall(SYS_close_range, STUB_FD_MEMFD + 2, ~0u, 0);
	syscall(SYS_execveat, STUB_FD_MEMFD + 1, "", argv, envp, AT_EMPTY_PATH);
	_exit(127);
}

/* Sends err and pid, with fds[0..nfds) (the pidfd and, when it opened, the stat file). */
static void zygote_send_reply(int sock, int err, pid_t pid, const int *fds, unsigned int nfds)
{
	struct zygote_reply rep = { .err = err, .pid = pid };
	struct iovec iov = { &rep, sizeof(rep) };
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (nfds) {
		struct cmsghdr *c;

		msg.msg_control = u.buf;
		msg.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
		c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(nfds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, nfds * sizeof(int));
	}
	sendmsg(sock, &msg, MSG_NOSIGNAL);
}

/* The stub's /proc stat file, which the VMM (which cannot open files) reads to count the
 * stub's threads before reusing it (recycle.h); -1 when it cannot be opened. */
static int zygote_open_stat(pid_t pid)
{
	char path[40];

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	return open(path, O_RDONLY | O_CLOEXEC);
}

static __attribute__((no_sanitize_address)) int zygote_child_main(void *arg)
{
	const struct zygote_child *c = arg;

	zygote_exec_stub(c->zygote, c->memfd, c->stub_fd, c->req);
}

static void zygote_serve(int sock, int memfd, int stub_fd)
{
	struct zygote_request req;
	struct zygote_child child = { getpid(), memfd, stub_fd, &req };

	for (;;) {
		int fds[2] = { -1, -1 };
		long pid;

		if (recv(sock, &req, sizeof(req), 0) != (ssize_t)sizeof(req))
			return;
		/* CLONE_VM|CLONE_VFORK: no copy of the zygote's page tables (a copy of the VMM's,
		 * which can be large), and no teardown of them at exec; the zygote resumes once
		 * the child has exec'd. CLONE_PIDFD: a pidfd without a window for pid reuse. */
		pid = clone(zygote_child_main, zygote_child_stack + sizeof(zygote_child_stack),
			    CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &child, &fds[0]);
		if (pid < 0) {
			zygote_send_reply(sock, -errno, 0, NULL, 0);
			continue;
		}
		fds[1] = zygote_open_stat((pid_t)pid);
		zygote_send_reply(sock, 0, (pid_t)pid, fds, fds[1] >= 0 ? 2 : 1);
		close(fds[0]);
		if (fds[1] >= 0)
			close(fds[1]);
	}
}

int zygote_start(struct zygote *z, int memfd, int stub_fd)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	pid_t vmm = getpid();
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int err = -errno;

		close(sv[0]);
		close(sv[1]);
		return err;
	}
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != vmm)
			_exit(0);
		/* Stubs are reaped as they die; the VMM watches them through pidfds. */
		sigaction(SIGCHLD, &sa, NULL);
		zygote_close_others(sv[1], memfd, stub_fd);
		zygote_serve(sv[1], memfd, stub_fd);
		_exit(0);
	}
	close(sv[1]);
	z->pid = pid;
	z->sock = sv[0];
	return 0;
}

int zygote_request(struct zygote *z, uint64_t ctl_off, uint64_t ram_bytes)
{
	struct zygote_request req = { ctl_off, ram_bytes };

	if (z->sock < 0)
		return -ESRCH;
	if (send(z->sock, &req, sizeof(req), MSG_NOSIGNAL) != (ssize_t)sizeof(req))
		return -ESRCH;
	return 0;
}

int zygote_collect(struct zygote *z, pid_t *pid, int *pidfd, int *statfd)
{
	struct zygote_reply rep;
	struct iovec iov = { &rep, sizeof(rep) };
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c;
	int fds[2] = { -1, -1 };
	ssize_t n;

	if (z->sock < 0)
		return -ESRCH;
	do
		n = recvmsg(z->sock, &msg, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(rep))
		return -ESRCH;
	c = CMSG_FIRSTHDR(&msg);
	if (rep.err < 0) {
		if (c)
			return -EPROTO;
		return rep.err;
	}
	if (!c || c->cmsg_type != SCM_RIGHTS || (c->cmsg_len != CMSG_LEN(sizeof(int)) &&
						 c->cmsg_len != CMSG_LEN(2 * sizeof(int))))
		return -EPROTO;
	memcpy(fds, CMSG_DATA(c), c->cmsg_len - CMSG_LEN(0));
	*pidfd = fds[0];
	*statfd = fds[1];
	*pid = rep.pid;
	return 0;
}

void zygote_stop(struct zygote *z)
{
	if (z->sock >= 0)
		close(z->sock);
	if (z->pid > 0) {
		kill(z->pid, SIGKILL);
		while (waitpid(z->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	z->sock = -1;
	z->pid = 0;
}
