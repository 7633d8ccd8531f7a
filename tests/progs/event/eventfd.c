/* eventfd: counters: a read takes the whole count, EFD_SEMAPHORE takes one at a time,
 * EFD_NONBLOCK gives EAGAIN on an empty read and on a write past the maximum
 * (0xfffffffffffffffe), short buffers and UINT64_MAX are EINVAL, poll follows the count,
 * and a blocked read is woken by a child's write. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../errname.h"

static int failures;

static void show(const char *what, long r, long want)
{
	printf("%s: %s\n", what, ERRSTR(r));
	failures += (want >= 0) != (r >= 0);
}

static void show_err(const char *what, long r, int want_errno)
{
	printf("%s: %s\n", what, ERRSTR(r));
	failures += !(r < 0 && errno == want_errno);
}

static long put(int fd, uint64_t v)
{
	return write(fd, &v, sizeof(v));
}

/* Reads one value; prints it when the read worked. */
static long take(const char *what, int fd, uint64_t want)
{
	uint64_t v = 0;
	long r = read(fd, &v, sizeof(v));

	if (r < 0) {
		printf("%s: %s\n", what, errname(errno));
	} else {
		printf("%s: %ld bytes, value %llu\n", what, r, (unsigned long long)v);
		failures += v != want;
	}
	return r;
}

static short poll_now(int fd)
{
	struct pollfd p = { fd, POLLIN | POLLOUT, 0 };

	poll(&p, 1, 0);
	return p.revents;
}

int main(void)
{
	uint64_t v;
	int fd, sem, status;
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	fd = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
	show("create", fd, 0);
	printf("cloexec: %d nonblock: %d\n", !!(fcntl(fd, F_GETFD) & FD_CLOEXEC),
	       !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	show("write 4", put(fd, 4), 8);
	take("read", fd, 7);
	show_err("read empty", read(fd, &v, sizeof(v)), EAGAIN);
	printf("poll empty: 0x%x\n", poll_now(fd));

	sem = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
	take("semaphore read 1", sem, 1);
	take("semaphore read 2", sem, 1);
	show_err("semaphore empty", read(sem, &v, sizeof(v)), EAGAIN);

	show("write max", put(fd, 0xfffffffffffffffeull), 8);
	printf("poll full: 0x%x\n", poll_now(fd));
	show_err("write past max", put(fd, 1), EAGAIN);
	show("write zero", put(fd, 0), 8);
	show_err("write all ones", put(fd, UINT64_MAX), EINVAL);
	take("read max", fd, 0xfffffffffffffffeull);

	show_err("short read", read(fd, &v, 4), EINVAL);
	show_err("short write", write(fd, &v, 4), EINVAL);
	show_err("bad flags", eventfd(0, 0x10), EINVAL);

	/* A blocking read sleeps until the child writes. */
	close(fd);
	fd = eventfd(0, 0);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		put(fd, 9);
		_exit(0);
	}
	take("blocking read", fd, 9);
	waitpid(pid, &status, 0);
	printf("failures: %d\n", failures);
	return failures != 0;
}
