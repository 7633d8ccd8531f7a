/* syscall_lat: average latency of a null syscall (getppid) and of a 1-byte write to
 * stdout (point it at /dev/null). Prints "getppid_ns N" and "write_ns N" on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* The raw syscall, so libc caching can never skip the trip to the kernel. */
static double measure(long nr, long a0, long a1, long a2, long iters)
{
	double t0;

	for (long i = 0; i < iters / 10; i++)   /* warm up */
		syscall(nr, a0, a1, a2);
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		syscall(nr, a0, a1, a2);
	return (now_ns() - t0) / iters;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 100000;

	fprintf(stderr, "getppid_ns %.1f\n", measure(SYS_getppid, 0, 0, 0, iters));
	fprintf(stderr, "write_ns %.1f\n", measure(SYS_write, 1, (long)"x", 1, iters));
	return 0;
}
