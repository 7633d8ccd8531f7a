/* churn: creates and drops sockets N times (default 3) in every way that leaves kernel
 * state behind if a release path leaks: a stream pair closed with a pipe fd and bytes
 * still in flight (SCM_RIGHTS), a datagram exchange, an abstract listener with one
 * accepted and one never-accepted connection, a path-bound socket unlinked after close.
 * Prints "churned N"; tests/integration/net.sh compares --stats after 1 and many. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* Sends one byte with fd attached. */
static int send_fd(int s, int fd)
{
	char buf[CMSG_SPACE(sizeof(int))], c = 'x';
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf,
			    .msg_controllen = sizeof(buf) };
	struct cmsghdr *h = CMSG_FIRSTHDR(&m);

	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(h), &fd, sizeof(int));
	return sendmsg(s, &m, 0) == 1 ? 0 : -1;
}

static int round_once(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int sv[2], p[2], l, c1, c2, e, d;
	char byte;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || pipe(p) || send_fd(sv[0], p[0]))
		return -1;
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);            /* the pipe's read end was still in flight */

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) || send(sv[0], "d", 1, 0) != 1 ||
	    recv(sv[1], &byte, 1, 0) != 1)
		return -1;
	close(sv[0]);
	close(sv[1]);

	strcpy(a.sun_path + 1, "keel-churn");
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	c1 = socket(AF_UNIX, SOCK_STREAM, 0);
	c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(l, (void *)&a, sizeof(a)) || listen(l, 4) ||
	    connect(c1, (void *)&a, sizeof(a)) || connect(c2, (void *)&a, sizeof(a)))
		return -1;
	e = accept(l, NULL, NULL);
	if (e < 0 || write(c1, "hi", 2) != 2)
		return -1;
	close(l);                /* c2's connection was never accepted */
	close(e);
	close(c1);
	close(c2);

	strcpy(a.sun_path, "/tmp/keel-churn.sock");
	d = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (bind(d, (void *)&a, sizeof(a)))
		return -1;
	close(d);
	return unlink(a.sun_path);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 3;

	for (long i = 0; i < n; i++) {
		if (round_once()) {
			perror("churn");
			return 1;
		}
	}
	printf("churned %ld\n", n);
	return 0;
}
