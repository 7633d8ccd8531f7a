/* fork_loop: N times fork, _exit in the child, wait in the parent (N = argv[1], default
 * 1000). Prints the count; the leak test runs it long and compares the kernel's counters in
 * use at exit with a one-iteration run. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000, done = 0;

	for (long i = 0; i < n; i++) {
		int st;
		pid_t pid = fork();

		if (pid < 0)
			break;
		if (pid == 0)
			_exit((int)(i & 0x7f));
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != (i & 0x7f))
			break;
		done++;
	}
	printf("forked, exited and reaped %ld of %ld\n", done, n);
	return done == n ? 0 : 1;
}
