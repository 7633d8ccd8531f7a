/* server: a stream server on a filesystem path and on an abstract name, with a forked
 * client: listen/accept (blocking and EAGAIN), accept4 flags, getsockname/getpeername
 * lengths, SO_PEERCRED, the socket node left after close, ECONNREFUSED, EADDRINUSE,
 * ENOENT, EPROTOTYPE, autobind, a datagram server with recvfrom's address, epoll on a
 * listening socket, SCM_RIGHTS passing a pipe to a child, and socket options. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "neterr.h"

static socklen_t mkaddr(struct sockaddr_un *a, const char *path, int abstract)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path + abstract, path);
	return offsetof(struct sockaddr_un, sun_path) + abstract + strlen(path) +
	       (abstract ? 0 : 1);
}

static void client(const struct sockaddr_un *a, socklen_t len)
{
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	char buf[16];

	if (connect(c, (const void *)a, len) < 0)
		_exit(2);
	write(c, "ping", 4);
	if (read(c, buf, sizeof(buf)) != 4)
		_exit(3);
	_exit(memcmp(buf, "pong", 4) ? 4 : 0);
}

static void serve(const char *label, const char *name, int abstract)
{
	struct sockaddr_un a, got;
	socklen_t len = mkaddr(&a, name, abstract), glen;
	int l = socket(AF_UNIX, SOCK_STREAM, 0), s, status;
	struct ucred uc;
	socklen_t uclen = sizeof(uc);
	char buf[16];
	pid_t pid;

	printf("== %s\n", label);
	SHOW("bind", bind(l, (void *)&a, len));
	SHOW("bind again", bind(l, (void *)&a, len));
	SHOW("listen", listen(l, 5));
	glen = sizeof(got);
	SHOW("getsockname", getsockname(l, (void *)&got, &glen));
	printf("len %d same %d\n", (int)glen, glen == len && !memcmp(&got, &a, len));
	fcntl(l, F_SETFL, O_NONBLOCK);
	SHOW("accept nonblock", accept(l, NULL, NULL));
	fcntl(l, F_SETFL, 0);
	pid = fork();
	if (pid == 0)
		client(&a, len);
	glen = sizeof(got);
	s = accept4(l, (void *)&got, &glen, SOCK_CLOEXEC);
	SHOW("accept4", s >= 0);
	printf("peer len %d cloexec %d\n", (int)glen, !!(fcntl(s, F_GETFD) & FD_CLOEXEC));
	SHOW("peercred", getsockopt(s, SOL_SOCKET, SO_PEERCRED, &uc, &uclen));
	printf("pid is child %d uid %u gid %u\n", uc.pid == pid, uc.uid, uc.gid);
	SHOW("read", read(s, buf, sizeof(buf)));
	SHOW("write", write(s, "pong", 4));
	glen = sizeof(got);
	SHOW("getsockname accepted", getsockname(s, (void *)&got, &glen));
	printf("len %d\n", (int)glen);
	waitpid(pid, &status, 0);
	printf("client status %d\n", WEXITSTATUS(status));
	close(s);
	close(l);
}

static void errors(void)
{
	struct sockaddr_un a;
	socklen_t len = mkaddr(&a, "sock", 0);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0), d = socket(AF_UNIX, SOCK_DGRAM, 0);
	int l, c, e;
	struct stat st;
	struct epoll_event ev = { EPOLLIN, { 0 } };

	printf("== errors\n");
	SHOW("connect no node", connect(s, (void *)&a, len));
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	SHOW("bind", bind(l, (void *)&a, len));
	SHOW("stat", stat("sock", &st));
	printf("is sock %d\n", S_ISSOCK(st.st_mode));
	SHOW("connect not listening", connect(s, (void *)&a, len));
	SHOW("dgram to stream", connect(d, (void *)&a, len));
	SHOW("bind taken", bind(socket(AF_UNIX, SOCK_STREAM, 0), (void *)&a, len));
	SHOW("listen", listen(l, 1));
	e = epoll_create1(0);
	epoll_ctl(e, EPOLL_CTL_ADD, l, &ev);
	SHOW("epoll idle", epoll_wait(e, &ev, 1, 0));
	SHOW("connect", connect(s, (void *)&a, len));
	SHOW("epoll pending", epoll_wait(e, &ev, 1, 0));
	SHOW("connect again", connect(s, (void *)&a, len));
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	SHOW("second pending", connect(c, (void *)&a, len));
	SHOW("backlog full", connect(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0),
				     (void *)&a, len));
	SHOW("send before accept", send(s, "early", 5, 0));
	SHOW("accept", (c = accept(l, NULL, NULL)) >= 0);
	SHOW("recv early", recv(c, (char[8]){ 0 }, 8, 0));
	close(l);
	SHOW("connect closed", connect(socket(AF_UNIX, SOCK_STREAM, 0), (void *)&a, len));
	SHOW("node stays", stat("sock", &st));
	SHOW("open the node", open("sock", O_RDONLY));
	SHOW("bind over node", bind(socket(AF_UNIX, SOCK_STREAM, 0), (void *)&a, len));
	SHOW("unlink", unlink("sock"));
	SHOW("connect short", connect(s, (void *)&a, 2));
	SHOW("connect long", connect(s, (void *)&a, sizeof(a) + 1));
	SHOW("bind len 1", bind(d, (void *)&a, 1));
	SHOW("autobind", bind(d, (void *)&a, 2));
	len = sizeof(a);
	SHOW("autoname", getsockname(d, (void *)&a, &len));
	printf("len %d abstract %d\n", (int)len, a.sun_path[0] == 0);
	SHOW("autobind again", bind(d, (void *)&a, 2));
	SHOW("getpeername unconnected", getpeername(d, (void *)&a, &len));
	close(s);
	close(d);
	close(c);
	close(e);
}

static void dgram_server(void)
{
	struct sockaddr_un a, b, from;
	socklen_t alen = mkaddr(&a, "dsrv", 1), blen = mkaddr(&b, "dcli", 1), flen;
	int srv = socket(AF_UNIX, SOCK_DGRAM, 0), cli = socket(AF_UNIX, SOCK_DGRAM, 0);
	int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
	char buf[16];

	printf("== dgram server\n");
	SHOW("bind", bind(srv, (void *)&a, alen));
	SHOW("bind cli", bind(cli, (void *)&b, blen));
	SHOW("sendto", sendto(cli, "hi", 2, 0, (void *)&a, alen));
	flen = sizeof(from);
	SHOW("recvfrom", recvfrom(srv, buf, sizeof(buf), 0, (void *)&from, &flen));
	printf("from len %d same %d\n", (int)flen, flen == blen && !memcmp(&from, &b, blen));
	SHOW("anon sendto", sendto(anon, "yo", 2, 0, (void *)&a, alen));
	flen = sizeof(from);
	SHOW("recvfrom anon", recvfrom(srv, buf, sizeof(buf), 0, (void *)&from, &flen));
	printf("from len %d\n", (int)flen);
	SHOW("connect", connect(cli, (void *)&a, alen));
	SHOW("send", send(cli, "c", 1, 0));
	SHOW("recv", recv(srv, buf, sizeof(buf), 0));
	SHOW("sendto nobody", sendto(anon, "x", 1, 0, (void *)&b, blen - 1));
	close(srv);
	close(cli);
	close(anon);
}

static void pass_fd(void)
{
	int sv[2], p[2], status;
	char cbuf[CMSG_SPACE(sizeof(int) * 2)], buf[16];
	struct iovec iov = { "F", 1 };
	struct msghdr mh;
	struct cmsghdr *cm;
	pid_t pid;

	printf("== pass fd\n");
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pipe(p);
	pid = fork();
	if (pid == 0) {
		int fd = -1;

		close(sv[0]);
		memset(&mh, 0, sizeof(mh));
		iov.iov_base = buf;
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = cbuf;
		mh.msg_controllen = sizeof(cbuf);
		if (recvmsg(sv[1], &mh, 0) != 1)
			_exit(2);
		cm = CMSG_FIRSTHDR(&mh);
		if (!cm || cm->cmsg_type != SCM_RIGHTS)
			_exit(3);
		memcpy(&fd, CMSG_DATA(cm), sizeof(fd));
		memset(buf, 0, sizeof(buf));
		if (read(fd, buf, sizeof(buf)) != 5)
			_exit(4);
		_exit(strcmp(buf, "piped") ? 5 : 0);
	}
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cbuf;
	mh.msg_controllen = CMSG_SPACE(sizeof(int));
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	SHOW("sendmsg", sendmsg(sv[0], &mh, 0));
	close(p[0]);
	SHOW("write pipe", write(p[1], "piped", 5));
	waitpid(pid, &status, 0);
	printf("child status %d\n", WEXITSTATUS(status));

	/* A control buffer too short for the fd: MSG_CTRUNC. */
	memcpy(CMSG_DATA(cm), &p[1], sizeof(int));
	SHOW("sendmsg", sendmsg(sv[0], &mh, 0));
	memset(&mh, 0, sizeof(mh));
	iov.iov_base = buf;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(struct cmsghdr);
	SHOW("recvmsg short", recvmsg(sv[1], &mh, 0));
	printf("ctrunc %d controllen %d\n", !!(mh.msg_flags & MSG_CTRUNC), (int)mh.msg_controllen);

	/* Bad fd in SCM_RIGHTS. */
	memset(&mh, 0, sizeof(mh));
	iov.iov_base = "F";
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cbuf;
	mh.msg_controllen = CMSG_SPACE(sizeof(int));
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &(int){ 77 }, sizeof(int));
	SHOW("sendmsg bad fd", sendmsg(sv[0], &mh, 0));
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
}

