/* exec_lat: average cost of fork + execve of a tiny static program + waitpid. Usage:
 * exec_lat PROGRAM [ITERATIONS] (default 1000; PROGRAM: bench/tiny_true, which only exits).
 * Prints "fork_exec_wait_us N" on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

int main(int argc, char **argv)
{
	long iters = argc > 2 ? atol(argv[2]) : 1000;
	char *child_argv[] = { argc > 1 ? argv[1] : NULL, NULL }, *envp[] = { NULL };
	double t0;
	int st;

	if (argc < 2 || iters <= 0) {
		fprintf(stderr, "usage: exec_lat PROGRAM [ITERATIONS]\n");
		return 2;
	}
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			execve(argv[1], child_argv, envp);
			_exit(127);
		}
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "exec_lat: %s did not run\n", argv[1]);
			return 1;
		}
	}
	fprintf(stderr, "fork_exec_wait_us %.1f\n", (bench_now_us() - t0) / iters);
	return 0;
}
