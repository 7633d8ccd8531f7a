/* tty/job.c: a terminal's part in job control: the session it controls (found by the
 * session's id, so processes need no field of their own), signals to its foreground
 * group, and SIGTTIN/SIGTTOU for background groups. */
#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/signal.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>
#include <tty/tty.h>

struct tty_kill {
	int pgrp, sig;
};

static int tty_kill_one(struct process *p, void *arg)
{
	const struct tty_kill *k = arg;
	ksiginfo_t info = { .si_signo = k->sig, .si_code = SI_KERNEL };

	if (p->pgid == k->pgrp && p->state != PROCESS_ZOMBIE)
		signal_send_process(p, k->sig, &info);
	return 0;
}

void tty_signal_pgrp(int pgrp, int sig)
{
	struct tty_kill k = { .pgrp = pgrp, .sig = sig };

	process_for_each(tty_kill_one, &k);
}

static bool tty_is_session_leader(const struct process *p)
{
	return p->sid == p->pid;
}

static void tty_take(struct tty *t, struct process *p)
{
	t->session = p->sid;
	t->pgrp = p->pgid;
}

void tty_open_acquire(struct tty *t, unsigned int flags)
{
	struct thread *th = thread_current();
	struct process *p = th ? th->proc : NULL;

	if (!p || (flags & O_NOCTTY) || !tty_is_session_leader(p))
		return;
	if (t->session == 0 && !tty_find_session(p->sid))
		tty_take(t, p);
}

/* TIOCSCTTY: a session leader without a terminal takes t; one held by another session
 * only by root asking to force it (arg 1), as Linux allows. */
int tty_set_ctty(struct tty *t, unsigned long force)
{
	struct process *p = process_current();

	if (tty_is_session_leader(p) && t->session == p->sid)
		return 0;
	if (!tty_is_session_leader(p) || tty_find_session(p->sid))
		return -EPERM;
	if (t->session != 0 && !(force == 1 && p->cred.euid == 0))
		return -EPERM;
	tty_take(t, p);
	return 0;
}

void tty_hangup_session(struct tty *t)
{
	if (t->pgrp > 0) {
		tty_signal_pgrp(t->pgrp, SIGHUP);
		tty_signal_pgrp(t->pgrp, SIGCONT);
	}
	t->session = 0;
	t->pgrp = 0;
}

/* TIOCNOTTY: only on the caller's own terminal; a leader giving it up hangs up its
 * session's foreground group, as Linux's disassociate_ctty does. */
int tty_drop_ctty(struct tty *t)
{
	struct process *p = process_current();

	if (t->session == 0 || t->session != p->sid)
		return -ENOTTY;
	if (tty_is_session_leader(p))
		tty_hangup_session(t);
	return 0;
}

/* Whether sig would be discarded or held by the current thread: then no stop comes. */
static bool tty_job_signal_held(int sig)
{
	struct thread *th = thread_current();
	uint64_t handler = th->proc->sigactions[sig - 1].sa_handler;

	return handler == SIG_IGN || (th->sigmask & SIG_BIT(sig));
}

/* Whether the current process is in a background group of the session t controls. */
static bool tty_caller_in_background(const struct tty *t)
{
	struct thread *th = thread_current();

	return th && t->session != 0 && th->proc->sid == t->session &&
	       th->proc->pgid != t->pgrp;
}

int tty_check_job_read(struct tty *t)
{
	if (!tty_caller_in_background(t))
		return 0;
	if (tty_job_signal_held(SIGTTIN))
		return -EIO;
	tty_signal_pgrp(process_current()->pgid, SIGTTIN);
	return -ERESTARTSYS;
}

int tty_check_job_write(struct tty *t)
{
	if (!(t->termios.c_lflag & TOSTOP) || !tty_caller_in_background(t))
		return 0;
	if (tty_job_signal_held(SIGTTOU))
		return 0;    /* Linux lets the write through */
	tty_signal_pgrp(process_current()->pgid, SIGTTOU);
	return -ERESTARTSYS;
}
