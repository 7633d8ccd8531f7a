/* sched_prio: nice values, scheduling policies, personality and membarrier, with Linux's
 * errors: setpriority clamps, is inherited by fork, and an unprivileged child may raise but
 * not lower its nice value nor touch root's; policies and their priority ranges,
 * SCHED_RESET_ON_FORK; personality(ADDR_NO_RANDOMIZE) is inherited across fork and exec
 * and lays the stack out at the same address in two runs; membarrier's registration
 * rule. Root-only lines are printed only as root (the tests run as root). */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* musl ships no kernel headers: linux/membarrier.h's values. */
#define MEMBARRIER_CMD_QUERY                      0
#define MEMBARRIER_CMD_GLOBAL                     (1 << 0)
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED          (1 << 3)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED (1 << 4)
#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK 0x40000000
#endif
#ifndef SCHED_BATCH
#define SCHED_BATCH 3
#endif
#ifndef SCHED_IDLE
#define SCHED_IDLE 5
#endif

#include "errname.h"

static void show(const char *what, long r)
{
	if (r < 0)
		printf("%s: %s\n", what, errname(errno));
	else
		printf("%s: %ld\n", what, r);
}

static void show_nice(const char *what)
{
	errno = 0;
	int n = getpriority(PRIO_PROCESS, 0);

	printf("%s: nice %d%s\n", what, n, errno ? " (error)" : "");
}

static void child_wait(pid_t pid)
{
	int st;

	fflush(stdout);
	waitpid(pid, &st, 0);
}

static void nice_values(void)
{
	pid_t pid, parent = getpid();

	show_nice("start");
	show("setpriority 5", setpriority(PRIO_PROCESS, 0, 5));
	show_nice("after 5");
	show("setpriority 100 (clamped)", setpriority(PRIO_PROCESS, 0, 100));
	show_nice("after 100");
	show("setpriority bad which", setpriority(7, 0, 0));
	show("setpriority no such pid", setpriority(PRIO_PROCESS, 999999, 0));
	/* Alone in a group of its own, the group's priority is its own. */
	setpgid(0, 0);
	show("getpriority pgrp 0", getpriority(PRIO_PGRP, 0));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		show_nice("child inherits");
		if (setuid(1000) == 0) {
			show("user lowers its nice", setpriority(PRIO_PROCESS, 0, 10));
			show("user raises its nice", setpriority(PRIO_PROCESS, 0, 19));
			show("user renices root", setpriority(PRIO_PROCESS, parent, 19));
		}
		fflush(stdout);
		_exit(0);
	}
	child_wait(pid);
	if (geteuid() == 0) {
		show("root sets nice -5", setpriority(PRIO_PROCESS, 0, -5));
		show_nice("after -5");
	}
	setpriority(PRIO_PROCESS, 0, 0);
}

static void policies(void)
{
	struct sched_param p = { 0 };
	pid_t pid;

	show("getscheduler", sched_getscheduler(0));
	show("max FIFO", sched_get_priority_max(SCHED_FIFO));
	show("min RR", sched_get_priority_min(SCHED_RR));
	show("max OTHER", sched_get_priority_max(SCHED_OTHER));
	show("max bad policy", sched_get_priority_max(42));
	show("set BATCH", sched_setscheduler(0, SCHED_BATCH, &p));
	show("getscheduler", sched_getscheduler(0));
	p.sched_priority = 5;
	show("OTHER with priority 5", sched_setscheduler(0, SCHED_OTHER, &p));
	show("bad policy", sched_setscheduler(0, 42, &p));
	show("NULL param", syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL));
	show("negative pid", sched_getscheduler(-1));
	show("no such pid", sched_getscheduler(999999));
	p.sched_priority = 0;
	show("getparam", sched_getparam(0, &p));
	printf("priority %d\n", p.sched_priority);
	show("set IDLE, reset on fork", sched_setscheduler(0, SCHED_IDLE | SCHED_RESET_ON_FORK, &p));
	show("getscheduler", sched_getscheduler(0));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		show("child's scheduler", sched_getscheduler(0));
		fflush(stdout);
		_exit(0);
	}
	child_wait(pid);
	if (geteuid() == 0) {
		p.sched_priority = 10;
		show("root sets FIFO 10", sched_setscheduler(0, SCHED_FIFO, &p));
		show("getscheduler", sched_getscheduler(0));
		p.sched_priority = 0;
		show("getparam", sched_getparam(0, &p));
		printf("priority %d\n", p.sched_priority);
		p.sched_priority = 100;
		show("FIFO 100", sched_setscheduler(0, SCHED_FIFO, &p));
	}
	p.sched_priority = 0;
	sched_setscheduler(0, SCHED_OTHER, &p);
}

/* Runs this program again with "addr": it prints the address of a stack variable. */
static unsigned long stack_address_of_a_run(const char *self)
{
	unsigned long a = 0;
	int fds[2];
	pid_t pid;

	if (pipe(fds))
		return 0;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		execl(self, self, "addr", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if (read(fds[0], &a, sizeof(a)) != sizeof(a))
		a = 0;
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return a;
}

static void personas(const char *self)
{
	unsigned long a, b;

	show("query", personality(0xffffffff));
	show("set ADDR_NO_RANDOMIZE (old)", personality(ADDR_NO_RANDOMIZE));
	printf("now: %#x\n", personality(0xffffffff));
	a = stack_address_of_a_run(self);
	b = stack_address_of_a_run(self);
	printf("two runs, same stack address: %s\n", a && a == b ? "yes" : "no");
	personality(PER_LINUX);
}

static void barriers(void)
{
	long q = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);

	printf("query has GLOBAL and PRIVATE_EXPEDITED: %s\n",
	       q > 0 && (q & MEMBARRIER_CMD_GLOBAL) && (q & MEMBARRIER_CMD_PRIVATE_EXPEDITED) ?
	       "yes" : "no");
	show("private expedited unregistered",
	     syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
	show("register", syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
	show("private expedited", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
	show("global", syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0));
	show("bad flags", syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 1, 0));
	show("bad command", syscall(SYS_membarrier, 12345, 0, 0));
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "addr") == 0) {
		unsigned long a = (unsigned long)&argc;

		/* Also the persona this image inherited through exec. */
		if (personality(0xffffffff) != ADDR_NO_RANDOMIZE)
			a = 0;
		return write(1, &a, sizeof(a)) == sizeof(a) ? 0 : 1;
	}
	nice_values();
	policies();
	personas(argv[0]);
	barriers();
	return 0;
}
