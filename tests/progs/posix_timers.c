/* posix_timers: timer_create and its family. One-shot and periodic SIGEV_SIGNAL timers
 * with the siginfo a SA_SIGINFO handler sees; overruns while the signal is blocked; the
 * default sigevent; SIGEV_NONE counting down; TIMER_ABSTIME; disarming; SIGEV_THREAD_ID;
 * libc's SIGEV_THREAD; the errors; timers not inherited by fork and deleted by exec; a
 * deleted timer's queued signal dropped. The kernel calls are raw syscalls, so glibc and
 * musl ask the same things. Facts only, never times or timer ids. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

#define MS 1000000L

/* The kernel's struct sigevent: libcs name its thread id field differently. */
struct ksigevent {
	union sigval value;
	int signo;
	int notify;
	int tid;
	int pad[11];
};

static volatile int got_count, got_code, got_value, got_timerid, got_overrun, got_signo;
static int failures;

static const char *yes(int cond)
{
	if (!cond)
		failures++;
	return cond ? "yes" : "no";
}

/* errname with the one code it lacks. */
static const char *ename(long r)
{
	if (r >= 0)
		return "ok";
	return errno == EOPNOTSUPP ? "EOPNOTSUPP" : errname(errno);
}

static long ktimer_create(int clockid, struct ksigevent *ev, int *id)
{
	return syscall(SYS_timer_create, clockid, ev, id);
}

static long ktimer_settime(int id, int flags, long value_ns, long interval_ns,
			   struct itimerspec *old)
{
	struct itimerspec its = { { interval_ns / 1000000000L, interval_ns % 1000000000L },
				  { value_ns / 1000000000L, value_ns % 1000000000L } };

	return syscall(SYS_timer_settime, id, flags, &its, old);
}

static long ktimer_gettime(int id, struct itimerspec *cur)
{
	return syscall(SYS_timer_gettime, id, cur);
}

