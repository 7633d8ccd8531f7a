/* cow_fork N: writes all of a 64 MiB private mapping, forks N children that each write
 * one page of it and then wait, and exits once all have written, leaving them alive: the
 * copy-on-write proof in tests/integration/mm.sh compares `keel run --stats` frames. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SIZE (64ul << 20)

/* A child that dies before writing (a kernel that could not run it) must not leave the
 * parent waiting forever: SIGCHLD interrupts its read. */
static void on_child(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int n = argc > 1 ? atoi(argv[1]) : 1, i, pfd[2];
	char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char c;

	if (p == MAP_FAILED || pipe(pfd))
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_child;
	sigaction(SIGCHLD, &sa, NULL);
	memset(p, 1, SIZE);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 2;
		if (pid == 0) {
			p[(size_t)i * 4096] = 2;
			if (write(pfd[1], "w", 1) != 1)
				_exit(1);
			/* Stay alive (holding the copy) until the parent's end kills us. */
			for (;;)
				pause();
		}
	}
	for (i = 0; i < n; i++)
		if (read(pfd[0], &c, 1) != 1)
			return 3;
	return 0;
}
