/* pty_echo.c: a pty pair through its line discipline: the slave's name, a line typed at
 * the master and read on the slave, its echo (NL turned into CR NL), an erase, output
 * from the slave, ^C killing a child whose controlling terminal is the slave, and the
 * master's EIO once every slave descriptor is closed. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "../errname.h"

/* Prints what came back, control characters escaped, so the line is readable. */
static void show(const char *label, const char *buf, ssize_t n)
{
	printf("%s: %zd \"", label, n);
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\r')
			printf("\\r");
		else if (c == '\n')
			printf("\\n");
		else if (c == '\b')
			printf("\\b");
		else if (c < 32 || c == 127)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	printf("\"\n");
	fflush(stdout);
}

/* Reads until want bytes came or nothing more arrives within a second. */
static ssize_t read_some(int fd, char *buf, size_t want)
{
	size_t got = 0;

	while (got < want) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t r;

		if (poll(&p, 1, 1000) <= 0)
			break;
		r = read(fd, buf + got, want - got);
		if (r <= 0)
			return got ? (ssize_t)got : r;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static void type_and_read(int master, int slave, const char *typed, size_t echo_len)
{
	char buf[256];
	ssize_t n;

	if (write(master, typed, strlen(typed)) != (ssize_t)strlen(typed))
		printf("master write: %s\n", errname(errno));
	n = read(slave, buf, sizeof(buf));
	show("slave read", buf, n);
	n = read_some(master, buf, echo_len);
	show("master echo", buf, n);
}

/* The child: a session of its own whose controlling terminal is the slave; it waits for
 * ^C with the default action. */
static void child_run(const char *name, int ready)
{
	int fd;

	/* A ^C that never comes must not leave this child behind. */
	alarm(20);
	/* A shell starts background jobs with SIGINT ignored, and that is inherited: the
	 * test is of the default action, so ask for it. */
	signal(SIGINT, SIG_DFL);
	setsid();
	fd = open(name, O_RDWR);
	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) < 0)
		_exit(3);
	if (tcgetpgrp(fd) != getpid())
		_exit(4);
	if (write(ready, "r", 1) != 1)
		_exit(5);
	for (;;)
		pause();
}

static void interrupt_child(int master, const char *name)
{
	int ready[2], status;
	char c, buf[64];
	pid_t pid;
	ssize_t n;

	if (pipe(ready) < 0)
		return;
	pid = fork();
	if (pid == 0)
		child_run(name, ready[1]);
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1) {
		printf("child not ready\n");
		return;
	}
	if (write(master, "\003", 1) != 1)
		printf("^C write: %s\n", errname(errno));
	waitpid(pid, &status, 0);
	printf("child: signaled %d, signal %s\n", WIFSIGNALED(status),
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGINT ? "SIGINT" : "other");
	n = read_some(master, buf, 2);
	show("master echo", buf, n);
	close(ready[0]);
}

int main(void)
{
	int master, slave;
	struct termios tm;
	char *name, buf[64];
	ssize_t n;

	/* A hang is a failure (SIGALRM), never a stalled test run. */
	alarm(30);
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
		printf("posix_openpt: %s\n", errname(errno));
		return 1;
	}
	name = ptsname(master);
	printf("ptsname under /dev/pts: %d\n", name && strncmp(name, "/dev/pts/", 9) == 0);
	slave = open(name, O_RDWR | O_NOCTTY);
	if (slave < 0) {
		printf("open slave: %s\n", errname(errno));
		return 1;
	}
	printf("isatty slave %d master %d\n", isatty(slave), isatty(master));
	tcgetattr(slave, &tm);
	printf("cooked: icanon %d echo %d onlcr %d\n", !!(tm.c_lflag & ICANON),
	       !!(tm.c_lflag & ECHO), !!(tm.c_oflag & ONLCR));
	tm.c_cc[VERASE] = 0x7f;
	tcsetattr(slave, TCSANOW, &tm);

	type_and_read(master, slave, "hello\n", 7);
	type_and_read(master, slave, "ab\177c\n", 9);
	type_and_read(master, slave, "x\025yz\n", 11);

	if (write(slave, "out\n", 4) != 4)
		printf("slave write: %s\n", errname(errno));
	n = read_some(master, buf, 5);
	show("master read", buf, n);

	interrupt_child(master, name);

	close(slave);
	n = read(master, buf, sizeof(buf));
	printf("master read after the slave closed: %zd %s\n", n,
	       n < 0 && errno == EIO ? "EIO" : n < 0 ? errname(errno) : "");
	close(master);
	return 0;
}