/* SO_RCVTIMEO: a receive with nothing to read gives up with EAGAIN once it passes. 100 ms
 * is a whole number of jiffies at every HZ, so Linux reports it back unrounded. */
static void timeouts(void)
{
	struct timeval tv = { 0, 100000 }, got = { 7, 7 };
	socklen_t len = sizeof(got);
	char c;
	int sv[2];

	printf("== timeouts\n");
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	SHOW("SO_RCVTIMEO default", getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &got, &len));
	printf("rcvtimeo %ld.%06ld\n", (long)got.tv_sec, (long)got.tv_usec);
	SHOW("set SO_RCVTIMEO 100 ms", setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	SHOW("SO_RCVTIMEO", getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &got, &len));
	printf("rcvtimeo %ld.%06ld\n", (long)got.tv_sec, (long)got.tv_usec);
	SHOW("recv times out", recv(sv[0], &c, 1, 0));
	SHOW("dgram too", setsockopt(sv[1], SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)));
	tv.tv_usec = 1000000;
	SHOW("usec out of range", setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	SHOW("short timeval", setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, 4));
	close(sv[0]);
	close(sv[1]);
}

static void options(void)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0), v;
	socklen_t len = sizeof(v);
	struct ucred uc;

	printf("== options\n");
	SHOW("SO_TYPE", getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
	printf("type %d\n", v);
	SHOW("SO_DOMAIN", getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len));
	printf("domain %d\n", v);
	SHOW("SO_SNDBUF", getsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, &len));
	printf("sndbuf %d\n", v);
	v = 65536;
	SHOW("set SO_SNDBUF", setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v)));
	SHOW("SO_SNDBUF", getsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, &len));
	printf("sndbuf %d\n", v);
	v = 1;
	SHOW("set SO_REUSEADDR", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
	SHOW("set SO_KEEPALIVE", setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)));
	SHOW("SO_KEEPALIVE", getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &len));
	printf("keepalive %d\n", v);
	v = 1;
	SHOW("set SO_PASSCRED", setsockopt(s, SOL_SOCKET, SO_PASSCRED, &v, sizeof(v)));
	SHOW("SO_PASSCRED", getsockopt(s, SOL_SOCKET, SO_PASSCRED, &v, &len));
	printf("passcred %d\n", v);
	SHOW("SO_ACCEPTCONN", getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len));
	printf("acceptconn %d\n", v);
	SHOW("SO_ERROR", getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len));
	printf("error %d\n", v);
	len = sizeof(uc);
	SHOW("SO_PEERCRED", getsockopt(s, SOL_SOCKET, SO_PEERCRED, &uc, &len));
	printf("none: %d %d %d\n", uc.pid, (int)uc.uid, (int)uc.gid);
	len = sizeof(v);
	SHOW("bad level", getsockopt(s, 6, 1, &v, &len));
	SHOW("bad name", getsockopt(s, SOL_SOCKET, 9999, &v, &len));
	SHOW("short set", setsockopt(s, SOL_SOCKET, SO_PASSCRED, &v, 2));
	SHOW("not a socket", getsockopt(0, SOL_SOCKET, SO_TYPE, &v, &len));
	close(s);
	timeouts();
}

int main(void)
{
	char dir[64];

	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(dir, sizeof(dir), "/tmp/net-server-%d", getpid());
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
		perror(dir);
		return 1;
	}
	serve("path", "srv.sock", 0);
	serve("abstract", "keel-test-abstract", 1);
	errors();
	dgram_server();
	pass_fd();
	options();
	unlink("srv.sock");
	if (chdir("/") < 0 || rmdir(dir) < 0)
		perror("rmdir");
	return 0;
}
