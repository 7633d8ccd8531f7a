/* gdb_port.c: the hosted debug port: one TCP connection from gdb on the loopback address.
 * It is accepted before the VMM confines itself; afterwards only recvmsg, sendto (with
 * MSG_NOSIGNAL and no address), poll and close reach it, all on the sandbox's list. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ostd/debug_port.h>

#include "gdb_port.h"

static int gdb_fd = -1;

int gdb_port_parse(const char *s, unsigned int *port)
{
	char *end;
	unsigned long v;

	if (!s || *s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > 65535)
		return -EINVAL;
	*port = (unsigned int)v;
	return 0;
}

static int gdb_listen(unsigned int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	/* A port a previous run left in TIME_WAIT is free for us. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, 1) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

int gdb_port_accept(unsigned int port)
{
	int one = 1, lfd = gdb_listen(port), fd;

	if (lfd < 0) {
		fprintf(stderr, "keel: --gdb %u: cannot listen on 127.0.0.1:%u: %s\n", port, port,
			strerror(-lfd));
		return lfd;
	}
	fprintf(stderr, "keel: gdb: waiting for a debugger on 127.0.0.1:%u\n", port);
	do
		fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		int err = -errno;

		fprintf(stderr, "keel: --gdb %u: accept: %s\n", port, strerror(errno));
		close(lfd);
		return err;
	}
	close(lfd);
	/* Packets are small and answered one by one: send them at once. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	gdb_fd = fd;
	return 0;
}

void gdb_port_close(void)
{
	if (gdb_fd >= 0)
		close(gdb_fd);
	gdb_fd = -1;
}

bool debug_port_is_open(void)
{
	return gdb_fd >= 0;
}

ssize_t debug_port_read(void *buf, size_t n, bool wait)
{
	struct iovec iov = { .iov_base = buf, .iov_len = n };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t r;

	if (gdb_fd < 0)
		return 0;
	do
		r = recvmsg(gdb_fd, &msg, wait ? 0 : MSG_DONTWAIT);
	while (r < 0 && errno == EINTR);
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return -EAGAIN;
	if (r <= 0) {
		gdb_port_close();
		return r == 0 ? 0 : -EIO;
	}
	return r;
}

ssize_t debug_port_write(const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	while (gdb_fd >= 0 && done < n) {
		ssize_t r = sendto(gdb_fd, p + done, n - done, MSG_NOSIGNAL, NULL, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			bool pipe = r < 0 && errno == EPIPE;

			gdb_port_close();
			return pipe ? -EPIPE : -EIO;
		}
		done += (size_t)r;
	}
	return gdb_fd >= 0 ? (ssize_t)n : -EPIPE;
}

void debug_port_close(void)
{
	gdb_port_close();
}
