/* fs_lat: file-system operations on a file in /dev/shm (tmpfs), else /tmp. Usage:
 * fs_lat MODE [ITERATIONS]; MODE is stat, open_close, read1, write1 or pipe_bw. Prints
 * "MODE_us N" (per operation) or, for pipe_bw, "pipe_bw_mbs N" (MB/s through a pipe
 * between two processes, 64 KiB writes) on stderr. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

#define CHUNK (64 * 1024)

static double pipe_bandwidth(long iters)
{
	static char buf[CHUNK];
	int fds[2];
	double t0, us;
	pid_t pid;

	if (pipe(fds) < 0)
		exit(1);
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], buf, sizeof(buf)) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++)
		if (write(fds[1], buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			exit(1);
	close(fds[1]);
	waitpid(pid, NULL, 0);
	us = bench_now_us() - t0;
	return (double)iters * CHUNK / us;   /* bytes per microsecond = MB/s */
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "stat";
	long iters = argc > 2 ? atol(argv[2]) : 10000;
	static const char *const dirs[] = { "/dev/shm", "/tmp" };
	char path[256], c = 'x';
	struct stat st;
	double t0;
	int fd;

	if (iters <= 0)
		return 2;
	if (strcmp(mode, "pipe_bw") == 0) {
		fprintf(stderr, "pipe_bw_mbs %.0f\n", pipe_bandwidth(iters));
		return 0;
	}
	/* The first of the tmpfs-like directories that takes a file. */
	fd = -1;
	for (size_t k = 0; k < sizeof(dirs) / sizeof(dirs[0]) && fd < 0; k++) {
		snprintf(path, sizeof(path), "%s/fs_lat.%d", dirs[k], (int)getpid());
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	}
	if (fd < 0 || write(fd, "0123456789", 10) != 10) {
		perror("fs_lat: a file in /dev/shm or /tmp");
		return 1;
	}
	t0 = bench_now_us();
	for (long i = 0; i < iters; i++) {
		if (strcmp(mode, "stat") == 0) {
			if (stat(path, &st) < 0)
				return 1;
		} else if (strcmp(mode, "open_close") == 0) {
			int f = open(path, O_RDONLY);

			if (f < 0 || close(f) < 0)
				return 1;
		} else if (strcmp(mode, "read1") == 0) {
			if (pread(fd, &c, 1, 0) != 1)
				return 1;
		} else if (strcmp(mode, "write1") == 0) {
			if (pwrite(fd, &c, 1, 0) != 1)
				return 1;
		} else {
			return 2;
		}
	}
	fprintf(stderr, "%s_us %.3f\n", mode, (bench_now_us() - t0) / iters);
	close(fd);
	unlink(path);
	return 0;
}
