/* signal/itimer.c: alarm, setitimer and getitimer. ITIMER_REAL is an OSTD timer per process
 * whose expiry sends SIGALRM; ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time
 * by sampling it every tick, and send SIGVTALRM and SIGPROF. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/itimer.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/signal.h>
#include <time/clock.h>

#define NSEC_PER_USEC 1000ull
/* Longer than any program waits, short enough that now + it cannot wrap. */
#define ITIMER_NS_MAX (UINT64_MAX / 4)

/* One armed ITIMER_REAL. The process is named by pid, not pointer: a slot may outlive its
 * process, and then finds no process (or one whose alarm_ns differs) and does nothing. */
struct itimer_slot {
	struct itimer_slot *next;
	int pid;
	uint64_t deadline;      /* the alarm_ns it was armed for */
	struct timer *timer;    /* NULL once fired */
};

static struct itimer_slot *itimer_slots;

static void itimer_slot_free(struct itimer_slot *s)
{
	struct itimer_slot **link;

	for (link = &itimer_slots; *link; link = &(*link)->next) {
		if (*link == s) {
			*link = s->next;
			break;
		}
	}
	if (s->timer)
		timer_cancel(s->timer);
	kfree(s);
}

/* Whether s still stands for its process's alarm. */
static bool itimer_slot_is_live(const struct itimer_slot *s)
{
	struct process *p = process_find(s->pid);

	return p && p->pid == s->pid && p->state == PROCESS_ALIVE &&
	       p->alarm_ns == s->deadline;
}

/* Frees the slot of pid and the slots of processes that are gone, so a program cannot
 * pile up timers by arming alarms and exiting. */
static void itimer_prune(int pid)
{
	struct itimer_slot *s = itimer_slots, *next;

	for (; s; s = next) {
		next = s->next;
		if (s->pid == pid || !itimer_slot_is_live(s))
			itimer_slot_free(s);
	}
}

static void itimer_fire(void *arg);

