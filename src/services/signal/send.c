/* signal/send.c: queueing signals for processes and threads, and choosing who wakes. */
#include <ostd/errno.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/policy.h>
#include <signal/signal.h>

void (*signal_queued_hook)(struct process *p);
bool (*signal_timer_dequeue_hook)(struct thread *t, ksiginfo_t *info);

void signal_flush_process(struct process *p, kernel_sigset_t set)
{
	struct thread *t;

	sigqueue_flush(&p->shared_pending, set);
	for (t = p->threads; t; t = t->next_in_process)
		sigqueue_flush(&t->pending, set);
}

/* Whether sig, once queued, would be thrown away unseen: ignored and blocked by no
 * thread that could receive it (a blocked one stays queued, as the handler may change
 * before it is unblocked). target NULL: any thread of p. */
static bool signal_is_discarded(struct process *p, struct thread *target, int sig)
{
	struct thread *t;

	if (!signal_handler_ignores(sig, p->sigactions[sig - 1].sa_handler))
		return false;
	if (target)
		return !(target->sigmask & SIG_BIT(sig));
	for (t = p->threads; t; t = t->next_in_process)
		if (t->sigmask & SIG_BIT(sig))
			return false;
	return true;
}

/* Job control takes effect when a signal is sent, not when it is delivered: a stop
 * cancels a pending continue and the reverse, and SIGCONT resumes at once. */
static void signal_prepare_job(struct process *p, int sig)
{
	if (signal_is_stop(sig)) {
		signal_flush_process(p, SIG_BIT(SIGCONT));
	} else if (sig == SIGCONT) {
		signal_flush_process(p, SIGNAL_STOP_MASK);
		if (p->job & PROCESS_STOPPED)
			process_continue(p);
	}
}

/* The thread that should handle a process-directed sig: the current one when it is p's
 * and does not block it, else the first that neither blocks it nor is leaving. */
static struct thread *signal_pick_thread(struct process *p, int sig)
{
	struct thread *cur = thread_current(), *t;

	if (cur && cur->proc == p && !cur->exiting && !(cur->sigmask & SIG_BIT(sig)))
		return cur;
	for (t = p->threads; t; t = t->next_in_process)
		if (!t->exiting && !(t->sigmask & SIG_BIT(sig)))
			return t;
	return NULL;
}

/* The siginfo queued for sig: the sender's, or the kernel's own (SI_KERNEL). */
static void signal_info_fill(ksiginfo_t *k, int sig, const ksiginfo_t *info)
{
	*k = info ? *info : (ksiginfo_t){ .si_code = SI_KERNEL };
	k->si_signo = sig;
}

/* Sends sig to p, directed at target (NULL: the whole process). */
static int signal_send(struct process *p, struct thread *target, int sig,
		       const ksiginfo_t *info)
{
	struct thread *wake = target;
	ksiginfo_t k;
	int err;

	if (sig < 1 || sig > KERNEL_NSIG)
		return -EINVAL;
	if (p->state != PROCESS_ALIVE || p->group_exiting)
		return 0;
	signal_prepare_job(p, sig);
	/* SIGKILL cannot be caught: the whole process goes now, wherever its threads are. */
	if (sig == SIGKILL) {
		process_exit_group(p, SIGKILL);
		return 0;
	}
	if (signal_is_discarded(p, target, sig))
		return 0;
	signal_info_fill(&k, sig, info);
	err = sigqueue_add(target ? &target->pending : &p->shared_pending, &k);
	if (err)
		return err;
	/* signalfd readers wait for signals they block, which no kick reaches. */
	if (signal_queued_hook)
		signal_queued_hook(p);
	if (!target)
		wake = signal_pick_thread(p, sig);
	if (wake && !(wake->sigmask & SIG_BIT(sig)))
		thread_kick(wake);
	return 0;
}

int signal_send_process(struct process *p, int sig, const ksiginfo_t *info)
{
	return signal_send(p, NULL, sig, info);
}

int signal_send_thread(struct thread *t, int sig, const ksiginfo_t *info)
{
	return signal_send(t->proc, t, sig, info);
}

void signal_force(struct thread *t, const ksiginfo_t *info)
{
	int sig = info->si_signo;
	struct sigaction *act = &t->proc->sigactions[sig - 1];
	bool blocked = t->sigmask & SIG_BIT(sig);

	if (blocked || act->sa_handler == SIG_IGN) {
		act->sa_handler = SIG_DFL;
		t->sigmask &= ~SIG_BIT(sig);
	}
	/* A full queue can only refuse real-time signals; the faults are all standard. */
	(void)sigqueue_add(&t->pending, info);
	thread_kick(t);
}

void signal_force_fault(struct thread *t, int sig, int code, uaddr_t addr)
{
	ksiginfo_t k = { .si_signo = sig, .si_code = code };

	if (sig < 1 || sig >= SIGRTMIN)
		return;
	k.u.fault.addr = addr;
	signal_force(t, &k);
}

void signal_force_sigsegv(struct thread *t, int sig)
{
	ksiginfo_t k = { .si_signo = SIGSEGV, .si_code = SI_KERNEL };

	if (sig == SIGSEGV)
		t->proc->sigactions[SIGSEGV - 1].sa_handler = SIG_DFL;
	signal_force(t, &k);
}

bool signal_pending(const struct thread *t)
{
	const struct process *p = t->proc;

	if (t->exiting || p->group_exiting)
		return true;
	return ((t->pending.set | p->shared_pending.set) & ~t->sigmask) != 0;
}

int signal_dequeue(struct thread *t, kernel_sigset_t allowed, ksiginfo_t *info)
{
	struct sigqueue *q;
	int sig;

	/* A dropped timer signal (its timer deleted or re-armed) makes room for the next. */
	for (;;) {
		q = &t->pending;
		sig = signal_pick(q->set & allowed);
		if (!sig) {
			q = &t->proc->shared_pending;
			sig = signal_pick(q->set & allowed);
		}
		if (!sig || sigqueue_take(q, sig, info))
			return 0;
		if (info->si_code != SI_TIMER || !signal_timer_dequeue_hook ||
		    signal_timer_dequeue_hook(t, info))
			return sig;
	}
}
