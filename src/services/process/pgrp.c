/* process/pgrp.c: process groups and sessions (setpgid, getpgid, setsid, getsid), and
 * job-control stops and continues. */
#include <ostd/errno.h>
#include <process/process.h>
#include <signal/signal.h>

long sys_getpgrp(void)
{
	return process_current()->pgid;
}

/* pid 0 is the caller; others must exist. */
static struct process *pgrp_target(int pid)
{
	return pid == 0 ? process_current() : process_find(pid);
}

long sys_getpgid(int pid)
{
	struct process *p = pgrp_target(pid);

	if (pid < 0 || !p || p->state == PROCESS_ZOMBIE)
		return -ESRCH;
	return p->pgid;
}

long sys_getsid(int pid)
{
	struct process *p = pgrp_target(pid);

	if (pid < 0 || !p || p->state == PROCESS_ZOMBIE)
		return -ESRCH;
	return p->sid;
}

struct pgrp_search {
	int pgid, sid;
	bool found;
};

static int pgrp_find_in_session(struct process *p, void *arg)
{
	struct pgrp_search *s = arg;

	if (p->pgid == s->pgid && p->sid == s->sid && p->state != PROCESS_ZOMBIE) {
		s->found = true;
		return 1;
	}
	return 0;
}

static int pgrp_find_group(struct process *p, void *arg)
{
	struct pgrp_search *s = arg;

	if (p->pgid == s->pgid) {
		s->found = true;
		return 1;
	}
	return 0;
}

/* Linux's rules: the caller or one of its children that has not exec'd (Keel does not
 * track that: any child), in the caller's session, not a session leader; the group must
 * be the target's own pid or an existing group of the same session. */
long sys_setpgid(int pid, int pgid)
{
	struct process *self = process_current(), *p;
	struct pgrp_search s;

	if (pgid < 0)
		return -EINVAL;
	p = pgrp_target(pid);
	if (pid < 0 || !p || (p != self && p->parent != self))
		return -ESRCH;
	if (p->sid != self->sid)
		return -EPERM;
	if (p->sid == p->pid)
		return -EPERM;    /* a session leader cannot move */
	if (pgid == 0)
		pgid = p->pid;
	if (pgid != p->pid) {
		s.pgid = pgid;
		s.sid = self->sid;
		s.found = false;
		process_for_each(pgrp_find_in_session, &s);
		if (!s.found)
			return -EPERM;
	}
	p->pgid = pgid;
	return 0;
}

long sys_setsid(void)
{
	struct process *p = process_current();
	struct pgrp_search s = { .pgid = p->pid };

	/* A group leader, or anyone whose pid names a group, cannot start a session. */
	process_for_each(pgrp_find_group, &s);
	if (s.found)
		return -EPERM;
	p->pgid = p->sid = p->pid;
	return p->sid;
}

/* Tells p's parent that p stopped or continued: its waiters, and SIGCHLD unless the
 * parent asked not to hear of stops (SA_NOCLDSTOP). */
static void process_notify_job(struct process *p, int code, int sig)
{
	ksiginfo_t info = { .si_signo = SIGCHLD, .si_code = code };

	if (!p->parent)
		return;
	waitqueue_wake_all(&p->parent->child_wait);
	if (p->parent->sigactions[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP)
		return;
	info.u.chld.pid = p->pid;
	info.u.chld.uid = p->cred.uid;
	info.u.chld.status = sig;
	signal_send_process(p->parent, SIGCHLD, &info);
}

void process_stop(struct process *p, int sig)
{
	struct thread *t;

	if (p->group_exiting || (p->job & PROCESS_STOPPED))
		return;
	p->job = (p->job | PROCESS_STOPPED | PROCESS_REPORT_STOP) & ~PROCESS_REPORT_CONT;
	/* The stop signal sits in exit_code's second byte until a wait reports it. */
	p->exit_code = (sig & 0xff) << 8;
	for (t = p->threads; t; t = t->next_in_process) {
		t->stopped = true;
		thread_kick(t);
	}
	process_notify_job(p, CLD_STOPPED, sig);
}

void process_continue(struct process *p)
{
	struct thread *t;

	if (!(p->job & PROCESS_STOPPED))
		return;
	p->job = (p->job & ~(PROCESS_STOPPED | PROCESS_REPORT_STOP)) | PROCESS_REPORT_CONT;
	for (t = p->threads; t; t = t->next_in_process) {
		t->stopped = false;
		waitqueue_wake_all(&t->stop_wait);
	}
	process_notify_job(p, CLD_CONTINUED, SIGCONT);
}
