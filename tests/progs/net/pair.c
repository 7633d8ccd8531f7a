/* pair: socketpair of each type: echo both ways, readv/writev, datagram boundaries and
 * MSG_TRUNC/EMSGSIZE, MSG_PEEK, MSG_WAITALL, shutdown and peer-close semantics (EOF,
 * EPIPE with SIGPIPE ignored, SIGPIPE's delivery, ECONNRESET), poll bits, fstat, errors
 * of socket() and of calls on sockets that are not connected. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "neterr.h"

static unsigned int pollbits(int fd)
{
	struct pollfd p = { fd, POLLIN | POLLOUT | POLLRDHUP, 0 };

	poll(&p, 1, 0);
	return (unsigned int)p.revents;
}

static void echo(int type, const char *name)
{
	int sv[2];
	char buf[64];
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };

	printf("== %s\n", name);
	SHOW("socketpair", socketpair(AF_UNIX, type, 0, sv));
	SHOW("write", write(sv[0], "hello", 5));
	memset(buf, 0, sizeof(buf));
	SHOW("read", read(sv[1], buf, sizeof(buf)));
	printf("got %s\n", buf);
	SHOW("send back", send(sv[1], "world", 5, 0));
	memset(buf, 0, sizeof(buf));
	SHOW("recv", recv(sv[0], buf, sizeof(buf), 0));
	printf("got %s\n", buf);
	SHOW("writev", writev(sv[0], iov, 2));
	SHOW("peek", recv(sv[1], buf, 2, MSG_PEEK));
	memset(buf, 0, sizeof(buf));
	SHOW("read all", read(sv[1], buf, sizeof(buf)));
	printf("got %s\n", buf);
	SHOW("recv nothing", recv(sv[1], buf, 1, MSG_DONTWAIT));
	printf("poll idle %x\n", pollbits(sv[0]));
	SHOW("send", send(sv[0], "x", 1, 0));
	printf("poll ready %x\n", pollbits(sv[1]));
	SHOW("shutdown wr", shutdown(sv[0], SHUT_WR));
	printf("poll after shut %x %x\n", pollbits(sv[0]), pollbits(sv[1]));
	SHOW("read data", read(sv[1], buf, sizeof(buf)));
	SHOW("read eof", read(sv[1], buf, sizeof(buf)));
	SHOW("write after shut", write(sv[0], "y", 1));
	SHOW("shutdown bad", shutdown(sv[0], 3));
	SHOW("lseek", lseek(sv[0], 0, SEEK_SET));
	close(sv[0]);
	close(sv[1]);
}

static void dgram_bounds(void)
{
	static char big[300000];
	int sv[2];
	char buf[16];
	struct msghdr mh;
	struct iovec iov = { buf, 4 };

	printf("== dgram bounds\n");
	SHOW("socketpair", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	SHOW("send 10", send(sv[0], "0123456789", 10, 0));
	SHOW("send 3", send(sv[0], "abc", 3, 0));
	SHOW("recv 4 of 10", recv(sv[1], buf, 4, 0));
	SHOW("recv next", recv(sv[1], buf, sizeof(buf), 0));
	SHOW("send 8", send(sv[0], "01234567", 8, 0));
	SHOW("recv MSG_TRUNC", recv(sv[1], buf, 2, MSG_TRUNC));
	SHOW("send 6", send(sv[0], "012345", 6, 0));
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	SHOW("recvmsg 4 of 6", recvmsg(sv[1], &mh, 0));
	printf("flags trunc %d\n", !!(mh.msg_flags & MSG_TRUNC));
	SHOW("send empty", send(sv[0], "", 0, 0));
	SHOW("recv empty", recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT));
	SHOW("send too big", send(sv[0], big, sizeof(big), 0));
	SHOW("send 200000", send(sv[0], big, 200000, 0));
	SHOW("recv it", recv(sv[1], big, sizeof(big), 0));
	close(sv[1]);
	SHOW("send to closed", send(sv[0], "x", 1, 0));
	SHOW("send again", send(sv[0], "x", 1, 0));
	close(sv[0]);
}

static void seqpacket(void)
{
	int sv[2];
	char buf[16];

	printf("== seqpacket\n");
	SHOW("socketpair", socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	SHOW("send", send(sv[0], "record", 6, 0));
	SHOW("send", send(sv[0], "two", 3, 0));
	SHOW("recv 3 of 6", recv(sv[1], buf, 3, 0));
	SHOW("recv next", recv(sv[1], buf, sizeof(buf), 0));
	close(sv[1]);
	SHOW("send closed", send(sv[0], "x", 1, MSG_NOSIGNAL));
	SHOW("recv closed", recv(sv[0], buf, 1, 0));
	close(sv[0]);
}

static void peer_close(void)
{
	int sv[2], status;
	char buf[16];
	pid_t pid;

	printf("== peer close\n");
	SHOW("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	SHOW("send", send(sv[1], "z", 1, 0));
	close(sv[1]);
	SHOW("read data", read(sv[0], buf, sizeof(buf)));
	SHOW("read eof", read(sv[0], buf, sizeof(buf)));
	SHOW("write EPIPE", write(sv[0], "x", 1));
	SHOW("send NOSIGNAL", send(sv[0], "x", 1, MSG_NOSIGNAL));
	close(sv[0]);

	SHOW("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	SHOW("send unread", send(sv[0], "q", 1, 0));
	close(sv[1]);
	printf("poll reset %x\n", pollbits(sv[0]));
	SHOW("read reset", read(sv[0], buf, sizeof(buf)));
	SHOW("read eof", read(sv[0], buf, sizeof(buf)));
	close(sv[0]);

	/* SIGPIPE's default kills the writer. */
	SHOW("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	close(sv[1]);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(sv[0], "x", 1);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("child killed by %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	close(sv[0]);
}

