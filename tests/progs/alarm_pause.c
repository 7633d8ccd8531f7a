/* alarm_pause: alarm(1) ends a pause() through a SIGALRM handler; a second alarm() reports
 * the time left of the first; ITIMER_REAL with an interval delivers three ticks and can be
 * read back and disarmed. Prints facts, never times. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "errname.h"

static volatile sig_atomic_t ticks;

static void on_alarm(int sig)
{
	ticks++;
}

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

static int check_alarm_pause(void)
{
	unsigned left;
	int r, e;

	ticks = 0;
	left = alarm(1);
	printf("alarm(1): previous alarm left=%u\n", left);
	r = pause();
	e = errno;
	printf("pause: returned=%d %s handler ran=%d\n", r, errname(e), ticks);
	alarm(5);
	left = alarm(0);
	printf("alarm(5) then alarm(0): left between 1 and 5=%s\n", yes(left >= 1 && left <= 5));
	return r == -1 && e == EINTR && ticks == 1 && left >= 1 && left <= 5;
}

static int check_itimer(void)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } }, now, off = { { 0, 0 }, { 0, 0 } };
	sigset_t block, wait_mask;
	int armed_ok, zero_ok;

	ticks = 0;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	/* Blocked between checks, so no tick is lost between the test and sigsuspend. */
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	if (setitimer(ITIMER_REAL, &it, NULL) < 0) {
		printf("setitimer: %s\n", errname(errno));
		return 0;
	}
	getitimer(ITIMER_REAL, &now);
	armed_ok = now.it_interval.tv_sec == 0 && now.it_interval.tv_usec == 50000 &&
		   (now.it_value.tv_sec > 0 || now.it_value.tv_usec > 0) &&
		   now.it_value.tv_sec == 0 && now.it_value.tv_usec <= 50000;
	while (ticks < 3)
		sigsuspend(&wait_mask);
	setitimer(ITIMER_REAL, &off, &now);
	printf("itimer: ticks=%d read back while armed=%s interval kept=%s\n", ticks, yes(armed_ok),
	       yes(now.it_interval.tv_usec == 50000));
	getitimer(ITIMER_REAL, &now);
	zero_ok = now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0;
	printf("itimer: disarmed reads zero=%s\n", yes(zero_ok));
	sigprocmask(SIG_SETMASK, &wait_mask, NULL);
	return ticks == 3 && armed_ok && zero_ok;
}

int main(void)
{
	struct sigaction sa;
	int ok;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	ok = check_alarm_pause();
	ok &= check_itimer();
	return ok ? 0 : 1;
}
