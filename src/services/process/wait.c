/* process/wait.c: wait4 and waitid: reaping zombies and reporting stops and continues. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/resource.h>
#include <abi/siginfo.h>
#include <process/process.h>
#include <signal/signal.h>

#define WNOHANG    0x00000001
#define WUNTRACED  0x00000002   /* == WSTOPPED */
#define WEXITED    0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT    0x01000000
#define WNOTHREAD  0x20000000
#define WALL       0x40000000
#define WCLONE     0x80000000u

#define P_ALL   0
#define P_PID   1
#define P_PGID  2
#define P_PIDFD 3

/* Which children a wait looks at, and what it reports. */
struct wait_query {
	int which, id;            /* P_*, and the pid or pgid */
	unsigned int options;     /* W* as waitid takes them (WEXITED set for wait4) */
};

/* What a wait found. */
struct wait_result {
	struct process *child;
	int status;               /* wait4's status word */
	int code;                 /* CLD_* for waitid */
	int value;                /* waitid's si_status */
};

static bool wait_matches(const struct wait_query *q, const struct process *c)
{
	bool clone_child = c->exit_signal != SIGCHLD;

	/* __WCLONE waits only for "clone" children, the default only for the others. */
	if (!(q->options & WALL) && clone_child != !!(q->options & WCLONE))
		return false;
	switch (q->which) {
	case P_PID:  return c->pid == q->id;
	case P_PGID: return c->pgid == q->id;
	default:     return true;
	}
}

/* A reportable event of c, consuming the stop/continue notice unless WNOWAIT. */
static bool wait_event(const struct wait_query *q, struct process *c, struct wait_result *r)
{
	bool keep = q->options & WNOWAIT;

	r->child = c;
	if (c->state == PROCESS_ZOMBIE && (q->options & WEXITED)) {
		r->status = c->exit_code;
		if ((c->exit_code & 0x7f) == 0) {
			r->code = CLD_EXITED;
			r->value = (c->exit_code >> 8) & 0xff;
		} else {
			r->code = (c->exit_code & 0x80) ? CLD_DUMPED : CLD_KILLED;
			r->value = c->exit_code & 0x7f;
		}
		return true;
	}
	if ((c->job & PROCESS_REPORT_STOP) && (q->options & WUNTRACED)) {
		r->status = (c->exit_code & 0xff00) | 0x7f;
		r->code = CLD_STOPPED;
		r->value = (c->exit_code >> 8) & 0xff;
		if (!keep)
			c->job &= ~PROCESS_REPORT_STOP;
		return true;
	}
	if ((c->job & PROCESS_REPORT_CONT) && (q->options & WCONTINUED)) {
		r->status = 0xffff;
		r->code = CLD_CONTINUED;
		r->value = SIGCONT;
		if (!keep)
			c->job &= ~PROCESS_REPORT_CONT;
		return true;
	}
	return false;
}

/* Waits until a matching child has something to report: 0 with *r, 0 with r->child NULL
 * for WNOHANG, -ECHILD, or -ERESTARTSYS. */
static int wait_for_child(const struct wait_query *q, struct wait_result *r)
{
	struct process *p = process_current(), *c;
	bool any;

	for (;;) {
		any = false;
		for (c = p->children; c; c = c->sibling) {
			if (!wait_matches(q, c))
				continue;
			any = true;
			if (wait_event(q, c, r))
				return 0;
		}
		if (!any)
			return -ECHILD;
		if (q->options & WNOHANG) {
			r->child = NULL;
			return 0;
		}
		if (thread_sleep(&p->child_wait, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
}

/* Reaps a dead child that was reported (not for WNOWAIT or a stop/continue report). */
static void wait_finish(const struct wait_query *q, const struct wait_result *r)
{
	if (r->child->state == PROCESS_ZOMBIE && r->code != CLD_STOPPED &&
	    r->code != CLD_CONTINUED && !(q->options & WNOWAIT))
		process_reap(r->child);
}

/* Keel keeps no resource accounting: a zero rusage, as for a process that used none. */
static int wait_clear_rusage(void __user *ru)
{
	return ru && clear_user(ru, sizeof(struct rusage)) ? -EFAULT : 0;
}

long sys_wait4(int pid, int __user *ustatus, int options, void __user *rusage)
{
	struct wait_query q = { .options = (unsigned int)options | WEXITED };
	struct wait_result r;
	int32_t status;
	long ret;
	int err;

	if ((unsigned int)options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE))
		return -EINVAL;
	if (pid == -1) {
		q.which = P_ALL;
	} else if (pid < -1) {
		if (pid == INT32_MIN)
			return -ESRCH;
		q.which = P_PGID;
		q.id = -pid;
	} else if (pid == 0) {
		q.which = P_PGID;
		q.id = process_current()->pgid;
	} else {
		q.which = P_PID;
		q.id = pid;
	}
	err = wait_for_child(&q, &r);
	if (err)
		return err;
	if (!r.child)
		return 0;
	status = r.status;
	if (ustatus && copy_to_user(ustatus, &status, sizeof(status)))
		return -EFAULT;
	if (wait_clear_rusage(rusage))
		return -EFAULT;
	ret = r.child->pid;
	wait_finish(&q, &r);
	return ret;
}

long sys_waitid(int which, int id, void __user *uinfo, int options, void __user *rusage)
{
	struct wait_query q = { .which = which, .id = id, .options = (unsigned int)options };
	struct wait_result r;
	ksiginfo_t info;
	int err;

	if ((unsigned int)options & ~(WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT |
				      WNOTHREAD | WALL | WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
	case P_PGID:
		if (id < 0)
			return -EINVAL;
		if (which == P_PGID && id == 0)
			q.id = process_current()->pgid;
		break;
	default:
		return -EINVAL;   /* P_PIDFD: Keel has no pidfds yet */
	}
	err = wait_for_child(&q, &r);
	if (err)
		return err;
	memset(&info, 0, sizeof(info));
	if (r.child) {
		info.si_signo = SIGCHLD;
		info.si_code = r.code;
		info.u.chld.pid = r.child->pid;
		info.u.chld.uid = r.child->cred.uid;
		info.u.chld.status = r.value;
	}
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	if (wait_clear_rusage(rusage))
		return -EFAULT;
	if (r.child)
		wait_finish(&q, &r);
	return 0;
}