static long ts_ns(struct timespec ts)
{
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void on_timer(int sig, siginfo_t *si, void *uc)
{
	got_count++;
	got_signo = sig;
	got_code = si->si_code;
	got_value = si->si_value.sival_int;
	got_timerid = si->si_timerid;
	got_overrun = si->si_overrun;
}

static void install(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_timer;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static sigset_t set_of(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	return s;
}

/* Waits with sig blocked outside sigsuspend, so no expiry slips between test and wait. */
static void wait_for_count(int sig, int count)
{
	sigset_t block = set_of(sig), old;

	sigprocmask(SIG_BLOCK, &block, &old);
	while (got_count < count)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void check_one_shot(void)
{
	struct ksigevent ev = { .value.sival_int = 42, .signo = SIGUSR1, .notify = SIGEV_SIGNAL };
	struct itimerspec cur;
	int id;

	install(SIGUSR1);
	got_count = 0;
	printf("one-shot: create %s\n", ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	printf("one-shot: settime %s\n", ename(ktimer_settime(id, 0, 10 * MS, 0, NULL)));
	wait_for_count(SIGUSR1, 1);
	printf("one-shot: signal SIGUSR1 %s, SI_TIMER %s, value 42 %s, timerid matches %s, "
	       "overrun 0 %s\n", yes(got_signo == SIGUSR1), yes(got_code == SI_TIMER),
	       yes(got_value == 42), yes(got_timerid == id), yes(got_overrun == 0));
	ktimer_gettime(id, &cur);
	printf("one-shot: spent reads 0/0 %s\n",
	       yes(ts_ns(cur.it_value) == 0 && ts_ns(cur.it_interval) == 0));
	printf("one-shot: getoverrun %ld\n", syscall(SYS_timer_getoverrun, id));
	printf("one-shot: delete %s\n", ename(syscall(SYS_timer_delete, id)));
	printf("one-shot: delete again %s\n", ename(syscall(SYS_timer_delete, id)));
}

static void check_periodic(void)
{
	struct ksigevent ev = { .value.sival_int = 7, .signo = SIGRTMIN + 1,
				.notify = SIGEV_SIGNAL };
	struct itimerspec old, cur;
	int id;

	install(SIGRTMIN + 1);
	got_count = 0;
	ktimer_create(CLOCK_MONOTONIC, &ev, &id);
	ktimer_settime(id, 0, 5 * MS, 5 * MS, NULL);
	wait_for_count(SIGRTMIN + 1, 3);
	printf("periodic: three signals, SI_TIMER %s, value 7 %s\n", yes(got_code == SI_TIMER),
	       yes(got_value == 7));
	printf("periodic: disarm %s\n", ename(ktimer_settime(id, 0, 0, 5 * MS, &old)));
	printf("periodic: old interval 5 ms %s, old value <= 5 ms %s\n",
	       yes(ts_ns(old.it_interval) == 5 * MS), yes(ts_ns(old.it_value) <= 5 * MS));
	ktimer_gettime(id, &cur);
	printf("periodic: disarmed reads 0/0 %s\n",
	       yes(ts_ns(cur.it_value) == 0 && ts_ns(cur.it_interval) == 0));
	syscall(SYS_timer_delete, id);
}

/* A 1 ms timer whose signal stays blocked for 30 ms: one signal, the rest overruns. */
static void check_overrun(void)
{
	struct ksigevent ev = { .value.sival_int = 9, .signo = SIGUSR2, .notify = SIGEV_SIGNAL };
	struct timespec nap = { 0, 30 * MS }, zero = { 0, 0 };
	sigset_t block = set_of(SIGUSR2), pending;
	siginfo_t si;
	long r, ov;
	int id;

	sigprocmask(SIG_BLOCK, &block, NULL);
	ktimer_create(CLOCK_MONOTONIC, &ev, &id);
	ktimer_settime(id, 0, 1 * MS, 1 * MS, NULL);
	nanosleep(&nap, NULL);
	sigpending(&pending);
	printf("overrun: pending while blocked %s\n", yes(sigismember(&pending, SIGUSR2)));
	r = sigtimedwait(&block, &si, &zero);
	ov = syscall(SYS_timer_getoverrun, id);
	printf("overrun: one signal %s, SI_TIMER %s, overrun > 0 %s, getoverrun agrees %s\n",
	       yes(r == SIGUSR2), yes(si.si_code == SI_TIMER), yes(si.si_overrun > 0),
	       yes(ov == si.si_overrun));
	/* Queued again or not, the signal of a deleted timer is never delivered. */
	nanosleep(&nap, NULL);
	syscall(SYS_timer_delete, id);
	r = sigtimedwait(&block, &si, &zero);
	printf("overrun: after delete, sigtimedwait %s\n", ename(r));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void check_default_sigevent(void)
{
	struct timespec zero = { 1, 0 };
	sigset_t block = set_of(SIGALRM);
	siginfo_t si;
	long r;
	int id;

	sigprocmask(SIG_BLOCK, &block, NULL);
	printf("default: create %s\n", ename(ktimer_create(CLOCK_REALTIME, NULL, &id)));
	ktimer_settime(id, 0, 2 * MS, 0, NULL);
	r = sigtimedwait(&block, &si, &zero);
	printf("default: SIGALRM %s, SI_TIMER %s, value is the id %s\n", yes(r == SIGALRM),
	       yes(si.si_code == SI_TIMER), yes(si.si_value.sival_int == id));
	syscall(SYS_timer_delete, id);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void check_sigev_none_and_abstime(void)
{
	struct ksigevent ev = { .notify = SIGEV_NONE };
	struct itimerspec a, b;
	struct timespec now, nap = { 0, 2 * MS };
	int id;

	ktimer_create(CLOCK_MONOTONIC, &ev, &id);
	ktimer_settime(id, 0, 10000 * MS, 0, NULL);
	ktimer_gettime(id, &a);
	nanosleep(&nap, NULL);
	ktimer_gettime(id, &b);
	printf("none: counts down %s, within 10 s %s, interval 0 %s\n",
	       yes(ts_ns(b.it_value) < ts_ns(a.it_value)),
	       yes(ts_ns(a.it_value) > 9000 * MS && ts_ns(a.it_value) <= 10000 * MS),
	       yes(ts_ns(a.it_interval) == 0));
	clock_gettime(CLOCK_MONOTONIC, &now);
	ktimer_settime(id, TIMER_ABSTIME, ts_ns(now) + 5000 * MS, 0, NULL);
	ktimer_gettime(id, &a);
	printf("abstime: monotonic +5 s reads 4-5 s %s\n",
	       yes(ts_ns(a.it_value) > 4000 * MS && ts_ns(a.it_value) <= 5000 * MS));
	ktimer_settime(id, TIMER_ABSTIME, 1 * MS, 0, NULL);
	ktimer_gettime(id, &a);
	printf("abstime: a past instant is spent at once %s\n", yes(ts_ns(a.it_value) == 0));
	syscall(SYS_timer_delete, id);

	ktimer_create(CLOCK_REALTIME, &ev, &id);
	clock_gettime(CLOCK_REALTIME, &now);
	ktimer_settime(id, TIMER_ABSTIME, ts_ns(now) + 3000 * MS, 0, NULL);
	ktimer_gettime(id, &a);
	printf("abstime: realtime +3 s reads 2-3 s %s\n",
	       yes(ts_ns(a.it_value) > 2000 * MS && ts_ns(a.it_value) <= 3000 * MS));
	syscall(SYS_timer_delete, id);
}

static volatile int thread_tid, thread_got, thread_code;

static void *sigwait_thread(void *arg)
{
	sigset_t s = set_of(SIGRTMIN + 2);
	siginfo_t si;

	thread_tid = (int)syscall(SYS_gettid);
	thread_got = sigwaitinfo(&s, &si) == SIGRTMIN + 2;
	thread_code = si.si_code;
	return NULL;
}

static void check_thread_id(void)
{
	struct ksigevent ev = { .signo = SIGRTMIN + 2, .notify = SIGEV_THREAD_ID };
	sigset_t s = set_of(SIGRTMIN + 2);
	pthread_t th;
	int id;

	/* Blocked everywhere: only the thread's own sigwaitinfo takes it. */
	sigprocmask(SIG_BLOCK, &s, NULL);
	pthread_create(&th, NULL, sigwait_thread, NULL);
	while (!thread_tid)
		sched_yield();
	ev.tid = thread_tid;
	printf("thread id: create %s\n", ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	ktimer_settime(id, 0, 2 * MS, 0, NULL);
	pthread_join(th, NULL);
	printf("thread id: the thread took it %s, SI_TIMER %s\n", yes(thread_got),
	       yes(thread_code == SI_TIMER));
	syscall(SYS_timer_delete, id);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
}

static int notify_pipe[2];

static void on_thread_notify(union sigval v)
{
	char c = (char)v.sival_int;

	write(notify_pipe[1], &c, 1);
}

static void check_sigev_thread(void)
{
	struct sigevent sev;
	struct itimerspec its = { { 0, 0 }, { 0, 3 * MS } };
	timer_t t;
	char c = 0;
	int r;

	pipe(notify_pipe);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD;
	sev.sigev_notify_function = on_thread_notify;
	sev.sigev_value.sival_int = 'T';
	r = timer_create(CLOCK_MONOTONIC, &sev, &t);
	printf("sigev_thread: create %s\n", r ? errname(errno) : "ok");
	if (r)
		return;
	timer_settime(t, 0, &its, NULL);
	r = (int)read(notify_pipe[0], &c, 1);
	printf("sigev_thread: callback ran with its value %s\n", yes(r == 1 && c == 'T'));
	printf("sigev_thread: delete %s\n", timer_delete(t) ? errname(errno) : "ok");
	close(notify_pipe[0]);
	close(notify_pipe[1]);
}

static void check_errors(void)
{
	struct ksigevent ev = { .signo = SIGUSR1, .notify = SIGEV_SIGNAL };
	struct itimerspec its = { { 0, 0 }, { 1, 0 } }, cur;
	int id, good, child;

	printf("errors: clock 99 %s\n", ename(ktimer_create(99, NULL, &id)));
	printf("errors: clock -1 %s\n", ename(ktimer_create(-1, NULL, &id)));
	printf("errors: CLOCK_MONOTONIC_RAW %s\n", ename(ktimer_create(CLOCK_MONOTONIC_RAW, NULL, &id)));
	ev.signo = 0;
	printf("errors: signal 0 %s\n", ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	ev.signo = 65;
	printf("errors: signal 65 %s\n", ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	ev.signo = SIGUSR1;
	ev.notify = 3;
	printf("errors: notify 3 %s\n", ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	ev.notify = SIGEV_THREAD_ID;
	ev.tid = child;
	printf("errors: thread id of another process %s\n",
	       ename(ktimer_create(CLOCK_MONOTONIC, &ev, &id)));
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	printf("errors: sigevent at a bad address %s\n",
	       ename(ktimer_create(CLOCK_MONOTONIC, (void *)8, &id)));
	printf("errors: id at a bad address %s\n",
	       ename(ktimer_create(CLOCK_MONOTONIC, NULL, (void *)8)));
	ktimer_create(CLOCK_MONOTONIC, NULL, &good);
	printf("errors: settime unknown id %s\n", ename(syscall(SYS_timer_settime, 12345, 0, &its, NULL)));
	printf("errors: gettime unknown id %s\n", ename(ktimer_gettime(12345, &cur)));
	printf("errors: getoverrun unknown id %s\n", ename(syscall(SYS_timer_getoverrun, 12345)));
	printf("errors: delete unknown id %s\n", ename(syscall(SYS_timer_delete, 12345)));
	printf("errors: settime NULL %s\n", ename(syscall(SYS_timer_settime, good, 0, NULL, NULL)));
	printf("errors: settime bad address %s\n",
	       ename(syscall(SYS_timer_settime, good, 0, (void *)8, NULL)));
	its.it_value.tv_nsec = 1000000000L;
	printf("errors: nsec 1e9 %s\n", ename(syscall(SYS_timer_settime, good, 0, &its, NULL)));
	its.it_value.tv_nsec = 0;
	its.it_interval.tv_sec = -1;
	printf("errors: negative interval %s\n", ename(syscall(SYS_timer_settime, good, 0, &its, NULL)));
	its.it_interval.tv_sec = 0;
	printf("errors: old value at a bad address %s\n",
	       ename(syscall(SYS_timer_settime, good, 0, &its, (void *)8)));
	ktimer_gettime(good, &cur);
	printf("errors: ... but the timer is armed %s\n", yes(cur.it_value.tv_sec == 0 &&
							    cur.it_value.tv_nsec > 0));
	printf("errors: gettime bad address %s\n", ename(ktimer_gettime(good, (void *)8)));
	syscall(SYS_timer_delete, good);
}

static void check_fork(void)
{
	struct itimerspec cur;
	int id, status = 0;
	pid_t pid;

	ktimer_create(CLOCK_MONOTONIC, NULL, &id);
	ktimer_settime(id, 0, 10000 * MS, 0, NULL);
	pid = fork();
	if (pid == 0)
		_exit(ktimer_gettime(id, &cur) < 0 && errno == EINVAL ? 0 : 1);
	waitpid(pid, &status, 0);
	printf("fork: the child has not the parent's timer %s\n",
	       yes(WIFEXITED(status) && WEXITSTATUS(status) == 0));
	printf("fork: the parent still has it %s\n", yes(ktimer_gettime(id, &cur) == 0));
	syscall(SYS_timer_delete, id);
}

static void check_exec(const char *self)
{
	char arg[16];
	int id, status = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		ktimer_create(CLOCK_MONOTONIC, NULL, &id);
		ktimer_settime(id, 0, 10000 * MS, 0, NULL);
		snprintf(arg, sizeof(arg), "%d", id);
		execl(self, self, "after-exec", arg, (char *)NULL);
		_exit(2);
	}
	waitpid(pid, &status, 0);
	printf("exec: the new image has no timer %s\n",
	       yes(WIFEXITED(status) && WEXITSTATUS(status) == 0));
}

int main(int argc, char **argv)
{
	struct itimerspec cur;

	if (argc == 3 && strcmp(argv[1], "after-exec") == 0)
		return ktimer_gettime(atoi(argv[2]), &cur) < 0 && errno == EINVAL ? 0 : 1;
	setvbuf(stdout, NULL, _IONBF, 0);
	check_one_shot();
	check_periodic();
	check_overrun();
	check_default_sigevent();
	check_sigev_none_and_abstime();
	check_thread_id();
	check_sigev_thread();
	check_errors();
	check_fork();
	check_exec(argv[0]);
	return failures ? 1 : 0;
}
