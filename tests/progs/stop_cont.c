/* stop_cont: a timed sleep that a stop and a continue interrupt goes on with the time it
 * had left (Linux's restart_syscall), not with its whole timeout: nanosleep,
 * clock_nanosleep, a timed futex wait and poll of 2 s, each in a child that the parent stops at
 * 0.2 s and continues at 0.6 s. The child says how long the call took, in words coarse
 * enough for a loaded machine: "about 2 s", or "longer" when it started over. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SLEEP_S 2
#define FUTEX_WAIT_PRIVATE 128   /* <linux/futex.h> is not in musl's headers */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs case which; its result in words. */
static const char *sleep_case(int which)
{
	struct timespec ts = { SLEEP_S, 0 };
	static unsigned int word;

	switch (which) {
	case 0:
		return nanosleep(&ts, NULL) == 0 ? "0" : strerror(errno);
	case 1:
		return clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL) == 0 ? "0" : "error";
	case 2:
		return poll(NULL, 0, SLEEP_S * 1000) == 0 ? "0" : strerror(errno);
	default:
		if (syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0) == 0)
			return "woken";
		return errno == ETIMEDOUT ? "ETIMEDOUT" : strerror(errno);
	}
}

int main(void)
{
	static const char *const names[] = { "nanosleep", "clock_nanosleep", "poll",
					     "futex wait" };

	for (int which = 0; which < 4; which++) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			double t0 = now_s(), dt;
			const char *r = sleep_case(which);

			dt = now_s() - t0;
			printf("%s: %s, took %s\n", names[which], r,
			       dt < SLEEP_S - 0.1 ? "less than 2 s" :
			       dt < SLEEP_S + 0.3 ? "about 2 s" : "longer");
			fflush(stdout);
			_exit(0);
		}
		usleep(200 * 1000);
		kill(pid, SIGSTOP);
		usleep(400 * 1000);
		kill(pid, SIGCONT);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			return 1;
	}
	return 0;
}