static void waitall(void)
{
	int sv[2];
	char buf[16];
	pid_t pid;

	printf("== waitall\n");
	SHOW("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	pid = fork();
	if (pid == 0) {
		for (int k = 0; k < 4; k++) {
			write(sv[1], "ab", 2);
			usleep(1000);
		}
		_exit(0);
	}
	SHOW("recv waitall", recv(sv[0], buf, 8, MSG_WAITALL));
	waitpid(pid, NULL, 0);
	close(sv[0]);
	close(sv[1]);
}

static void unconnected(void)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0), d = socket(AF_UNIX, SOCK_DGRAM, 0);
	int q = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	char buf[4];
	struct stat st;

	printf("== unconnected\n");
	SHOW("stream recv", recv(s, buf, 1, MSG_DONTWAIT));
	SHOW("stream send", send(s, "x", 1, 0));
	SHOW("stream listen unbound", listen(s, 1));
	SHOW("stream accept", accept(s, NULL, NULL));
	SHOW("dgram send", send(d, "x", 1, 0));
	SHOW("dgram recv", recv(d, buf, 1, MSG_DONTWAIT));
	SHOW("dgram listen", listen(d, 1));
	SHOW("seqpacket send", send(q, "x", 1, 0));
	SHOW("seqpacket recv", recv(q, buf, 1, 0));
	printf("nonblock %d cloexec %d\n", !!(fcntl(q, F_GETFL) & O_NONBLOCK),
	       !!(fcntl(q, F_GETFD) & FD_CLOEXEC));
	printf("poll fresh stream %x\n", pollbits(s));
	SHOW("fstat", fstat(s, &st));
	printf("sock %d\n", S_ISSOCK(st.st_mode));
	SHOW("recv on file", recv(0, buf, 1, MSG_DONTWAIT));
	SHOW("bad fd", send(99, "x", 1, 0));
	SHOW("proto 1", socket(AF_UNIX, SOCK_STREAM, 1) >= 0);
	SHOW("proto 9", socket(AF_UNIX, SOCK_STREAM, 9));
	SHOW("type 7", socket(AF_UNIX, 7, 0));
	SHOW("type 12", socket(AF_UNIX, 12, 0));
	SHOW("bad flag", socket(AF_UNIX, SOCK_STREAM | 0x100, 0));
	SHOW("family 99", socket(99, SOCK_STREAM, 0));
	SHOW("family -1", socket(-1, SOCK_STREAM, 0));
	close(s);
	close(d);
	close(q);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGPIPE, SIG_IGN);
	echo(SOCK_STREAM, "stream");
	echo(SOCK_SEQPACKET, "seqpacket");
	dgram_bounds();
	seqpacket();
	peer_close();
	waitall();
	unconnected();
	return 0;
}
