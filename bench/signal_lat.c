/* signal_lat: average cost of kill() to self with a handler installed: the signal frame,
 * the handler and rt_sigreturn. Usage: signal_lat [ITERATIONS] (default 100000). Prints
 * "signal_self_us N" on stderr. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_clock.h"

static volatile sig_atomic_t delivered;

static void on_usr1(int sig)
{
	delivered++;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 100000;
	struct sigaction sa;
	pid_t self = getpid();
	double t0;

	if (iters <= 0)
		return 2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++)
		kill(self, SIGUSR1);
	fprintf(stderr, "signal_self_us %.2f\n", (bench_now_us() - t0) / iters);
	return delivered == iters ? 0 : 1;
}