static int itimer_start(struct process *p, uint64_t deadline)
{
	struct itimer_slot *s = kzalloc(sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->pid = p->pid;
	s->deadline = deadline;
	s->timer = timer_add(deadline, itimer_fire, s);
	if (!s->timer) {
		kfree(s);
		return -ENOMEM;
	}
	s->next = itimer_slots;
	itimer_slots = s;
	p->alarm_ns = deadline;
	return 0;
}

static void itimer_fire(void *arg)
{
	struct itimer_slot *s = arg;
	struct process *p = process_find(s->pid);
	ksiginfo_t k = { .si_signo = SIGALRM, .si_code = SI_KERNEL };
	uint64_t now = clock_monotonic_ns(), next;

	s->timer = NULL;   /* freed by OSTD before this call */
	if (!itimer_slot_is_live(s)) {
		itimer_slot_free(s);
		return;
	}
	itimer_slot_free(s);
	p->alarm_ns = 0;
	(void)signal_send_process(p, SIGALRM, &k);
	if (!p->alarm_interval_ns)
		return;
	/* Periods missed while the machine was busy are skipped, not fired in a burst. */
	next = now + p->alarm_interval_ns;
	if (itimer_start(p, next))
		p->alarm_interval_ns = 0;
}

/* Arms (value_ns > 0) or disarms p's ITIMER_REAL. */
static int itimer_set(struct process *p, uint64_t value_ns, uint64_t interval_ns)
{
	itimer_prune(p->pid);
	p->alarm_ns = 0;
	p->alarm_interval_ns = 0;
	if (!value_ns)
		return 0;
	p->alarm_interval_ns = interval_ns;
	return itimer_start(p, clock_monotonic_ns() + value_ns);
}

static void itimer_cpu_release(struct process *p);

void itimer_release(struct process *p)
{
	(void)itimer_set(p, 0, 0);
	itimer_cpu_release(p);
}

static uint64_t itimer_remaining(const struct process *p)
{
	uint64_t now = clock_monotonic_ns();

	if (!p->alarm_ns)
		return 0;
	/* Due but not yet fired: a tiny remainder, as an armed timer never reads 0. */
	return p->alarm_ns > now ? p->alarm_ns - now : NSEC_PER_USEC;
}

static struct timeval itimer_timeval(uint64_t ns)
{
	/* Rounded up, so a timer that is still armed never reads as 0. */
	uint64_t us = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC;

	return (struct timeval){ .tv_sec = (int64_t)(us / 1000000),
				 .tv_usec = (int64_t)(us % 1000000) };
}

static int itimer_ns(const struct timeval *tv, uint64_t *ns)
{
	int err = timeval_to_ns(tv, ns);

	*ns = MIN(*ns, ITIMER_NS_MAX);
	return err;
}

/* ITIMER_VIRTUAL and ITIMER_PROF. The services keep no CPU time, so it is sampled as
 * Linux's tick accounting does: every ITIMER_CPU_TICK_NS, a process with a thread that is
 * neither sleeping nor stopped is charged one tick. Both timers count that same time (user
 * and system are not told apart), and with one virtual CPU two busy processes are each
 * charged every tick. A process that sleeps is charged nothing. */
#define ITIMER_CPU_TICK_NS 10000000ull

struct itimer_cpu {
	struct process *proc;
	uint64_t left[2];       /* [which - ITIMER_VIRTUAL]: CPU ns to the expiry; 0: off */
	uint64_t interval[2];
	struct timer *timer;    /* the next sample; NULL when none is pending */
};

static bool itimer_cpu_is_running(const struct process *p)
{
	const struct thread *t;

	if (p->state != PROCESS_ALIVE || p->group_exiting || (p->job & PROCESS_STOPPED))
		return false;
	for (t = p->threads; t; t = t->next_in_process)
		if (!t->sleeping_on && !t->stopped && !t->exiting)
			return true;
	return false;
}

/* Charges ns of CPU time to timer i; an expiry sends its signal and reloads the
 * interval (one signal per expiry, however late the sample). */
static void itimer_cpu_charge(struct itimer_cpu *c, int i, uint64_t ns)
{
	static const int sigs[2] = { SIGVTALRM, SIGPROF };
	ksiginfo_t k = { .si_signo = sigs[i], .si_code = SI_KERNEL };

	if (!c->left[i])
		return;
	if (c->left[i] > ns) {
		c->left[i] -= ns;
		return;
	}
	c->left[i] = c->interval[i];
	(void)signal_send_process(c->proc, sigs[i], &k);
}

static void itimer_cpu_sample(void *arg);

/* Samples again a tick from now while either timer runs. A failed timer_add stops the
 * timers' clock until the next setitimer: nothing is sent early. */
static void itimer_cpu_arm(struct itimer_cpu *c)
{
	if (c->timer) {
		timer_cancel(c->timer);
		c->timer = NULL;
	}
	if (c->left[0] || c->left[1])
		c->timer = timer_add(clock_monotonic_ns() + ITIMER_CPU_TICK_NS,
				     itimer_cpu_sample, c);
}

static void itimer_cpu_sample(void *arg)
{
	struct itimer_cpu *c = arg;

	c->timer = NULL;   /* freed by OSTD before this call */
	if (itimer_cpu_is_running(c->proc)) {
		itimer_cpu_charge(c, 0, ITIMER_CPU_TICK_NS);
		itimer_cpu_charge(c, 1, ITIMER_CPU_TICK_NS);
	}
	itimer_cpu_arm(c);
}

/* Sets ITIMER_VIRTUAL or ITIMER_PROF of p; the record is made on first use and lives
 * until the process exits. */
static int itimer_cpu_set(struct process *p, int which, uint64_t value_ns,
			  uint64_t interval_ns)
{
	struct itimer_cpu *c = p->itimer_cpu;
	int i = which - ITIMER_VIRTUAL;

	if (!c && !value_ns)
		return 0;
	if (!c) {
		c = kzalloc(sizeof(*c));
		if (!c)
			return -ENOMEM;
		c->proc = p;
		p->itimer_cpu = c;
	}
	/* One tick more, as Linux adds: a sample at the first tick must not count a full
	 * tick that was only partly run. */
	c->left[i] = value_ns ? value_ns + ITIMER_CPU_TICK_NS : 0;
	c->interval[i] = value_ns ? interval_ns : 0;
	itimer_cpu_arm(c);
	return 0;
}

static void itimer_cpu_release(struct process *p)
{
	struct itimer_cpu *c = p->itimer_cpu;

	if (!c)
		return;
	if (c->timer)
		timer_cancel(c->timer);
	kfree(c);
	p->itimer_cpu = NULL;
}

static void itimer_get(const struct process *p, int which, struct itimerval *out)
{
	const struct itimer_cpu *c = p->itimer_cpu;

	*out = (struct itimerval){ 0 };
	if (which == ITIMER_REAL) {
		out->it_value = itimer_timeval(itimer_remaining(p));
		out->it_interval = itimer_timeval(p->alarm_interval_ns);
	} else if (c) {
		out->it_value = itimer_timeval(c->left[which - ITIMER_VIRTUAL]);
		out->it_interval = itimer_timeval(c->interval[which - ITIMER_VIRTUAL]);
	}
}

long sys_getitimer(int which, void __user *uvalue)
{
	struct itimerval v;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	itimer_get(process_current(), which, &v);
	if (copy_to_user(uvalue, &v, sizeof(v)))
		return -EFAULT;
	return 0;
}

long sys_setitimer(int which, const void __user *uvalue, void __user *uovalue)
{
	struct process *p = process_current();
	struct itimerval v = { 0 }, old;
	uint64_t value_ns, interval_ns;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	/* A NULL value disarms, as Linux has long accepted. */
	if (uvalue && copy_from_user(&v, uvalue, sizeof(v)))
		return -EFAULT;
	if (itimer_ns(&v.it_value, &value_ns) || itimer_ns(&v.it_interval, &interval_ns))
		return -EINVAL;
	itimer_get(p, which, &old);
	if (uovalue && copy_to_user(uovalue, &old, sizeof(old)))
		return -EFAULT;
	if (which != ITIMER_REAL)
		return itimer_cpu_set(p, which, value_ns, interval_ns);
	return itimer_set(p, value_ns, interval_ns);
}

long sys_alarm(unsigned int seconds)
{
	struct process *p = process_current();
	uint64_t left = itimer_remaining(p);
	long old = (long)(left / NSEC_PER_SEC);

	/* Linux rounds the old remainder to the nearest second, and never down to 0. */
	if (left % NSEC_PER_SEC >= NSEC_PER_SEC / 2 || (old == 0 && left))
		old++;
	/* alarm cannot fail: out of memory, the new alarm is simply lost. */
	(void)itimer_set(p, (uint64_t)seconds * NSEC_PER_SEC, 0);
	return old;
}
