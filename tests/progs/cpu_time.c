/* cpu_time: CPU time is counted, and sleeping is not. A busy loop of 200 ms of CPU shows
 * in times(), getrusage(), /proc/self/stat and the CPU-time clocks; 300 ms of sleep
 * barely moves them; a waited-for child's time shows as the children's. Prints yes/no
 * lines only, so a loaded machine cannot change the output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Spins until this process has used `seconds` more of CPU. */
static void burn(double seconds)
{
	double until = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) + seconds;
	volatile unsigned long x = 0;

	while (cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) < until)
		for (int i = 0; i < 10000; i++)
			x += (unsigned long)i;
}

static void yes(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "yes" : "no");
}

/* Field n (from 3 on, as proc(5) numbers them) of /proc/self/stat; -1 if unreadable. */
static long stat_field(int n)
{
	char buf[1024], *p;
	FILE *f = fopen("/proc/self/stat", "r");
	int ok = f && fgets(buf, sizeof(buf), f);

	if (f)
		fclose(f);
	p = ok ? strrchr(buf, ')') : NULL;
	for (int i = 2; p && i < n; i++)
		p = strchr(p + 1, ' ');
	return p ? atol(p + 1) : -1;
}

static double tv_seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(void)
{
	long hz = sysconf(_SC_CLK_TCK);
	double before, t0;
	struct rusage ru;
	struct tms t;
	pid_t pid;

	burn(0.2);
	times(&t);
	yes("times: 200 ms of CPU", (double)(t.tms_utime + t.tms_stime) / hz >= 0.18);
	getrusage(RUSAGE_SELF, &ru);
	yes("getrusage: 200 ms of CPU", tv_seconds(ru.ru_utime) + tv_seconds(ru.ru_stime) >= 0.18);
	yes("mostly user time", tv_seconds(ru.ru_utime) > tv_seconds(ru.ru_stime));
	yes("/proc/self/stat utime+stime",
	    (double)(stat_field(14) + stat_field(15)) / hz >= 0.18);
	yes("thread CPU clock", cpu_seconds(CLOCK_THREAD_CPUTIME_ID) >= 0.18);

	before = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
	usleep(300000);
	yes("300 ms of sleep is not CPU time",
	    cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - before < 0.1);

	times(&t);
	yes("no children's time yet", t.tms_cutime + t.tms_cstime == 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		burn(0.2);
		_exit(0);
	}
	t0 = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
	waitpid(pid, NULL, 0);
	times(&t);
	yes("times: the waited-for child's 200 ms",
	    (double)(t.tms_cutime + t.tms_cstime) / hz >= 0.18);
	getrusage(RUSAGE_CHILDREN, &ru);
	yes("getrusage: the children's 200 ms",
	    tv_seconds(ru.ru_utime) + tv_seconds(ru.ru_stime) >= 0.18);
	yes("waiting is not the parent's CPU time",
	    cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - t0 < 0.1);
	return 0;
}
