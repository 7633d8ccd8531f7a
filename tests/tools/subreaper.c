/* subreaper: runs a command as a child subreaper and, once it exits, fails if any process it
 * started is still alive after a grace period: proof that keel leaves no stub or zygote
 * behind. Usage: subreaper CMD [ARG...]; exits with CMD's status, or 99 (leftovers named on
 * stderr), or 98 when it cannot run CMD. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GRACE_MS 2000

static int status_of(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Reaps orphans as they die; returns the pid of one still alive at the deadline, or 0. */
static pid_t wait_for_orphans(void)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int waited = 0; waited < GRACE_MS; waited += 10) {
		pid_t p = waitpid(-1, NULL, WNOHANG);
		if (p < 0 && errno == ECHILD)
			return 0;
		if (p == 0)
			nanosleep(&tick, NULL);
	}
	return waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD ? 0 : 1;
}

static void name_leftovers(void)
{
	char path[64], comm[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", getpid(), getpid());
	f = fopen(path, "r");
	for (int pid; f && fscanf(f, "%d", &pid) == 1;) {
		FILE *c;

		snprintf(path, sizeof(path), "/proc/%d/comm", pid);
		c = fopen(path, "r");
		if (c && fgets(comm, sizeof(comm), c))
			fprintf(stderr, "subreaper: left behind: pid %d %s", pid, comm);
		if (c)
			fclose(c);
		kill(pid, SIGKILL);
	}
	if (f)
		fclose(f);
}

int main(int argc, char **argv)
{
	pid_t child;
	int st;

	if (argc < 2 || prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		return 98;
	child = fork();
	if (child < 0)
		return 98;
	if (child == 0) {
		execvp(argv[1], argv + 1);
		_exit(98);
	}
	if (waitpid(child, &st, 0) < 0)
		return 98;
	if (wait_for_orphans()) {
		name_leftovers();
		return 99;
	}
	return status_of(st);
}
