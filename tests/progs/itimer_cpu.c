/* itimer_cpu: ITIMER_VIRTUAL and ITIMER_PROF count CPU time: a spinning program gets
 * SIGVTALRM and periodic SIGPROF, a sleeping one gets nothing; getitimer reads the
 * settings back and a zero value disarms. Prints facts, never times. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

static volatile sig_atomic_t vt, prof;
static int failures;

static const char *yes(int cond)
{
	if (!cond)
		failures++;
	return cond ? "yes" : "no";
}

static void on_sig(int sig)
{
	if (sig == SIGVTALRM)
		vt++;
	else
		prof++;
}

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Spins until *flag reaches n or 10 s of wall time pass (a bound, not a measurement). */
static void spin_until(volatile sig_atomic_t *flag, int n)
{
	double end = wall_now() + 10;

	while (*flag < n && wall_now() < end)
		;
}

int main(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 50000 } }, cur, off = { { 0, 0 }, { 0, 0 } };
	struct timespec nap = { 0, 200000000 };

	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGVTALRM, on_sig);
	signal(SIGPROF, on_sig);

	printf("virtual: set %s\n", ERRSTR(setitimer(ITIMER_VIRTUAL, &v, NULL)));
	getitimer(ITIMER_VIRTUAL, &cur);
	/* Linux adds a tick to the value (4 ms here); Keel's tick is 10 ms. */
	printf("virtual: reads 50 ms and at most a tick more %s\n",
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec >= 50000 &&
		   cur.it_value.tv_usec <= 60000));
	spin_until(&vt, 1);
	printf("virtual: spinning brings SIGVTALRM %s\n", yes(vt == 1));
	getitimer(ITIMER_VIRTUAL, &cur);
	printf("virtual: one-shot spent %s\n", yes(cur.it_value.tv_sec == 0 &&
						  cur.it_value.tv_usec == 0));

	vt = 0;
	setitimer(ITIMER_VIRTUAL, &v, NULL);
	nanosleep(&nap, NULL);
	printf("virtual: sleeping 200 ms brings nothing %s\n", yes(vt == 0));
	setitimer(ITIMER_VIRTUAL, &off, &cur);
	printf("virtual: disarm returns the old value, still armed %s\n",
	       yes(cur.it_value.tv_usec > 0 || cur.it_value.tv_sec > 0));

	v.it_interval.tv_usec = 20000;
	v.it_value.tv_usec = 20000;
	printf("prof: set %s\n", ERRSTR(setitimer(ITIMER_PROF, &v, NULL)));
	getitimer(ITIMER_PROF, &cur);
	printf("prof: interval reads 20 ms %s\n", yes(cur.it_interval.tv_sec == 0 &&
						     cur.it_interval.tv_usec == 20000));
	spin_until(&prof, 3);
	printf("prof: three SIGPROF while spinning %s\n", yes(prof >= 3));
	setitimer(ITIMER_PROF, &off, NULL);
	getitimer(ITIMER_PROF, &cur);
	printf("prof: disarmed reads 0 %s\n", yes(cur.it_value.tv_sec == 0 &&
						 cur.it_value.tv_usec == 0 &&
						 cur.it_interval.tv_usec == 0));
	v.it_value.tv_usec = 1000000;
	printf("errors: usec 1e6 %s\n", ERRSTR(setitimer(ITIMER_PROF, &v, NULL)));
	printf("errors: which 3 %s\n", ERRSTR(setitimer(3, &off, NULL)));
	return failures ? 1 : 0;
}
