/* pipe_pingpong: context switches between two processes, each blocking on a pipe read until
 * the other writes one byte. Usage: pipe_pingpong [ROUND_TRIPS] (default 10000). Prints
 * "pipe_round_trip_us N" (two switches) on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 10000;
	int ping[2], pong[2];
	double t0;
	char c = 'x';
	pid_t pid;

	if (iters <= 0 || pipe(ping) < 0 || pipe(pong) < 0)
		return 2;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		/* Only the parent may hold ping's write end, or the final read never sees EOF. */
		close(ping[1]);
		close(pong[0]);
		while (read(ping[0], &c, 1) == 1)
			if (write(pong[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(ping[0]);
	close(pong[1]);
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++)
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1)
			return 1;
	fprintf(stderr, "pipe_round_trip_us %.2f\n", (bench_now_us() - t0) / iters);
	close(ping[1]);
	waitpid(pid, NULL, 0);
	return 0;
}
