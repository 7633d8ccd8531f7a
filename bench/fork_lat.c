/* fork_lat: average cost of fork + _exit in the child + waitpid in the parent. Usage:
 * fork_lat [ITERATIONS] (default 1000). Prints "fork_exit_wait_us N" on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 1000;
	double t0;

	if (iters <= 0)
		return 2;
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, NULL, 0) != pid)
			return 1;
	}
	fprintf(stderr, "fork_exit_wait_us %.1f\n", (bench_now_us() - t0) / iters);
	return 0;
}
